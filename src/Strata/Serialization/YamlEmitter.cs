using System.Buffers;
using System.Globalization;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>
/// Writes a tree as block-style YAML: 2-space indentation, <c>\n</c> newlines, keys in the tree's order, <c>{}</c> and
/// <c>[]</c> for empty collections, <c>null</c> for nulls. List items sit at the indentation of their parent key, as
/// PyYAML (and so Fast-LLM) writes them:
/// <code>
/// datasets:
/// - path: a
///   weight: 1
/// </code>
/// Plain scalars (numbers and booleans from the serializer) are written as they are; strings are written plain only
/// when a YAML 1.1 or 1.2 reader would read them back as the same string, and double-quoted otherwise, so that
/// <see cref="Sources.YamlDocumentReader"/> gives back the same tree: the same texts, and strings still strings. (A
/// plain scalar whose text is a null word such as <c>null</c> or <c>~</c> is written as that word, so it reads back as
/// a null; strings must be valid UTF-16, since a lone surrogate has no UTF-8 form.)
/// </summary>
internal static class YamlEmitter
{
    private const int IndentSize = 2;

    /// <summary>The characters that cannot start a plain scalar (a dash can, before a number: see the callers).</summary>
    private static readonly SearchValues<char> s_indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    /// <summary>Words that YAML 1.1 or 1.2 read as something other than a string, compared ignoring case.</summary>
    private static readonly HashSet<string> s_reservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "~", "null", "y", "n", "yes", "no", "true", "false", "on", "off", "inf", "infinity", "nan", "<<", "=",
    };

    /// <summary>The length of the longest reserved word (longer texts need no lookup).</summary>
    private const int MaxReservedLength = 8;

    /// <summary>Returns <paramref name="root"/> as YAML text.</summary>
    /// <param name="root">The tree.</param>
    public static string Emit(ConfigNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        var buffer = YamlBuffer.Rent();
        try
        {
            Emit(root, buffer);
            return buffer.ToString();
        }
        finally
        {
            YamlBuffer.Return(buffer);
        }
    }

    /// <summary>Writes <paramref name="root"/> as YAML text.</summary>
    /// <param name="root">The tree.</param>
    /// <param name="writer">Where to write.</param>
    public static void Emit(ConfigNode root, TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(writer);
        var buffer = YamlBuffer.Rent();
        try
        {
            Emit(root, buffer);
            writer.Write(buffer.Written);
        }
        finally
        {
            YamlBuffer.Return(buffer);
        }
    }

    private static void Emit(ConfigNode root, YamlBuffer writer)
    {
        if (!TryWriteBlock(root, 0, writer, continuesLine: false, keyIndent: 0))
        {
            WriteInline(root, writer);
            writer.Write('\n');
        }
    }

    /// <summary>
    /// Writes <paramref name="node"/> as the value of a mapping entry whose key and colon were just written at
    /// <paramref name="indent"/>, or as a list item whose <c>- </c> was just written at <paramref name="indent"/>.
    /// </summary>
    /// <param name="node">The value.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="indent">The indentation of the key, or of the <c>- </c> of the item.</param>
    /// <param name="item">Whether the value is a list item.</param>
    internal static void WriteValue(ConfigNode node, YamlBuffer writer, int indent, bool item)
    {
        if (item)
        {
            if (!TryWriteBlock(node, indent + IndentSize, writer, continuesLine: true, keyIndent: indent + IndentSize))
            {
                WriteInline(node, writer);
                writer.Write('\n');
            }

            return;
        }

        if (node is ConfigMap { Count: > 0 } or ConfigSequence { Items.Count: > 0 })
        {
            writer.Write('\n');
            TryWriteBlock(node, indent + IndentSize, writer, continuesLine: false, keyIndent: indent);
        }
        else
        {
            writer.Write(' ');
            WriteInline(node, writer);
            writer.Write('\n');
        }
    }

    /// <summary>Writes the key of a mapping entry and its colon (after the indentation, unless the line is continued).</summary>
    /// <param name="key">The key.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="indent">The indentation of the mapping.</param>
    /// <param name="continuesLine">Whether the key follows a <c>- </c> already written.</param>
    internal static void WriteKey(string key, YamlBuffer writer, int indent, bool continuesLine)
    {
        if (!continuesLine)
        {
            writer.WriteSpaces(indent);
        }

        WriteString(key, writer);
        writer.Write(':');
    }

    /// <summary>
    /// Writes a key whose text (<see cref="KeyText"/>, the key as <see cref="WriteKey"/> writes it, with its colon)
    /// was made once: the keys of config fields.
    /// </summary>
    /// <param name="keyText">The key's text and colon.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="indent">The indentation of the mapping.</param>
    /// <param name="continuesLine">Whether the key follows a <c>- </c> already written.</param>
    internal static void WriteKeyText(string keyText, YamlBuffer writer, int indent, bool continuesLine)
    {
        if (!continuesLine)
        {
            writer.WriteSpaces(indent);
        }

        writer.Write(keyText);
    }

    /// <summary>The text <see cref="WriteKey"/> writes for <paramref name="key"/> (after the indentation).</summary>
    /// <param name="key">The key.</param>
    internal static string KeyText(string key) =>
        YamlBuffer.Render(
            static (k, writer) =>
            {
                WriteString(k, writer);
                writer.Write(':');
            },
            key);

    /// <summary>The text of a string written as the value of an entry (<see cref="WriteStringValue"/>).</summary>
    /// <param name="text">The string.</param>
    internal static string StringValueText(string text) => YamlBuffer.Render(static (t, writer) => WriteStringValue(t, writer, item: false), text);

    /// <summary>Writes a scalar's text: plain when it is safe, double-quoted otherwise.</summary>
    /// <param name="text">The text.</param>
    /// <param name="writer">Where to write.</param>
    internal static void WriteString(string text, YamlBuffer writer)
    {
        if (IsPlainSafeString(text))
        {
            writer.Write(text);
        }
        else
        {
            WriteDoubleQuoted(text, writer);
        }
    }

    /// <summary>Writes a plain scalar (a number or a boolean) as the value of an entry or an item (see <see cref="WriteValue"/>).</summary>
    /// <param name="text">The text of the plain scalar.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="item">Whether the value is a list item.</param>
    internal static void WritePlainValue(ReadOnlySpan<char> text, YamlBuffer writer, bool item)
    {
        if (!item)
        {
            writer.Write(' ');
        }

        WritePlain(text, writer);
        writer.Write('\n');
    }

    /// <summary>Writes a string (or a null) as the value of an entry or an item (see <see cref="WriteValue"/>).</summary>
    /// <param name="text">The string, or <see langword="null"/> for a null.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="item">Whether the value is a list item.</param>
    internal static void WriteStringValue(string? text, YamlBuffer writer, bool item)
    {
        if (!item)
        {
            writer.Write(' ');
        }

        if (text is null)
        {
            writer.Write("null");
        }
        else
        {
            WriteString(text, writer);
        }

        writer.Write('\n');
    }

    /// <summary>Writes an empty mapping (<c>{}</c>) or list (<c>[]</c>) as the value of an entry or an item.</summary>
    /// <param name="text">The text.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="item">Whether the value is a list item.</param>
    internal static void WriteEmptyValue(string text, YamlBuffer writer, bool item)
    {
        if (!item)
        {
            writer.Write(' ');
        }

        writer.Write(text);
        writer.Write('\n');
    }

    /// <summary>Writes the text of a plain scalar (a number or a boolean) as <see cref="WriteInline"/> does.</summary>
    /// <param name="text">The text.</param>
    /// <param name="writer">Where to write.</param>
    internal static void WritePlain(ReadOnlySpan<char> text, YamlBuffer writer)
    {
        if (IsPlainSafeScalar(text))
        {
            writer.Write(text);
        }
        else
        {
            WriteString(text.ToString(), writer);
        }
    }

    /// <summary>
    /// Whether <paramref name="text"/> can be written as a plain scalar and still be read back as the string
    /// <paramref name="text"/>: it does not look like a null, a boolean or a number to any YAML reader, and it has
    /// nothing that YAML's plain-scalar grammar gives another meaning.
    /// </summary>
    /// <param name="text">The string.</param>
    internal static bool IsPlainSafeString(string text) =>
        text.Length > 0 && !s_indicators.Contains(text[0]) && !LooksLikeNonString(text) && IsPlainSyntaxSafe(text);

    /// <summary>
    /// Whether a plain scalar with this text could mean a null, a boolean or a number to some YAML reader (or to a
    /// culture-invariant number parser). Deliberately broad: anything that starts like a number counts.
    /// </summary>
    /// <param name="text">The text.</param>
    internal static bool LooksLikeNonString(string text) =>
        text.Length == 0 || char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.' || (text.Length <= MaxReservedLength && s_reservedWords.Contains(text));

    /// <summary>Writes a non-empty mapping or list in block style; returns <see langword="false"/> for anything else.</summary>
    /// <param name="node">The node.</param>
    /// <param name="indent">The indentation of the node's lines.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="continuesLine">Whether the first line follows a <c>- </c> already written.</param>
    /// <param name="keyIndent">The indentation of the key owning a list (its items align with it).</param>
    private static bool TryWriteBlock(ConfigNode node, int indent, YamlBuffer writer, bool continuesLine, int keyIndent)
    {
        switch (node)
        {
            case ConfigMap { Count: > 0 } map:
                WriteMap(map, indent, writer, continuesLine);
                return true;
            case ConfigSequence { Items.Count: > 0 } sequence:
                WriteSequence(sequence, continuesLine ? indent : keyIndent, writer, continuesLine);
                return true;
            default:
                return false;
        }
    }

    private static void WriteMap(ConfigMap map, int indent, YamlBuffer writer, bool continuesLine)
    {
        foreach (var entry in map.EntryArray)
        {
            WriteKey(entry.Key, writer, indent, continuesLine);
            continuesLine = false;
            WriteValue(entry.Value, writer, indent, item: false);
        }
    }

    private static void WriteSequence(ConfigSequence sequence, int indent, YamlBuffer writer, bool continuesLine)
    {
        foreach (var item in sequence.ItemArray)
        {
            if (!continuesLine)
            {
                writer.WriteSpaces(indent);
            }

            continuesLine = false;
            writer.Write("- ");
            WriteValue(item, writer, indent, item: true);
        }
    }

    /// <summary>Writes a scalar or an empty collection on the current line.</summary>
    private static void WriteInline(ConfigNode node, YamlBuffer writer)
    {
        switch (node)
        {
            case ConfigMap:
                writer.Write("{}");
                break;
            case ConfigSequence:
                writer.Write("[]");
                break;
            case ConfigScalar { Value: null }:
                writer.Write("null");
                break;
            case ConfigScalar { Style: ScalarStyle.Plain, Value: { } text } when IsPlainSafeScalar(text):
                writer.Write(text);
                break;
            case ConfigScalar { Value: { } text }:
                WriteString(text, writer);
                break;
            default:
                throw new ArgumentException("Unknown node type " + node.GetType().Name + ".", nameof(node));
        }
    }

    /// <summary>
    /// Whether a plain scalar (a number or a boolean) can be written as it is. A leading dash is fine when a character
    /// other than a space or a dash follows it (<c>-1</c>, <c>-.inf</c>). Other plain texts (which no YAML plain scalar
    /// can hold, so they are no number, boolean or null either) are written as strings, and so are <c>&lt;&lt;</c> and
    /// <c>=</c>, which PyYAML reads as a merge and a value indicator.
    /// </summary>
    /// <param name="text">The text of the plain scalar.</param>
    internal static bool IsPlainSafeScalar(string text) => IsPlainSafeScalar(text.AsSpan());

    private static bool IsPlainSafeScalar(ReadOnlySpan<char> text) =>
        IsPlainSyntaxSafe(text) && !text.SequenceEqual("<<") && !text.SequenceEqual("=")
        && (!s_indicators.Contains(text[0]) || (text.Length > 1 && text[0] == '-' && text[1] is not ('-' or ' ')));

    /// <summary>
    /// Whether the plain-scalar grammar reads <paramref name="text"/> back unchanged in block context (the first
    /// character is checked by the callers): printable characters only, no surrounding spaces, no <c>: </c> or
    /// <c> #</c>, no trailing <c>:</c>, and not a document marker. YamlDotNet also misreads a key holding <c> *</c>
    /// (<c>a *b: 1</c> becomes one scalar), so that is quoted too.
    /// </summary>
    private static bool IsPlainSyntaxSafe(ReadOnlySpan<char> text)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] is ' ' or ':' || text.StartsWith("---", StringComparison.Ordinal) || text.StartsWith("...", StringComparison.Ordinal))
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c is > ' ' and < '\u007F' and not (':' or '#' or '*'))
            {
                // Printable ASCII with no meaning here: the common case.
                continue;
            }

            if (NeedsEscape(text, i) || (c == ':' && text[i + 1] == ' ') || (c is '#' or '*' && i > 0 && text[i - 1] == ' '))
            {
                return false;
            }

            if (char.IsHighSurrogate(c))
            {
                i++;
            }
        }

        return true;
    }

    private static void WriteDoubleQuoted(string text, YamlBuffer writer)
    {
        writer.Write('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    writer.Write("\\\"");
                    break;
                case '\\':
                    writer.Write("\\\\");
                    break;
                case '\n':
                    writer.Write("\\n");
                    break;
                case '\t':
                    writer.Write("\\t");
                    break;
                case var _ when NeedsEscape(text, i):
                    writer.Write("\\u");
                    ((int)c).TryFormat(writer.GetSpan(4), out var written, "X4", CultureInfo.InvariantCulture);
                    writer.Advance(written);
                    break;
                case var _ when char.IsHighSurrogate(c):
                    writer.Write(c);
                    writer.Write(text[++i]);
                    break;
                default:
                    writer.Write(c);
                    break;
            }
        }

        writer.Write('"');
    }

    /// <summary>
    /// Whether the character at <paramref name="i"/> is outside YAML's printable set (controls, DEL, C1 controls, the
    /// byte-order mark, non-characters, unpaired surrogates) or is a line break for YAML 1.1 (NEL, LS, PS).
    /// </summary>
    private static bool NeedsEscape(ReadOnlySpan<char> text, int i)
    {
        var c = text[i];
        if (char.IsHighSurrogate(c))
        {
            return i + 1 >= text.Length || !char.IsLowSurrogate(text[i + 1]);
        }

        return c < ' ' || c is >= '\u007F' and <= '\u009F' or '\u2028' or '\u2029' or '\uFEFF' or '\uFFFE' or '\uFFFF' || char.IsLowSurrogate(c);
    }
}
