namespace Strata.Llm.Models;

/// <summary>The implementation of the normalization layers.</summary>
public enum NormalizationImplementation
{
    /// <summary>Pick the best available implementation.</summary>
    Auto,

    /// <summary>Plain PyTorch.</summary>
    Torch,

    /// <summary>A fused kernel.</summary>
    Fused,

    /// <summary>A fast fused kernel.</summary>
    Fast,

    /// <summary>A Triton kernel.</summary>
    Triton,
}
