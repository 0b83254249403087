using Strata.Provenance;

namespace Strata.Tree;

/// <summary>A scalar: its text as written (or <see langword="null"/> for a null) and whether it was quoted.</summary>
public sealed class ConfigScalar : ConfigNode
{
    /// <summary>Creates a scalar.</summary>
    /// <param name="value">The text, or <see langword="null"/> for a null value.</param>
    /// <param name="style">Plain or quoted.</param>
    /// <param name="origin">Where it was written.</param>
    public ConfigScalar(string? value, ScalarStyle style, Origin origin)
        : base(origin)
    {
        Value = value;
        Style = style;
    }

    internal ConfigScalar(string? value, ScalarStyle style, SourcePosition at)
        : base(at)
    {
        Value = value;
        Style = style;
    }

    /// <summary>The text as written, or <see langword="null"/> for a null (<c>null</c>, <c>~</c>, empty plain scalar).</summary>
    public string? Value { get; }

    /// <summary>Whether the scalar was plain or quoted.</summary>
    public ScalarStyle Style { get; }

    /// <summary>Whether this scalar is a null.</summary>
    public bool IsNull => Value is null;

    /// <inheritdoc />
    public override ConfigNodeKind Kind => ConfigNodeKind.Scalar;

    /// <summary>Creates a plain scalar.</summary>
    /// <param name="value">The text.</param>
    /// <param name="origin">The origin.</param>
    public static ConfigScalar Plain(string value, Origin origin) => new(value, ScalarStyle.Plain, origin);

    /// <summary>Creates a quoted (string) scalar.</summary>
    /// <param name="value">The text.</param>
    /// <param name="origin">The origin.</param>
    public static ConfigScalar Quoted(string value, Origin origin) => new(value, ScalarStyle.Quoted, origin);

    /// <summary>Creates a null scalar.</summary>
    /// <param name="origin">The origin.</param>
    public static ConfigScalar Null(Origin origin) => new(null, ScalarStyle.Plain, origin);

    /// <inheritdoc />
    public override ConfigNode WithOrigin(Origin origin) => ReferenceEquals(origin, Origin) ? this : new ConfigScalar(Value, Style, origin);

    /// <inheritdoc />
    public override string Describe() => Value is null ? "null" : Style == ScalarStyle.Quoted ? "the string " + MessageText.Quoted(Value, '"', '"') : MessageText.Quoted(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "null";
}
