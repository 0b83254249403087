namespace Strata.Generators.Model;

/// <summary>
/// A field rule from a rule attribute, already checked against the field's type.
/// </summary>
/// <param name="Kind">The rule.</param>
/// <param name="OperandType">The fully qualified non-null type the rule compares (numbers and strings), or empty for counts.</param>
/// <param name="Numeric">The number type of <see cref="Bounds"/> and <see cref="Divisor"/>.</param>
/// <param name="Bounds">The bounds of comparison rules (one, or two for a range).</param>
/// <param name="Divisor">The divisor of a multiple-of rule.</param>
/// <param name="Count">The count of a count rule.</param>
/// <param name="Choices">The choices of a one-of rule.</param>
/// <param name="Wrapping">How the rule is lifted to a nullable operand.</param>
/// <param name="CollectionType">The field's collection type when the rule applies to its elements or counts them.</param>
/// <param name="ElementType">The collection's element type (with its nullability).</param>
internal sealed record RuleModel(
    RuleKind Kind,
    string OperandType,
    NumericKind Numeric,
    EquatableArray<double> Bounds,
    long Divisor,
    int Count,
    EquatableArray<string> Choices,
    NullWrapping Wrapping,
    string? CollectionType,
    string? ElementType);
