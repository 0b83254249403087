namespace Strata;

/// <summary>
/// A filesystem path held by a config field. Kept as written (relative paths stay relative to the working directory,
/// as in Fast-LLM); an empty path means the current directory and is written <c>.</c>.
/// </summary>
public readonly struct ConfigPath : IEquatable<ConfigPath>
{
    private readonly string? _value;

    /// <summary>Creates a path.</summary>
    /// <param name="value">The path text.</param>
    public ConfigPath(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = value.Length == 0 ? "." : value;
    }

    /// <summary>The path text.</summary>
    public string Value => _value ?? ".";

    /// <summary>Converts a string to a path.</summary>
    /// <param name="value">The path text.</param>
    public static implicit operator ConfigPath(string value) => new(value);

    /// <summary>Converts a path to its text.</summary>
    /// <param name="path">The path.</param>
    public static implicit operator string(ConfigPath path) => path.Value;

    /// <summary>Whether two paths have the same text.</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    public static bool operator ==(ConfigPath left, ConfigPath right) => left.Equals(right);

    /// <summary>Whether two paths have different text.</summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    public static bool operator !=(ConfigPath left, ConfigPath right) => !left.Equals(right);

    /// <summary>Creates a path from a string.</summary>
    /// <param name="value">The path text.</param>
    public static ConfigPath FromString(string value) => new(value);

    /// <summary>Combines this path with a relative one.</summary>
    /// <param name="relative">The relative path.</param>
    public ConfigPath Combine(string relative) => new(System.IO.Path.Combine(Value, relative));

    /// <inheritdoc />
    public bool Equals(ConfigPath other) => string.Equals(Value, other.Value, StringComparison.Ordinal);

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is ConfigPath other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => StringComparer.Ordinal.GetHashCode(Value);

    /// <inheritdoc />
    public override string ToString() => Value;
}
