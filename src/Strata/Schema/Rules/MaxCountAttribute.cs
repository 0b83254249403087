namespace Strata;

/// <summary>The collection must have at most <see cref="Value"/> elements; null passes.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MaxCountAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="value">The largest allowed count.</param>
    public MaxCountAttribute(int value)
    {
        Value = value;
    }

    /// <summary>The largest allowed count.</summary>
    public int Value { get; }
}
