namespace Strata.Llm.Models;

/// <summary>The implementation of the cross-entropy loss (Fast-LLM's <c>CrossEntropyImpl</c>).</summary>
public enum CrossEntropyImplementation
{
    /// <summary>Pick the best available implementation.</summary>
    Auto,

    /// <summary>Plain PyTorch.</summary>
    Torch,

    /// <summary>A fused PyTorch implementation.</summary>
    Fused,

    /// <summary>A Triton kernel.</summary>
    Triton,
}
