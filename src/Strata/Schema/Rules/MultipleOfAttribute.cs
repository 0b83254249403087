namespace Strata;

/// <summary>The integer value (or each element of a collection) must be a multiple of <see cref="Value"/>; null passes.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MultipleOfAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="value">The divisor.</param>
    public MultipleOfAttribute(long value)
    {
        Value = value;
    }

    /// <summary>The divisor.</summary>
    public long Value { get; }
}
