namespace Strata.Generators.Model;

/// <summary>The rule attributes and the <c>FieldRules</c> factory each one maps to.</summary>
internal enum RuleKind
{
    Min,
    Max,
    GreaterThan,
    LessThan,
    Range,
    MultipleOf,
    OneOf,
    MinCount,
    MaxCount,
    Finite,
}
