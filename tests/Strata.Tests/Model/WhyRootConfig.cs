namespace Strata.Tests.Model;

/// <summary>
/// A config whose hooks read their own fields, their children's, and set values from different inputs: what
/// <c>explain</c>'s <c>depends_on</c> records (docs/engine.md, "Why a derived value is what it is").
/// </summary>
[Config]
public sealed partial class WhyRootConfig
{
    /// <summary>A width.</summary>
    [Field(FieldHint.Core)]
    public partial int Width { get; set; } = 3;

    /// <summary>A height.</summary>
    [Field(FieldHint.Core)]
    public partial int Height { get; set; } = 5;

    /// <summary>A depth.</summary>
    [Field(FieldHint.Core)]
    public partial int Depth { get; set; } = 8;

    /// <summary>The left branch.</summary>
    [Field(FieldHint.Core)]
    public partial WhyBranchConfig Left { get; set; }

    /// <summary>The right branch (reads the left one).</summary>
    [Field(FieldHint.Core)]
    public partial WhyBranchConfig Right { get; set; }

    /// <summary><c>width × height</c>.</summary>
    [Field(FieldHint.Core), DerivedDefault("width × height")]
    public partial int Area { get; set; }

    /// <summary><c>depth / 2</c>: set by the same hook as <see cref="Area"/>, from another input.</summary>
    [Field(FieldHint.Core), DerivedDefault("depth / 2")]
    public partial int Half { get; set; }

    /// <summary><c>left.scaled + right.scaled</c>: the children's derived values.</summary>
    [Field(FieldHint.Core), DerivedDefault("left.scaled + right.scaled")]
    public partial int Total { get; set; }

    /// <summary>A constant: derived from no other value.</summary>
    [Field(FieldHint.Core), DerivedDefault("9")]
    public partial int Constant { get; set; }

    /// <summary>The width, then at least 8: the second assignment reads the field itself.</summary>
    [Field(FieldHint.Core), DerivedDefault("max(width, 8)")]
    public partial int Padded { get; set; }

    /// <summary>From the environment variable <c>WHY_THREADS</c>, read by the hook, else 1.</summary>
    [Field(FieldHint.Core), DerivedDefault("WHY_THREADS, else 1")]
    public partial int Threads { get; set; }

    /// <summary>A computed field: <c>area × depth</c>.</summary>
    [Derived]
    public int Volume => Area * Depth;

    partial void Prepare(PrepareContext context)
    {
        if (!Left.IsSet(nameof(WhyBranchConfig.Factor)))
        {
            Left.Factor = Width;
        }

        Right.ReadFrom(Left);
    }

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(Constant)))
        {
            Constant = 9;
        }

        if (!IsSet(nameof(Area)))
        {
            Area = Width * Height;
        }

        if (!IsSet(nameof(Half)))
        {
            Half = Depth / 2;
        }

        if (!IsSet(nameof(Total)))
        {
            Total = Left.Scaled + Right.Scaled;
        }

        if (!IsSet(nameof(Padded)))
        {
            Padded = Width;
            Padded = Math.Max(Padded, 8);
        }

        if (!IsSet(nameof(Threads)))
        {
            Threads = context.GetEnvironmentInteger("WHY_THREADS") ?? 1;
        }
    }
}
