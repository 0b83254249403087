namespace Strata.Llm.Engine;

/// <summary>The loss scaling that keeps 16-bit gradients in range: a constant scale, or a dynamic one that adapts to overflows.</summary>
[Config]
public sealed partial class GradientScalerConfig
{
    /// <summary>A constant loss scale; unset for dynamic scaling.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double? Constant { get; set; }

    /// <summary>The initial dynamic loss scale.</summary>
    [Field(FieldHint.Feature), GreaterThan(0), Finite]
    public partial double Initial { get; set; } = 65536.0;

    /// <summary>The smallest dynamic loss scale.</summary>
    [Field(FieldHint.Feature), GreaterThan(0), Finite]
    public partial double Minimum { get; set; } = 1.0;

    /// <summary>The number of steps without overflow after which the dynamic scale grows.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int Window { get; set; } = 1000;

    /// <summary>The number of overflows tolerated before the dynamic scale shrinks.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int Hysteresis { get; set; } = 2;
}
