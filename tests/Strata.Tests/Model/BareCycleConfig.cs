namespace Strata.Tests.Model;

/// <summary>A class that holds itself and nothing that renames keys or provides base layers.</summary>
[Config]
public sealed partial class BareCycleConfig
{
    /// <summary>The children.</summary>
    [Field(FieldHint.Core)]
    public partial IList<BareCycleConfig> Children { get; set; } = [];
}
