namespace Strata;

/// <summary>
/// Gives a field a custom value type (a subclass of <c>Strata.Schema.ConfigValueType&lt;T&gt;</c> with a public parameterless
/// constructor) for values that the built-in types do not cover, such as unions.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class ValueTypeAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="type">The value type class.</param>
    public ValueTypeAttribute(Type type)
    {
        Type = type;
    }

    /// <summary>The value type class.</summary>
    public Type Type { get; }
}
