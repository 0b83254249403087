namespace Strata;

/// <summary>
/// Declares that a field has a derived default: when no layer sets it, the config's <c>Derive</c> hook computes it
/// (implicitly, never serialized). An explicit null on such a field means "derive it" (rule R3).
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DerivedDefaultAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="rule">The rule in words, shown in documentation (for example <c>4 × hidden_size</c>).</param>
    public DerivedDefaultAttribute(string rule)
    {
        Rule = rule;
    }

    /// <summary>The rule in words.</summary>
    public string Rule { get; }
}
