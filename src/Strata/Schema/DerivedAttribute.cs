namespace Strata;

/// <summary>
/// Marks a get-only property as a derived field (rule R4): computed from other fields, shown by <c>explain</c>, never
/// serialized, and an input that sets it is an error.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class DerivedAttribute : Attribute
{
    /// <summary>The YAML key; by default the snake_case of the property name.</summary>
    public string? Name { get; set; }
}
