namespace Strata;

/// <summary>The collection must have at least <see cref="Value"/> elements; null passes.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class MinCountAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="value">The smallest allowed count.</param>
    public MinCountAttribute(int value)
    {
        Value = value;
    }

    /// <summary>The smallest allowed count.</summary>
    public int Value { get; }
}
