namespace Strata;

/// <summary>The value (or each element of a collection) must be greater than <see cref="Value"/>; null passes.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class GreaterThanAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="value">The exclusive lower bound.</param>
    public GreaterThanAttribute(double value)
    {
        Value = value;
    }

    /// <summary>The exclusive lower bound.</summary>
    public double Value { get; }
}
