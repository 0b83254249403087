namespace Strata.Extensions.Tests.Configs;

/// <summary>One layer.</summary>
[Config]
public sealed partial class LayerConfig
{
    /// <summary>The layer name.</summary>
    [Field(FieldHint.Core)]
    public partial string Name { get; set; } = "layer";

    /// <summary>The layer width.</summary>
    [Field(FieldHint.Core), GreaterThan(0)]
    public partial int Width { get; set; } = 8;
}
