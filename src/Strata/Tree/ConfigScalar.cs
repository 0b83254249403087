using Strata.Provenance;

namespace Strata.Tree;

/// <summary>A scalar: its text as written (or <see langword="null"/> for a null) and whether it was quoted.</summary>
public sealed class ConfigScalar : ConfigNode
{
    // The value, or for a plain scalar read from a document, the document it is a slice of until the value is asked
    // for: a number or a word that the schema reads from its characters is never made a string of its own. The slice
    // is replaced by its value once made (one reference written: a reader on another thread reads either, and a text of
    // the slice's length is the value).
    private string? _text;
    private readonly int _start;

    // The length of the value, and the style in its sign (~length for a quoted scalar): the node stays 48 bytes.
    private readonly int _lengthAndStyle;

    /// <summary>Creates a scalar.</summary>
    /// <param name="value">The text, or <see langword="null"/> for a null value.</param>
    /// <param name="style">Plain or quoted.</param>
    /// <param name="origin">Where it was written.</param>
    public ConfigScalar(string? value, ScalarStyle style, Origin origin)
        : base(origin)
    {
        _text = value;
        _lengthAndStyle = Pack(value?.Length ?? 0, style);
    }

    internal ConfigScalar(string? value, ScalarStyle style, SourcePosition at)
        : base(at)
    {
        _text = value;
        _lengthAndStyle = Pack(value?.Length ?? 0, style);
    }

    /// <summary>A plain scalar that is <paramref name="length"/> characters of <paramref name="document"/> from <paramref name="start"/>.</summary>
    internal ConfigScalar(string document, int start, int length, SourcePosition at)
        : base(at)
    {
        _text = document;
        _start = start;
        _lengthAndStyle = length;
    }

    private ConfigScalar(ConfigScalar scalar, Origin origin)
        : base(origin)
    {
        _text = scalar._text;
        _start = scalar._start;
        _lengthAndStyle = scalar._lengthAndStyle;
    }

    /// <summary>The text as written, or <see langword="null"/> for a null (<c>null</c>, <c>~</c>, empty plain scalar).</summary>
    public string? Value
    {
        get
        {
            var text = _text;
            if (text is null || text.Length == Length)
            {
                return text;
            }

            var value = text.Substring(_start, Length);
            _text = value;
            return value;
        }
    }

    /// <summary>The characters of the value (none for a null), read without making it a string.</summary>
    internal ReadOnlySpan<char> Text
    {
        get
        {
            var text = _text;
            return text is null || text.Length == Length ? text : text.AsSpan(_start, Length);
        }
    }

    private int Length => _lengthAndStyle < 0 ? ~_lengthAndStyle : _lengthAndStyle;

    /// <summary>Whether the scalar was plain or quoted.</summary>
    public ScalarStyle Style => _lengthAndStyle < 0 ? ScalarStyle.Quoted : ScalarStyle.Plain;

    /// <summary>Whether this scalar is a null.</summary>
    public bool IsNull => _text is null;

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
    public override ConfigNode WithOrigin(Origin origin) => ReferenceEquals(origin, Origin) ? this : new ConfigScalar(this, origin);

    /// <inheritdoc />
    public override string Describe() => Value is null ? "null" : Style == ScalarStyle.Quoted ? "the string " + MessageText.Quoted(Value, '"', '"') : MessageText.Quoted(Value);

    /// <inheritdoc />
    public override string ToString() => Value ?? "null";

    private static int Pack(int length, ScalarStyle style) => style == ScalarStyle.Quoted ? ~length : length;
}
