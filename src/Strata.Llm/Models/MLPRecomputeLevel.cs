namespace Strata.Llm.Models;

/// <summary>Which intermediate values of the MLP are recomputed in the backward pass instead of being stored.</summary>
public enum MLPRecomputeLevel
{
    /// <summary>Nothing is recomputed.</summary>
    None,

    /// <summary>The activation output is recomputed.</summary>
    Activation,

    /// <summary>The activation output and the MLP input are recomputed.</summary>
    [EnumValue("activation_and_input")]
    ActivationAndInput,

    /// <summary>The whole MLP is recomputed.</summary>
    Full,
}
