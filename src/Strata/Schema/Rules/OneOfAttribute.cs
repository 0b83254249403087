namespace Strata;

/// <summary>The string value (or each element of a collection) must be one of <see cref="Values"/>; null passes.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class OneOfAttribute : Attribute
{
    /// <summary>Creates the rule.</summary>
    /// <param name="values">The allowed values.</param>
    public OneOfAttribute(params string[] values)
    {
        Values = values;
    }

    /// <summary>The allowed values.</summary>
    public IReadOnlyList<string> Values { get; }
}
