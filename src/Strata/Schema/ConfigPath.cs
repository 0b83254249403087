namespace Strata;

/// <summary>
/// A filesystem path held by a config field, normalized lexically as Python's <c>pathlib.PurePosixPath</c> does, so that
/// Fast-LLM and Strata name the same path the same way (R5): repeated separators, <c>.</c> parts and a trailing separator
/// are dropped (<c>./exp//a/</c> is <c>exp/a</c>), <c>..</c> is kept (resolving it would need the filesystem), a leading
/// <c>//</c> stays (POSIX leaves its meaning open) while three or more are one. Relative paths stay relative to the
/// working directory, as in Fast-LLM; an empty path means the current directory and is written <c>.</c>.
/// </summary>
public readonly struct ConfigPath : IEquatable<ConfigPath>
{
    private readonly string? _value;

    /// <summary>Creates a path.</summary>
    /// <param name="value">The path text.</param>
    public ConfigPath(string value)
    {
        ArgumentNullException.ThrowIfNull(value);
        _value = Normalize(value);
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

    /// <summary>The text as <c>str(PurePosixPath(text))</c> gives it; the same string when it is already normal.</summary>
    private static string Normalize(string text)
    {
        var root = text.StartsWith("//", StringComparison.Ordinal) && !text.StartsWith("///", StringComparison.Ordinal) ? 2 : text.StartsWith('/') ? 1 : 0;
        if (IsNormal(text, root))
        {
            return text;
        }

        // One pass over the parts, linear in the text: empty and "." parts are dropped, every other part kept.
        var builder = new System.Text.StringBuilder(text.Length);
        builder.Append('/', root);
        foreach (var range in text.AsSpan().Split('/'))
        {
            var part = text.AsSpan(range);
            if (part.Length == 0 || part is ".")
            {
                continue;
            }

            if (builder.Length > root)
            {
                builder.Append('/');
            }

            builder.Append(part);
        }

        return builder.Length == 0 ? "." : builder.ToString();
    }

    /// <summary>Whether the text has no empty or <c>.</c> part after its root (the common case: no allocation).</summary>
    private static bool IsNormal(string text, int root)
    {
        if (text.Length == root)
        {
            return root > 0;
        }

        if (text.Length == 1 && text[0] == '.')
        {
            return true;
        }

        var rest = text.AsSpan(root);
        return !rest.StartsWith('/') && !rest.EndsWith('/') && !rest.Contains("//", StringComparison.Ordinal)
            && !rest.StartsWith("./", StringComparison.Ordinal) && !rest.EndsWith("/.", StringComparison.Ordinal)
            && !rest.Contains("/./", StringComparison.Ordinal) && rest is not ".";
    }
}
