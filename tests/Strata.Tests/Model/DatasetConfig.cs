namespace Strata.Tests.Model;

/// <summary>A polymorphic dataset.</summary>
[Config]
public abstract partial class DatasetConfig
{
    /// <summary>Sampling weight.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial double Weight { get; set; } = 1.0;
}
