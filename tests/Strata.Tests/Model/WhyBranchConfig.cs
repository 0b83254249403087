namespace Strata.Tests.Model;

/// <summary>A branch of <see cref="WhyRootConfig"/>: its hooks read its own fields, its parent's (given in Prepare) and its sibling's.</summary>
[Config]
public sealed partial class WhyBranchConfig
{
    private WhyBranchConfig? _sibling;

    /// <summary>A size.</summary>
    [Field(FieldHint.Core)]
    public partial int Size { get; set; } = 2;

    /// <summary>Set by the parent's Prepare hook from its width.</summary>
    [Field(FieldHint.Core), DerivedDefault("the root's width")]
    public partial int Factor { get; set; }

    /// <summary><c>size × factor</c>: own fields, one of them set by the parent.</summary>
    [Field(FieldHint.Core), DerivedDefault("size × factor")]
    public partial int Scaled { get; set; }

    /// <summary>The sibling's size plus one (the right branch reads the left one).</summary>
    [Field(FieldHint.Core), DerivedDefault("the sibling's size + 1")]
    public partial int FromSibling { get; set; }

    /// <summary>Read by the hook for a remark, and never set.</summary>
    [Field(FieldHint.Core)]
    public partial int Note { get; set; } = 7;

    /// <summary>Gives the branch the sibling it reads.</summary>
    /// <param name="sibling">The other branch.</param>
    internal void ReadFrom(WhyBranchConfig sibling) => _sibling = sibling;

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(Scaled)))
        {
            Scaled = Size * Factor;
        }

        if (!IsSet(nameof(FromSibling)))
        {
            FromSibling = (_sibling?.Size ?? 0) + 1;
        }

        // Read after the last assignment: an input of nothing.
        if (Note > 100)
        {
            context.Info("a large note");
        }
    }
}
