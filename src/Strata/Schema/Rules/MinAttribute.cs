namespace Strata;

/// <summary>The value (or each element of a collection) must be at least <see cref="Value"/>; null passes.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MinAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="value">The smallest allowed value.</param>
    public MinAttribute(double value)
    {
        Value = value;
    }

    /// <summary>The smallest allowed value.</summary>
    public double Value { get; }
}
