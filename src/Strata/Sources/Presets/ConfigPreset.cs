namespace Strata;

/// <summary>
/// A named config that a family ships for one of its config classes (a model architecture, for example), used from a
/// file (<c>include: [preset:NAME]</c>) or an override (<c>model=@preset:NAME</c>), and listed by
/// <c>strata presets KIND</c>. Its values are explicit and show as <c>preset NAME</c> in <c>explain</c>.
/// </summary>
public sealed class ConfigPreset
{
    /// <summary>Creates a preset.</summary>
    /// <param name="name">The name: lower-case letters, digits, <c>.</c>, <c>-</c> and <c>_</c>.</param>
    /// <param name="configClass">The config class the preset configures (its text is a mapping of that class's keys).</param>
    /// <param name="yaml">The preset's text, a YAML mapping.</param>
    /// <param name="description">One line for listings.</param>
    /// <exception cref="ArgumentException">The name is empty or holds another character.</exception>
    public ConfigPreset(string name, Type configClass, string yaml, string description)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        ArgumentNullException.ThrowIfNull(configClass);
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(description);
        foreach (var c in name)
        {
            if (!(char.IsAsciiLetterLower(c) || char.IsAsciiDigit(c) || c is '.' or '-' or '_'))
            {
                throw new ArgumentException("A preset name holds lower-case letters, digits, '.', '-' and '_': '" + name + "'.", nameof(name));
            }
        }

        Name = name;
        ConfigClass = configClass;
        Yaml = yaml;
        Description = description;
    }

    /// <summary>The name.</summary>
    public string Name { get; }

    /// <summary>The config class the preset configures (a type, so that registering presets builds no schema tables).</summary>
    public Type ConfigClass { get; }

    /// <summary>The preset's text, a YAML mapping of <see cref="ConfigClass"/>'s keys.</summary>
    public string Yaml { get; }

    /// <summary>One line for listings.</summary>
    public string Description { get; }

    /// <summary>The preset's tree, or why its text is not valid, once it has been read (<see cref="ConfigPresets"/>).</summary>
    internal (Tree.ConfigMap? Tree, string? Problem)? Parsed { get; set; }
}
