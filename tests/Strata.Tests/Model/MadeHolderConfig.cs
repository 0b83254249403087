namespace Strata.Tests.Model;

/// <summary>
/// A config whose derive hook makes a config with a child, sets the child's value, puts the config in the graph, and
/// then reads the child through it: the child's value was set by the hook, so it is implicit (derived).
/// </summary>
[Config]
public sealed partial class MadeHolderConfig
{
    /// <summary>The config the hook makes.</summary>
    [Field(FieldHint.Core)]
    public partial MadeOuterConfig Made { get; set; }

    /// <summary>The made child's level, read back through the graph.</summary>
    [Field(FieldHint.Core), DerivedDefault("made.inner.level")]
    public partial int Seen { get; set; }

    partial void Derive(DeriveContext context)
    {
        var outer = new MadeOuterConfig();
        outer.Inner.Level = 3;
        Made = outer;
        Seen = Made.Inner.Level;
    }
}
