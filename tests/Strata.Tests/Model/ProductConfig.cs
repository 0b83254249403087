namespace Strata.Tests.Model;

/// <summary>Sizes derived by multiplication: how the engine reports a derivation that overflows.</summary>
[Config]
public sealed partial class ProductConfig
{
    /// <summary>A width.</summary>
    [Field(FieldHint.Core), GreaterThan(0)]
    public partial int Width { get; set; } = 16;

    /// <summary>A count.</summary>
    [Field(FieldHint.Core), GreaterThan(0)]
    public partial int Count { get; set; } = 4;

    /// <summary>Whether <see cref="Cube"/> is derived with checked arithmetic in the hook itself (else it is 1).</summary>
    [Field(FieldHint.Core)]
    public partial bool CheckedCube { get; set; }

    /// <summary><c>width × count</c>, derived through <see cref="DeriveContext.Product"/>.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("width × count")]
    public partial int Total { get; set; }

    /// <summary><c>width × count × count</c> in a <see langword="checked"/> expression: the hook throws when it overflows.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("width × count × count")]
    public partial int Cube { get; set; }

    /// <summary>Derived after <see cref="Cube"/>: left unset when the hook throws before it.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("1")]
    public partial int After { get; set; }

    /// <summary><c>width − count</c>: a derived value that breaks its rule when the count is larger, with no other error.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("width − count")]
    public partial int Excess { get; set; }

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(Excess)))
        {
            Excess = Width - Count;
        }

        if (!IsSet(nameof(Total)) && context.Product(nameof(Total), "width × count", [Width, Count], nameof(Width), nameof(Count)) is { } total)
        {
            Total = total;
        }

        if (!IsSet(nameof(Cube)))
        {
            Cube = CheckedCube ? checked(Width * Count * Count) : 1;
        }

        if (!IsSet(nameof(After)))
        {
            After = 1;
        }
    }
}
