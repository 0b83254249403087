using System.Buffers;
using System.Globalization;
using System.Runtime.CompilerServices;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>
/// A sink that writes block-style YAML: 2-space indentation, <c>\n</c> newlines, keys in the order written, <c>{}</c> and
/// <c>[]</c> for empty collections, <c>null</c> for nulls. List items sit at the indentation of their parent key, as
/// PyYAML (and so Fast-LLM) writes them:
/// <code>
/// datasets:
/// - path: a
///   weight: 1
/// </code>
/// Plain scalars (numbers and booleans) are written as they are; strings are written plain only when a YAML 1.1 or 1.2
/// reader would read them back as the same string, and double-quoted otherwise, so that
/// <see cref="Sources.YamlDocumentReader"/> gives back the same tree. (A plain scalar whose text is a null word such as
/// <c>null</c> or <c>~</c> is written as that word, so it reads back as a null; strings must be valid UTF-16, since a lone
/// surrogate has no UTF-8 form.) The text goes to a pooled buffer, one kept per thread for the next text.
/// </summary>
internal sealed class YamlEmitter : ValueSink
{
    private const int IndentSize = 2;

    /// <summary>Beyond this many characters, a buffer is given back to the pool rather than kept by its thread.</summary>
    private const int MaxKeptLength = 1 << 20;

    /// <summary>Longer strings are checked each time, not kept by <see cref="_known"/> (which lives with its thread).</summary>
    private const int MaxKnownLength = 64;

    /// <summary>The characters that cannot start a plain scalar (a dash can, before a number: see the callers).</summary>
    private static readonly SearchValues<char> s_indicators = SearchValues.Create("-?:,[]{}#&*!|>'\"%@`");

