namespace Strata;

/// <summary>The value (or each element of a collection) must be at most <see cref="Value"/>; null passes.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MaxAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="value">The largest allowed value.</param>
    public MaxAttribute(double value)
    {
        Value = value;
    }

    /// <summary>The largest allowed value.</summary>
    public double Value { get; }
}
