namespace Strata.Llm.Models;

/// <summary>The normalization layers of a transformer.</summary>
[Config]
[RenamedFrom("normalization_type", "type")]
[RenamedFrom("layer_norm_eps", "epsilon")]
[RenamedFrom("zero_centered_normalization", "zero_centered")]
[RenamedFrom("normalization_implementation", "implementation")]
[RenamedFrom("layer_norm_init_range", "initialization_range")]
public sealed partial class NormalizationConfig
{
    /// <summary>The kind of normalization.</summary>
    [Field(FieldHint.Core, Architecture = true)]
    public partial NormalizationType Type { get; set; } = NormalizationType.LayerNorm;

    /// <summary>The small constant added to the variance for numerical stability.</summary>
    [Field(FieldHint.Stability, Architecture = true), GreaterThan(0), Finite]
    public partial double Epsilon { get; set; } = 1e-5;

    /// <summary>Whether the weight is stored as an offset from one (so that it is initialised at zero).</summary>
    [Field(FieldHint.Stability, Architecture = true)]
    public partial bool ZeroCentered { get; set; }

    /// <summary>The kernel that computes the normalization.</summary>
    [Field(FieldHint.Performance)]
    public partial NormalizationImplementation Implementation { get; set; } = NormalizationImplementation.Auto;

    /// <summary>Half-width of the uniform random initialisation of the weights and biases; zero keeps the usual constant initialisation.</summary>
    [Field(FieldHint.Testing), Min(0), Finite]
    public partial double InitializationRange { get; set; }
}