    /// <summary>Words that YAML 1.1 or 1.2 read as something other than a string, compared ignoring case.</summary>
    private static readonly HashSet<string> s_reservedWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "~", "null", "y", "n", "yes", "no", "true", "false", "on", "off", "inf", "infinity", "nan", "<<", "=",
    };

    /// <summary>The first characters of <see cref="s_reservedWords"/>: most strings are told apart by it, without hashing.</summary>
    private static readonly SearchValues<char> s_reservedStarts = SearchValues.Create("~nNyYtTfFoOiI<=");

    [ThreadStatic]
    private static YamlEmitter? t_cached;

    /// <summary>
    /// Strings written before (keys, type names, enum names) and whether they are plain-safe, by reference: the keys of
    /// config fields come again and again, and the check of a string costs more than the copy of its text. Sized to
    /// hold the keys of a whole trainer config (a few hundred) without evicting each other.
    /// </summary>
    private readonly (string? Text, bool Plain)[] _known = new (string?, bool)[512];
    private Frame[] _open = new Frame[16];
    private int _depth;
    private char[] _chars = ArrayPool<char>.Shared.Rent(4096);
    private int _length;

    /// <summary>The indentation of the key whose value comes next (in a mapping).</summary>
    private int _keyIndent;

    /// <summary>Where the next value goes when no collection is open or the open one is a mapping.</summary>
    private enum Place : byte
    {
        Root,
        AfterKey,
        Item,
    }

    /// <summary>Returns <paramref name="root"/> as YAML text.</summary>
    public static string Emit(ConfigNode root)
    {
        ArgumentNullException.ThrowIfNull(root);
        return Write(root, static (node, sink) => TreeSink.Replay(node, sink));
    }

    /// <summary>A string double-quoted, with the escapes of this YAML (one-line flow text quotes with it too).</summary>
    internal static string Quoted(string text) => Write(text, static (t, sink) => sink.WriteQuoted(t));

    /// <summary>The text <paramref name="write"/> writes into this thread's sink (a new one when it is in use).</summary>
    public static string Write<T>(T argument, Action<T, YamlEmitter> write)
    {
        var sink = t_cached ?? new YamlEmitter();
        t_cached = null;
        try
        {
            write(argument, sink);
            return new string(sink._chars, 0, sink._length);
        }
        finally
        {
            sink._length = 0;
            sink._depth = 0;
            if (sink._chars.Length > MaxKeptLength)
            {
                ArrayPool<char>.Shared.Return(sink._chars);
                sink._chars = ArrayPool<char>.Shared.Rent(4096);
            }

            t_cached = sink;
        }
    }

    public override void StartMap() => Open(isList: false);

    public override void Key(string key)
    {
        ref var map = ref StartMember();
        _keyIndent = map.ChildIndent;
        WriteString(key);
        Write(':');
    }

    public override void EndMap() => Close("{}");

    public override void StartList() => Open(isList: true);

    public override void EndList() => Close("[]");

    public override void Plain(ReadOnlySpan<char> text)
    {
        StartScalar();
        if (IsPlainSafeScalar(text))
        {
            Write(text);
        }
        else
        {
            WriteString(text.ToString());
        }

        Write('\n');
    }

    public override void String(string text)
    {
        StartScalar();
        WriteString(text);
        Write('\n');
    }

    public override void Null()
    {
        StartScalar();
        Write("null\n");
    }

    /// <summary>
    /// Whether <paramref name="text"/> can be written as a plain scalar and still be read back as the string
    /// <paramref name="text"/>: it does not look like a null, a boolean or a number to any YAML reader, and it has
    /// nothing that YAML's plain-scalar grammar gives another meaning.
    /// </summary>
    internal static bool IsPlainSafeString(string text) =>
        text.Length > 0 && !s_indicators.Contains(text[0]) && !LooksLikeNonString(text) && IsPlainSyntaxSafe(text);

    /// <summary>
    /// Whether a plain scalar with this text could mean a null, a boolean or a number to some YAML reader (or to a
    /// culture-invariant number parser). Deliberately broad: anything that starts like a number counts.
    /// </summary>
    internal static bool LooksLikeNonString(string text) =>
        text.Length == 0 || char.IsAsciiDigit(text[0]) || text[0] is '+' or '-' or '.'
        || (text.Length <= 8 && s_reservedStarts.Contains(text[0]) && s_reservedWords.Contains(text));

    /// <summary>
    /// Whether a plain scalar (a number or a boolean) can be written as it is. A leading dash is fine when a character
    /// other than a space or a dash follows it (<c>-1</c>, <c>-.inf</c>). Other plain texts (which no YAML plain scalar
    /// can hold, so they are no number, boolean or null either) are written as strings, and so are <c>&lt;&lt;</c> and
    /// <c>=</c>, which PyYAML reads as a merge and a value indicator.
    /// </summary>
    internal static bool IsPlainSafeScalar(ReadOnlySpan<char> text) =>
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

    /// <summary>
    /// Opens a collection, written only when its first member comes (an empty one is <c>{}</c> or <c>[]</c> on the line
    /// of its key or its <c>- </c>). A mapping's entries are indented under its key; a list's items sit at its key's
    /// indentation; a collection that is a list item starts on the line of its <c>- </c>.
    /// </summary>
    private void Open(bool isList)
    {
        var place = StartValue(out var indent);
        var childIndent = place switch
        {
            Place.Root => 0,
            Place.AfterKey => isList ? indent : indent + IndentSize,
            _ => indent + IndentSize,
        };
        if (_depth == _open.Length)
        {
            Array.Resize(ref _open, _depth * 2);
        }

        _open[_depth++] = new Frame(isList, place, childIndent, ContinuesLine: place == Place.Item, Started: false);
    }

    private void Close(string empty)
    {
        ref var frame = ref _open[--_depth];
        if (!frame.Started)
        {
            if (frame.Place == Place.AfterKey)
            {
                Write(' ');
            }

            Write(empty);
            Write('\n');
        }
    }

    /// <summary>Starts a value: after its key, or as a list item (its <c>- </c> written), or alone.</summary>
    private Place StartValue(out int indent)
    {
        if (_depth == 0)
        {
            indent = 0;
            return Place.Root;
        }

        if (!_open[_depth - 1].IsList)
        {
            indent = _keyIndent;
            return Place.AfterKey;
        }

        ref var list = ref StartMember();
        indent = list.ChildIndent;
        Write("- ");
        return Place.Item;
    }

    /// <summary>Starts a scalar: on its key's line after a space, or after its <c>- </c>, or alone.</summary>
    private void StartScalar()
    {
        if (StartValue(out _) == Place.AfterKey)
        {
            Write(' ');
        }
    }

    /// <summary>Starts a member of the innermost collection: its line break and indentation, unless it continues a line.</summary>
    private ref Frame StartMember()
    {
        ref var frame = ref _open[_depth - 1];
        if (!frame.Started)
        {
            frame.Started = true;
            if (frame.Place == Place.AfterKey)
            {
                Write('\n');
            }
        }

        if (frame.ContinuesLine)
        {
            frame.ContinuesLine = false;
        }
        else
        {
            WriteSpaces(frame.ChildIndent);
        }

        return ref frame;
    }

    /// <summary>Writes a string's text: plain when it is safe, double-quoted otherwise.</summary>
    private void WriteString(string text)
    {
        if (text.Length > MaxKnownLength ? IsPlainSafeString(text) : IsKnownPlainSafe(text))
        {
            Write(text);
        }
        else
        {
            WriteQuoted(text);
        }
    }

    /// <summary>Whether a short string is plain-safe, by <see cref="_known"/>.</summary>
    private bool IsKnownPlainSafe(string text)
    {
        ref var known = ref _known[RuntimeHelpers.GetHashCode(text) & (_known.Length - 1)];
        if (!ReferenceEquals(known.Text, text))
        {
            known = (text, IsPlainSafeString(text));
        }

        return known.Plain;
    }

    private void WriteQuoted(string text)
    {
        Span<char> hex = stackalloc char[4];
        Write('"');
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            switch (c)
            {
                case '"':
                    Write("\\\"");
                    break;
                case '\\':
                    Write("\\\\");
                    break;
                case '\n':
                    Write("\\n");
                    break;
                case '\t':
                    Write("\\t");
                    break;
                case var _ when NeedsEscape(text, i):
                    ((int)c).TryFormat(hex, out _, "x4", CultureInfo.InvariantCulture);
                    Write("\\u");
                    Write(hex);
                    break;
                case var _ when char.IsHighSurrogate(c):
                    Write(c);
                    Write(text[++i]);
                    break;
                default:
                    Write(c);
                    break;
            }
        }

        Write('"');
    }

    private void Write(char c)
    {
        if (_length == _chars.Length)
        {
            Grow(1);
        }

        _chars[_length++] = c;
    }

    private void Write(ReadOnlySpan<char> text)
    {
        if (text.Length > _chars.Length - _length)
        {
            Grow(text.Length);
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }

    private void WriteSpaces(int count)
    {
        if (count > _chars.Length - _length)
        {
            Grow(count);
        }

        _chars.AsSpan(_length, count).Fill(' ');
        _length += count;
    }

    private void Grow(int needed)
    {
        var larger = ArrayPool<char>.Shared.Rent(Math.Max(_chars.Length * 2, _length + needed));
        _chars.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
    }

    /// <summary>An open collection: the indentation of its members, and whether the first was started.</summary>
    private record struct Frame(bool IsList, Place Place, int ChildIndent, bool ContinuesLine, bool Started);
}
