namespace Strata;

/// <summary>The value (or each element of a collection) must lie in the inclusive range; null passes.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class RangeAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="minimum">The smallest allowed value.</param>
    /// <param name="maximum">The largest allowed value.</param>
    public RangeAttribute(double minimum, double maximum)
    {
        Minimum = minimum;
        Maximum = maximum;
    }

    /// <summary>The smallest allowed value.</summary>
    public double Minimum { get; }

    /// <summary>The largest allowed value.</summary>
    public double Maximum { get; }
}
