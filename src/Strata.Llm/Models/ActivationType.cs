namespace Strata.Llm.Models;

/// <summary>The activation function between the two layers of the MLP.</summary>
public enum ActivationType
{
    /// <summary>GeLU (tanh approximation).</summary>
    Gelu,

    /// <summary>SiLU, also called swish.</summary>
    Silu,

    /// <summary>ReLU.</summary>
    Relu,

    /// <summary>The square of ReLU.</summary>
    [EnumValue("squared_relu")]
    SquaredRelu,
}
