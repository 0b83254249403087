namespace Strata;

/// <summary>Describes a field of a config class: its hint and, when needed, its key and its special roles.</summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FieldAttribute : Attribute
{
    /// <summary>Creates the attribute with <see cref="FieldHint.Unknown"/>.</summary>
    public FieldAttribute()
    {
    }

    /// <summary>Creates the attribute with a hint.</summary>
    /// <param name="hint">The field's hint.</param>
    public FieldAttribute(FieldHint hint)
    {
        Hint = hint;
    }

    /// <summary>The field's hint.</summary>
    public FieldHint Hint { get; }

    /// <summary>The YAML key; by default the snake_case of the property name.</summary>
    public string? Name { get; set; }

    /// <summary>Whether the field belongs to the architecture (kept by <c>load_config: architecture</c>), whatever its hint.</summary>
    public bool Architecture { get; set; }

    /// <summary>Whether the value is secret (rule R14): redacted in every output and kept out of saved configs.</summary>
    public bool Secret { get; set; }

    /// <summary>Whether the value differs between the processes of one run (a rank), so that it is left out of the fingerprint.</summary>
    public bool RankLocal { get; set; }
}
