namespace Strata.Schema;

/// <summary>A rule on a field's value, with what documentation and JSON Schema need to know about it.</summary>
public abstract class FieldRule
{
    private protected FieldRule()
    {
    }

    /// <summary>The rule in words: <c>&gt;= 0</c>, <c>in 1..3</c>, <c>one of a, b</c>.</summary>
    public abstract string Description { get; }

    /// <summary>The inclusive lower bound, if the rule has one.</summary>
    public virtual double? Minimum => null;

    /// <summary>The exclusive lower bound, if the rule has one.</summary>
    public virtual double? ExclusiveMinimum => null;

    /// <summary>The inclusive upper bound, if the rule has one.</summary>
    public virtual double? Maximum => null;

    /// <summary>The exclusive upper bound, if the rule has one.</summary>
    public virtual double? ExclusiveMaximum => null;

    /// <summary>The divisor, if the rule is a multiple-of rule.</summary>
    public virtual long? MultipleOf => null;

    /// <summary>The allowed values, if the rule is a choice.</summary>
    public virtual IReadOnlyList<string>? Choices => null;

    /// <summary>The smallest collection size, if any.</summary>
    public virtual int? MinCount => null;

    /// <summary>The largest collection size, if any.</summary>
    public virtual int? MaxCount => null;

    /// <summary>Whether the rule applies to each element of a collection rather than to the value.</summary>
    public virtual bool AppliesToElements => false;
}
