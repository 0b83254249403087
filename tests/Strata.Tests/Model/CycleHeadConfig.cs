namespace Strata.Tests.Model;

/// <summary>One end of a cycle of classes (head holds tails, tail holds heads) with renamed keys below it.</summary>
[Config]
public sealed partial class CycleHeadConfig
{
    /// <summary>The tails.</summary>
    [Field(FieldHint.Core)]
    public partial IList<CycleTailConfig> Tails { get; set; } = [];
}
