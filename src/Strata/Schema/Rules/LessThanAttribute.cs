namespace Strata;

/// <summary>The value (or each element of a collection) must be less than <see cref="Value"/>; null passes.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class LessThanAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="value">The exclusive upper bound.</param>
    public LessThanAttribute(double value)
    {
        Value = value;
    }

    /// <summary>The exclusive upper bound.</summary>
    public double Value { get; }
}
