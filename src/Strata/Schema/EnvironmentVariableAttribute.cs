namespace Strata;

/// <summary>
/// Binds a field to an environment variable: when no layer sets the field, the variable's value (read once per
/// resolution, typed by the field) is used as an implicit value whose origin names the variable.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class EnvironmentVariableAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The variable name.</param>
    public EnvironmentVariableAttribute(string name)
    {
        Name = name;
    }

    /// <summary>The variable name.</summary>
    public string Name { get; }
}
