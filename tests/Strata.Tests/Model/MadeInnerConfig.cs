namespace Strata.Tests.Model;

/// <summary>The child of <see cref="MadeOuterConfig"/>: its level is set by the hook that made its parent.</summary>
[Config]
public sealed partial class MadeInnerConfig
{
    /// <summary>A level.</summary>
    [Field(FieldHint.Core)]
    public partial int Level { get; set; }
}
