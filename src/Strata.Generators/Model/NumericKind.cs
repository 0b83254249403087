namespace Strata.Generators.Model;

/// <summary>The number types that rule bounds can be written in.</summary>
internal enum NumericKind
{
    None,
    Int32,
    Int64,
    BigInteger,
    Double,
    Single,
}
