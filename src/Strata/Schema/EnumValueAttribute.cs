namespace Strata;

/// <summary>
/// Gives an enum member of a config field its YAML name (by default the snake_case of the member name) and aliases
/// that are accepted on input (for example <c>bf16</c> for <c>bfloat16</c>); output always uses the name.
/// </summary>
[AttributeUsage(AttributeTargets.Field, Inherited = false)]
public sealed class EnumValueAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The YAML name.</param>
    /// <param name="aliases">Other names accepted on input.</param>
    public EnumValueAttribute(string name, params string[] aliases)
    {
        Name = name;
        Aliases = aliases;
    }

    /// <summary>The YAML name.</summary>
    public string Name { get; }

    /// <summary>Other names accepted on input.</summary>
    public IReadOnlyList<string> Aliases { get; }
}
