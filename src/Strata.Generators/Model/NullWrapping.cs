namespace Strata.Generators.Model;

/// <summary>How a rule on a non-null operand is lifted to a nullable one.</summary>
internal enum NullWrapping
{
    None,
    WhenNotNull,
    WhenNotNullReference,
}
