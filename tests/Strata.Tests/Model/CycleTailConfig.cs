namespace Strata.Tests.Model;

/// <summary>The other end of the cycle of <see cref="CycleHeadConfig"/>; it holds a layer, which renames keys.</summary>
[Config]
public sealed partial class CycleTailConfig
{
    /// <summary>The heads.</summary>
    [Field(FieldHint.Core)]
    public partial IList<CycleHeadConfig> Heads { get; set; } = [];

    /// <summary>A layer.</summary>
    [Field(FieldHint.Core)]
    public partial LayerConfig Layer { get; set; } = new();
}
