namespace Strata.Extensions.Tests.Configs;

/// <summary>A dataset, chosen by its <c>type</c> key.</summary>
[Config]
public abstract partial class DatasetConfig
{
    /// <summary>The sampling weight.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial double Weight { get; set; } = 1;
}
