using System.Buffers;
using System.Text;
using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// A fast path of <see cref="YamlDocumentReader"/> for the YAML that configuration files are made of: it builds the
/// tree that <see cref="DocumentReader.TreeAssembler"/> builds from YamlDotNet's events (the same nodes, origins and
/// arrays), or gives up (cheaply, without an exception) so that the YamlDotNet path reads the text from scratch.
/// </summary>
/// <remarks>
/// <para>The subset read: comments, blank lines, <c>\n</c> or <c>\r\n</c> line ends, one <c>---</c> line before the
/// content; a root block mapping; block mappings of plain or quoted one-line keys; block sequences (compact
/// <c>- a: 1</c> and <c>- - 1</c> items, sequences at the indentation of their parent key); one-line plain, single- and
/// double-quoted scalars (every YAML escape); one-line flow sequences and mappings of scalars and flow collections.</para>
/// <para>It gives up on everything else: tabs, anchors, aliases, tags, block scalars, complex keys, directives, other
/// document markers, multi-line scalars and flow collections, flow keys, characters that YAML reads as line breaks or
/// marks (U+0085, U+2028, U+2029, U+FEFF), any character outside the printable set, a lone <c>\r</c>, an implicit key
/// longer than 1000 characters, and whenever the assembler would report anything (the diagnostics then come from the
/// YamlDotNet path): a limit of <see cref="SourceLimits"/> reached (depth, nodes, key and value lengths), a duplicate
/// key, a null key; and on a plain <c>&lt;&lt;</c> key, which the assembler reads as a merge key. Where YAML allows a shape but the reader is not certain that YamlDotNet reads it the same way
/// (a plain scalar starting with <c>?</c> or <c>:</c>, a <c>:</c> or <c>#</c> inside a flow plain scalar, a trailing
/// comma), it gives up too.</para>
/// <para>Where YamlDotNet reads differently from YAML 1.2, the reader gives up, since it must read as YamlDotNet does:
/// a plain scalar holding a space and a <c>*</c> is not ended by a later <c>: </c> (<c>a *b: 1</c> is one scalar);
/// U+0085 and U+2028 are line breaks; a <c>#</c> right after a closing quote starts a comment; a JSON-like key
/// (<c>"a":1</c>) is an error.</para>
/// </remarks>
internal sealed class FastYamlReader
{
    /// <summary>The deepest nesting read here (the recursion is bounded by it); deeper documents give up.</summary>
    private const int MaxNesting = 100;

    /// <summary>YamlDotNet refuses an implicit key longer than 1024 characters; give up well before.</summary>
    private const int MaxImplicitKeyLength = 1000;

    /// <summary>Printable ASCII and the line feed: the characters that need no second look.</summary>
    private static readonly SearchValues<char> s_ordinary = SearchValues.Create(
        "\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Characters that end a plain scalar (or make the reader give up) in a flow collection.</summary>
    private static readonly SearchValues<char> s_flowPlainStop = SearchValues.Create(",[]{}:#*");

    /// <summary>Characters that may end a plain scalar (or make the reader give up) in block context.</summary>
    private static readonly SearchValues<char> s_blockPlainStop = SearchValues.Create(":#*");

    /// <summary>A mapping up to this size is searched for a duplicate key; a larger one is indexed.</summary>
    private const int LinearSearchLimit = 8;

    /// <summary>The lists of the last read of this thread, kept for the next one.</summary>
    [ThreadStatic]
    private static Pool? t_pool;

    private readonly string _text;
    private readonly string _source;
    private readonly bool _checkpoint;
    private readonly SourceLimits _limits;
    private readonly Pool _pool;
    private StringBuilder? _buffer;
    private int _depth;
    private long _nodes;

    // The current content line: where it starts and ends (before its line break), its 1-based number, its indentation
    // (-1 at the end of the text) and where the next line starts.
    private int _lineStart;
    private int _lineEnd;
    private int _lineNumber;
    private int _indent;
    private int _nextLine;

    private FastYamlReader(string text, string source, bool checkpoint, SourceLimits limits, Pool pool)
    {
        _text = text;
        _source = source;
        _checkpoint = checkpoint;
        _limits = limits;
        _pool = pool;
    }

    /// <summary>
    /// Reads a whole document whose root is a block mapping (or an empty document). Returns <see langword="false"/>
    /// when the text is outside the subset, or when the assembler would report anything.
    /// </summary>
    /// <param name="text">The text, without a byte-order mark.</param>
    /// <param name="source">The source of the origins (as <see cref="DocumentReader.Placer"/> takes it).</param>
    /// <param name="checkpoint">Whether the origins are checkpoint origins.</param>
    /// <param name="limits">The limits.</param>
    /// <param name="root">The root: a mapping, or <see langword="null"/> for an empty document.</param>
    public static bool TryRead(string text, string source, bool checkpoint, SourceLimits limits, out ConfigNode? root)
    {
        root = null;
        if (!IsSimpleText(text))
        {
            return false;
        }

        var reader = new FastYamlReader(text, source, checkpoint, limits, t_pool ??= new Pool());
        return reader.ReadDocument(out root);
    }

    /// <summary>
    /// Whether every character is printable ASCII, a line feed, a <c>\r</c> before a line feed, or a printable
    /// non-ASCII character that YAML does not read as a break or a mark (a valid surrogate pair included).
    /// </summary>
    private static bool IsSimpleText(string text)
    {
        var span = text.AsSpan();
        var i = span.IndexOfAnyExcept(s_ordinary);
        while (i >= 0)
        {
            var c = span[i];
            if (c == '\r')
            {
                if (i + 1 >= span.Length || span[i + 1] != '\n')
                {
                    return false;
                }
            }
            else if (char.IsHighSurrogate(c))
            {
                if (i + 1 >= span.Length || !char.IsLowSurrogate(span[i + 1]))
                {
                    return false;
                }

                i++;
            }
            else if (c is not ((>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD')) || c is '\u2028' or '\u2029' or '\uFEFF')
            {
                return false;
            }

            var next = span[(i + 1)..].IndexOfAnyExcept(s_ordinary);
            i = next < 0 ? -1 : i + 1 + next;
        }

        return true;
    }

    private static bool IsNullWord(ReadOnlySpan<char> text) =>
        text is "~" or "null" or "Null" or "NULL";

    private static bool IsHex(char c) => char.IsAsciiHexDigit(c);

    private bool ReadDocument(out ConfigNode? root)
    {
        root = null;
        _nextLine = 0;
        if (!NextContentLine(allowMarker: true))
        {
            return false;
        }

        if (_indent == 0 && StartsWithMarker(_lineStart))
        {
            // Only a `---` line (and a comment) before the content; an empty document after it gives up (YamlDotNet
            // reads an empty scalar there).
            var rest = SkipSpaces(_lineStart + 3);
            if (_text[_lineStart] != '-' || (rest < _lineEnd && !(_text[rest] == '#' && rest > _lineStart + 3)) || !NextContentLine(allowMarker: false) || _indent < 0)
            {
                return false;
            }
        }

        if (_indent < 0)
        {
            return true;
        }

        var start = _lineStart + _indent;
        if (IsBlockEntry(start) || !ParseBlockMapping(start, out var map) || _indent >= 0)
        {
            return false;
        }

        root = map;
        return true;
    }

    /// <summary>
    /// Moves to the next line that holds more than spaces and a comment; <see cref="_indent"/> is -1 at the end of the
    /// text. Returns <see langword="false"/> (give up) on a document marker line, unless <paramref name="allowMarker"/>.
    /// </summary>
    private bool NextContentLine(bool allowMarker)
    {
        while (_nextLine <= _text.Length)
        {
            _lineStart = _nextLine;
            _lineNumber++;
            var newLine = _text.IndexOf('\n', _lineStart);
            if (newLine < 0)
            {
                _lineEnd = _text.Length;
                _nextLine = _text.Length + 1;
            }
            else
            {
                _lineEnd = newLine > _lineStart && _text[newLine - 1] == '\r' ? newLine - 1 : newLine;
                _nextLine = newLine + 1;
            }

            var first = SkipSpaces(_lineStart);
            if (first == _lineEnd || _text[first] == '#')
            {
                continue;
            }

            _indent = first - _lineStart;
            return allowMarker || _indent > 0 || !StartsWithMarker(_lineStart);
        }

        _lineStart = _lineEnd = _text.Length;
        _indent = -1;
        return true;
    }

    /// <summary>Whether the line starts with <c>---</c> or <c>...</c> (a marker, or a plain scalar too close to one).</summary>
    private bool StartsWithMarker(int start) =>
        start + 3 <= _lineEnd && _text[start] is '-' or '.' && _text[start + 1] == _text[start] && _text[start + 2] == _text[start];

    /// <summary>A block mapping whose first key is at <paramref name="start"/> on the current line.</summary>
    private bool ParseBlockMapping(int start, out ConfigNode node)
    {
        node = null!;
        if (!Open())
        {
            return false;
        }

        var column = start - _lineStart;
        var origin = At(start);
        var entries = _pool.RentEntries();
        HashSet<string>? keys = null;
        while (true)
        {
            if (!ParseKey(start, out var afterColon, out var key, out var keyOrigin)
                || !IsNewKey(entries, ref keys, key)
                || !ParseValue(afterColon, column, mapValue: true, out var value))
            {
                return false;
            }

            entries.Add(new ConfigMapEntry(key, keyOrigin, value));

            if (_indent < column)
            {
                break;
            }

            if (_indent > column)
            {
                return false;
            }

            start = _lineStart + _indent;
        }

        node = new ConfigMap([.. entries], origin, owned: true);
        _pool.Return(entries, keys);
        _depth--;
        return true;
    }

    /// <summary>A block sequence whose first <c>-</c> is at <paramref name="start"/> on the current line.</summary>
    private bool ParseBlockSequence(int start, out ConfigNode node)
    {
        node = null!;
        if (!Open())
        {
            return false;
        }

        var column = start - _lineStart;
        var origin = At(start);
        var items = _pool.RentItems();
        while (true)
        {
            if (!ParseValue(start + 1, column, mapValue: false, out var item))
            {
                return false;
            }

            items.Add(item);

            if (_indent < column)
            {
                break;
            }

            if (_indent > column)
            {
                return false;
            }

            start = _lineStart + _indent;
            if (!IsBlockEntry(start))
            {
                // The next key of the mapping this sequence is the value of, at the same indentation (or an error
                // that the parent sees: a line more indented than itself).
                break;
            }
        }

        node = new ConfigSequence([.. items], origin, owned: true);
        _pool.Return(items);
        _depth--;
        return true;
    }

    /// <summary>
    /// The node after a <c>key:</c> or a <c>-</c> of a block collection at <paramref name="parentColumn"/>;
    /// <paramref name="start"/> is just past the indicator (a space or the end of the line). On return the current line
    /// is the next content line, which is not more indented than the parent.
    /// </summary>
    private bool ParseValue(int start, int parentColumn, bool mapValue, out ConfigNode node)
    {
        node = null!;
        var i = SkipSpaces(start);
        if (i == _lineEnd || _text[i] == '#')
        {
            // Nothing on this line (the indicator is followed by a space or the end of the line, so a '#' is a comment).
            var line = _lineNumber;
            var column = start - _lineStart + 1;
            if (!NextContentLine(allowMarker: false))
            {
                return false;
            }

            if (_indent > parentColumn)
            {
                var nested = _lineStart + _indent;
                return IsBlockEntry(nested) ? ParseBlockSequence(nested, out node) : ParseBlockMapping(nested, out node);
            }

            if (mapValue && _indent == parentColumn && IsBlockEntry(_lineStart + _indent))
            {
                return ParseBlockSequence(_lineStart + _indent, out node);
            }

            // YamlDotNet places the empty scalar just past the indicator.
            if (!CountNode())
            {
                return false;
            }

            node = ConfigScalar.Null(Place(line, column));
            return true;
        }

        if (!mapValue)
        {
            if (IsBlockEntry(i))
            {
                return ParseBlockSequence(i, out node);
            }

            if (IsKey(i))
            {
                return ParseBlockMapping(i, out node);
            }
        }

        if (!ParseNode(i, flow: false, out var end, out node))
        {
            return false;
        }

        var rest = SkipSpaces(end);
        if (rest < _lineEnd && !(_text[rest] == '#' && rest > end))
        {
            return false;
        }

        // A more indented line after a scalar continues it (a multi-line plain scalar) or is an error.
        return NextContentLine(allowMarker: false) && _indent <= parentColumn;
    }

    /// <summary>
    /// A key and its <c>:</c>; <paramref name="afterColon"/> is just past the colon. Gives up on a key that the
    /// assembler would not keep (see <see cref="AcceptKey"/>).
    /// </summary>
    private bool ParseKey(int start, out int afterColon, out string key, out Origin keyOrigin)
    {
        afterColon = 0;
        key = string.Empty;
        keyOrigin = null!;
        int colon;
        if (_text[start] is '"' or '\'')
        {
            if (!ParseQuoted(start, out key, out var end))
            {
                return false;
            }

            colon = SkipSpaces(end);
            if (colon >= _lineEnd || _text[colon] != ':' || (colon + 1 < _lineEnd && _text[colon + 1] != ' '))
            {
                return false;
            }
        }
        else
        {
            if (!IsPlainStart(start))
            {
                return false;
            }

            colon = ScanPlainBlock(start, out var isKey);
            if (colon < 0 || !isKey || !PlainKey(start, TrimEnd(start, colon), out key))
            {
                return false;
            }
        }

        if (colon - start > MaxImplicitKeyLength || !AcceptKey(key))
        {
            return false;
        }

        keyOrigin = At(start);
        afterColon = colon + 1;
        return true;
    }

    /// <summary>
    /// The text of a plain key; <see langword="false"/> (give up) for a null word, which the assembler reports as a
    /// key that is not a string, and for <c>&lt;&lt;</c>, which it reads as a merge key.
    /// </summary>
    private bool PlainKey(int start, int end, out string key)
    {
        var span = _text.AsSpan(start, end - start);
        if (IsNullWord(span) || span is "<<")
        {
            key = string.Empty;
            return false;
        }

        key = span.ToString();
        return true;
    }

    /// <summary>Counts a key as the assembler does; <see langword="false"/> (give up) on one it would report.</summary>
    private bool AcceptKey(string key) => key.Length <= _limits.MaxKeyLength && CountNode();

    /// <summary>
    /// Whether <paramref name="key"/> is not yet a key of the mapping (the assembler reports a duplicate); a small
    /// mapping is searched, a larger one indexed in <paramref name="keys"/>.
    /// </summary>
    private bool IsNewKey(List<ConfigMapEntry> entries, ref HashSet<string>? keys, string key)
    {
        if (keys is not null)
        {
            return keys.Add(key);
        }

        for (var i = 0; i < entries.Count; i++)
        {
            if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
            {
                return false;
            }
        }

        if (entries.Count >= LinearSearchLimit)
        {
            keys = _pool.RentKeys();
            foreach (var entry in entries)
            {
                keys.Add(entry.Key);
            }

            keys.Add(key);
        }

        return true;
    }

    /// <summary>Opens a collection: <see langword="false"/> (give up) past the nesting or the node limit.</summary>
    private bool Open() => ++_depth <= MaxNesting && _depth <= _limits.MaxDepth && CountNode();

    /// <summary>Counts a node: <see langword="false"/> (give up) past the node limit.</summary>
    private bool CountNode() => ++_nodes <= _limits.MaxNodes;

    /// <summary>A scalar value (not a key): <see langword="false"/> (give up) past the node or the length limit.</summary>
    private bool ScalarValue(string? value, ScalarStyle style, int start, out ConfigNode node)
    {
        if (!CountNode() || value?.Length > _limits.MaxScalarLength)
        {
            node = null!;
            return false;
        }

        node = new ConfigScalar(value, style, At(start));
        return true;
    }

    /// <summary>Whether a block mapping key (<c>key:</c> followed by a space or the end of the line) starts at <paramref name="start"/>.</summary>
    private bool IsKey(int start)
    {
        var c = _text[start];
        if (c is '"' or '\'')
        {
            var end = SkipQuoted(start);
            if (end < 0)
            {
                return false;
            }

            var colon = SkipSpaces(end);
            return colon < _lineEnd && _text[colon] == ':' && (colon + 1 == _lineEnd || _text[colon + 1] == ' ');
        }

        if (!IsPlainStart(start))
        {
            return false;
        }

        return ScanPlainBlock(start, out var isKey) >= 0 && isKey;
    }

    /// <summary>
    /// A scalar or a flow collection, in block context or inside a flow collection (<paramref name="flow"/>, where plain
    /// scalars end at flow indicators); <paramref name="end"/> is just past it.
    /// </summary>
    private bool ParseNode(int start, bool flow, out int end, out ConfigNode node)
    {
        end = 0;
        node = null!;
        switch (_text[start])
        {
            case '"' or '\'':
                if (!ParseQuoted(start, out var value, out end))
                {
                    return false;
                }

                return ScalarValue(value, ScalarStyle.Quoted, start, out node);
            case '[' or '{':
                return ParseFlow(start, out end, out node);
            default:
                if (!IsPlainStart(start))
                {
                    return false;
                }

                // In block context, `a: b: c` is a mapping where a scalar is expected (an error).
                var isKey = false;
                var stop = flow ? ScanPlainFlow(start) : ScanPlainBlock(start, out isKey);
                if (stop < 0 || isKey)
                {
                    return false;
                }

                end = TrimEnd(start, stop);
                return PlainValue(start, end, out node);
        }
    }

    /// <summary>A flow sequence or mapping on the current line; <paramref name="end"/> is just past its closing bracket.</summary>
    private bool ParseFlow(int start, out int end, out ConfigNode node)
    {
        end = 0;
        node = null!;
        if (!Open())
        {
            return false;
        }

        var isMap = _text[start] == '{';
        var close = isMap ? '}' : ']';
        var origin = At(start);
        var entries = isMap ? _pool.RentEntries() : null;
        var items = isMap ? null : _pool.RentItems();
        HashSet<string>? keys = null;
        var i = SkipSpaces(start + 1);
        if (i < _lineEnd && _text[i] == close)
        {
            node = Close(origin, entries, items, keys);
            end = i + 1;
            return true;
        }

        while (true)
        {
            if (i >= _lineEnd)
            {
                return false;
            }

            string? key = null;
            Origin? keyOrigin = null;
            if (entries is not null)
            {
                if (_text[i] is '[' or '{' || !ParseFlowKey(i, out key, out keyOrigin, out var keyEnd) || !IsNewKey(entries, ref keys, key))
                {
                    return false;
                }

                i = SkipSpaces(keyEnd);
                if (i + 1 >= _lineEnd || _text[i] != ':' || _text[i + 1] != ' ')
                {
                    return false;
                }

                i = SkipSpaces(i + 1);
                if (i >= _lineEnd)
                {
                    return false;
                }
            }

            if (!ParseNode(i, flow: true, out var itemEnd, out var item))
            {
                return false;
            }

            if (entries is not null)
            {
                entries.Add(new ConfigMapEntry(key!, keyOrigin!, item));
            }
            else
            {
                items!.Add(item);
            }

            i = SkipSpaces(itemEnd);
            if (i >= _lineEnd)
            {
                return false;
            }

            if (_text[i] == close)
            {
                node = Close(origin, entries, items, keys);
                end = i + 1;
                return true;
            }

            if (_text[i] != ',')
            {
                return false;
            }

            i = SkipSpaces(i + 1);
            if (i < _lineEnd && _text[i] is ',' or ']' or '}')
            {
                return false;
            }
        }
    }

    /// <summary>Builds a flow collection read to its end and gives its lists back.</summary>
    private ConfigNode Close(Origin origin, List<ConfigMapEntry>? entries, List<ConfigNode>? items, HashSet<string>? keys)
    {
        _depth--;
        if (entries is not null)
        {
            var map = new ConfigMap([.. entries], origin, owned: true);
            _pool.Return(entries, keys);
            return map;
        }

        var sequence = new ConfigSequence([.. items!], origin, owned: true);
        _pool.Return(items!);
        return sequence;
    }

    /// <summary>A key of a flow mapping (a scalar); <paramref name="end"/> is just past it.</summary>
    private bool ParseFlowKey(int start, out string key, out Origin keyOrigin, out int end)
    {
        key = string.Empty;
        keyOrigin = null!;
        end = 0;
        if (_text[start] is '"' or '\'')
        {
            if (!ParseQuoted(start, out key, out end))
            {
                return false;
            }
        }
        else
        {
            if (!IsPlainStart(start))
            {
                return false;
            }

            var stop = ScanPlainFlow(start);
            if (stop < 0)
            {
                return false;
            }

            end = TrimEnd(start, stop);
            if (!PlainKey(start, end, out key))
            {
                return false;
            }
        }

        if (!AcceptKey(key))
        {
            return false;
        }

        keyOrigin = At(start);
        return true;
    }

    /// <summary>
    /// Scans a plain scalar in block context from <paramref name="start"/> to where it stops: a <c>:</c> followed by a
    /// space or the end of the line (<paramref name="isKey"/>), a <c>#</c> after a space, or the end of the line.
    /// </summary>
    /// <remarks>
    /// Returns -1 (give up) at a <c>*</c> after a space: from there on, YamlDotNet no longer ends the scalar at a
    /// <c>: </c> (<c>a *b: 1</c> is one scalar to it, a mapping to YAML 1.2).
    /// </remarks>
    private int ScanPlainBlock(int start, out bool isKey)
    {
        isKey = false;
        var i = start + 1;
        while (i < _lineEnd)
        {
            var found = _text.AsSpan(i, _lineEnd - i).IndexOfAny(s_blockPlainStop);
            if (found < 0)
            {
                break;
            }

            i += found;
            switch (_text[i])
            {
                case ':' when i + 1 == _lineEnd || _text[i + 1] == ' ':
                    isKey = true;
                    return i;
                case '#' when _text[i - 1] == ' ':
                    return i;
                case '*' when _text[i - 1] == ' ':
                    return -1;
            }

            i++;
        }

        return _lineEnd;
    }

    /// <summary>
    /// Scans a plain scalar in a flow collection from <paramref name="start"/> to its end: a <c>,</c>, <c>]</c> or
    /// <c>}</c>, or a <c>:</c> followed by a space. Returns -1 (give up) at the end of the line, at a <c>[</c>,
    /// <c>{</c> or <c>#</c>, at a <c>:</c> followed by anything else, and at a <c>*</c> after a space.
    /// </summary>
    private int ScanPlainFlow(int start)
    {
        var i = start + 1;
        while (i < _lineEnd)
        {
            var found = _text.AsSpan(i, _lineEnd - i).IndexOfAny(s_flowPlainStop);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            switch (_text[i])
            {
                case ',' or ']' or '}':
                    return i;
                case ':':
                    return i + 1 < _lineEnd && _text[i + 1] == ' ' ? i : -1;
                case '*' when _text[i - 1] != ' ':
                    i++;
                    continue;
                default:
                    return -1;
            }
        }

        return -1;
    }

    /// <summary>
    /// Whether a plain scalar may start at <paramref name="start"/>: not an indicator, not a space, and a <c>-</c> only
    /// before a letter, a digit or a dot (<c>-1</c>, <c>-x</c>, <c>-.inf</c>).
    /// </summary>
    private bool IsPlainStart(int start)
    {
        var c = _text[start];
        if (c == '-')
        {
            return start + 1 < _lineEnd && (char.IsAsciiLetterOrDigit(_text[start + 1]) || _text[start + 1] == '.');
        }

        return c is not (' ' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`');
    }

    private bool IsBlockEntry(int start) => _text[start] == '-' && (start + 1 == _lineEnd || _text[start + 1] == ' ');

    /// <summary>The end of a quoted scalar that starts at <paramref name="start"/> (past its closing quote), or -1.</summary>
    private int SkipQuoted(int start)
    {
        var quote = _text[start];
        for (var i = start + 1; i < _lineEnd; i++)
        {
            var c = _text[i];
            if (c == quote)
            {
                if (quote == '\'' && i + 1 < _lineEnd && _text[i + 1] == '\'')
                {
                    i++;
                    continue;
                }

                return i + 1;
            }

            if (c == '\\' && quote == '"')
            {
                i++;
            }
        }

        return -1;
    }

    /// <summary>A single- or double-quoted scalar on one line.</summary>
    private bool ParseQuoted(int start, out string value, out int end)
    {
        value = string.Empty;
        end = 0;
        var quote = _text[start];
        var i = start + 1;
        var stop = quote == '"'
            ? _text.AsSpan(i, _lineEnd - i).IndexOfAny('"', '\\')
            : _text.AsSpan(i, _lineEnd - i).IndexOf('\'');
        if (stop < 0)
        {
            return false;
        }

        stop += i;
        if (_text[stop] == quote && (quote == '"' || stop + 1 == _lineEnd || _text[stop + 1] != '\''))
        {
            value = _text.Substring(i, stop - i);
            end = stop + 1;
            return true;
        }

        var buffer = _buffer ??= new StringBuilder();
        buffer.Clear();
        return quote == '"' ? ReadDoubleQuoted(buffer, i, out value, out end) : ReadSingleQuoted(buffer, i, out value, out end);
    }

    private bool ReadSingleQuoted(StringBuilder buffer, int i, out string value, out int end)
    {
        value = string.Empty;
        end = 0;
        while (true)
        {
            var found = _text.AsSpan(i, _lineEnd - i).IndexOf('\'');
            if (found < 0)
            {
                return false;
            }

            var quote = i + found;
            buffer.Append(_text, i, quote - i);
            if (quote + 1 < _lineEnd && _text[quote + 1] == '\'')
            {
                buffer.Append('\'');
                i = quote + 2;
                continue;
            }

            value = buffer.ToString();
            end = quote + 1;
            return true;
        }
    }

    private bool ReadDoubleQuoted(StringBuilder buffer, int i, out string value, out int end)
    {
        value = string.Empty;
        end = 0;
        while (true)
        {
            var found = _text.AsSpan(i, _lineEnd - i).IndexOfAny('"', '\\');
            if (found < 0)
            {
                return false;
            }

            var at = i + found;
            buffer.Append(_text, i, at - i);
            if (_text[at] == '"')
            {
                value = buffer.ToString();
                end = at + 1;
                return true;
            }

            // An escape; a backslash at the end of the line folds the scalar onto the next one (give up).
            if (at + 1 >= _lineEnd)
            {
                return false;
            }

            var digits = 0;
            switch (_text[at + 1])
            {
                case '0': buffer.Append('\0'); break;
                case 'a': buffer.Append('\a'); break;
                case 'b': buffer.Append('\b'); break;
                case 't': buffer.Append('\t'); break;
                case 'n': buffer.Append('\n'); break;
                case 'v': buffer.Append('\v'); break;
                case 'f': buffer.Append('\f'); break;
                case 'r': buffer.Append('\r'); break;
                case 'e': buffer.Append('\u001B'); break;
                case ' ': buffer.Append(' '); break;
                case '"': buffer.Append('"'); break;
                case '/': buffer.Append('/'); break;
                case '\\': buffer.Append('\\'); break;
                case 'N': buffer.Append('\u0085'); break;
                case '_': buffer.Append('\u00A0'); break;
                case 'L': buffer.Append('\u2028'); break;
                case 'P': buffer.Append('\u2029'); break;
                case 'x': digits = 2; break;
                case 'u': digits = 4; break;
                case 'U': digits = 8; break;
                default: return false;
            }

            i = at + 2;
            if (digits > 0)
            {
                if (i + digits > _lineEnd)
                {
                    return false;
                }

                var code = 0L;
                for (var k = 0; k < digits; k++)
                {
                    var c = _text[i + k];
                    if (!IsHex(c))
                    {
                        return false;
                    }

                    code = (code * 16) + (c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10);
                }

                // Surrogates (even a pair written as two escapes) and values past Unicode: YamlDotNet's business.
                if (code is (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF)
                {
                    return false;
                }

                if (code > 0xFFFF)
                {
                    buffer.Append(char.ConvertFromUtf32((int)code));
                }
                else
                {
                    buffer.Append((char)code);
                }

                i += digits;
            }
        }
    }

    /// <summary>A plain scalar value as YamlDocumentReader makes it: a null word is a null.</summary>
    private bool PlainValue(int start, int end, out ConfigNode node)
    {
        var span = _text.AsSpan(start, end - start);
        var isNull = IsNullWord(span);
        if (!CountNode() || (!isNull && span.Length > _limits.MaxScalarLength))
        {
            node = null!;
            return false;
        }

        node = new ConfigScalar(isNull ? null : span.ToString(), ScalarStyle.Plain, At(start));
        return true;
    }

    private int SkipSpaces(int i)
    {
        while (i < _lineEnd && _text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    private int TrimEnd(int start, int end)
    {
        while (end > start && _text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    private Origin At(int index) => Place(_lineNumber, index - _lineStart + 1);

    /// <summary>The origin that <see cref="DocumentReader.Placer"/> makes of the same source, line and column.</summary>
    private Origin Place(int line, int column) => DocumentReader.Place(_source, _checkpoint, line, column);

    /// <summary>
    /// The lists of a thread's reads: the builder takes one for each collection and gives it back, empty, once the
    /// collection's array is made. Lists grown past <see cref="MaxPooled"/> are let go.
    /// </summary>
    private sealed class Pool
    {
        private const int MaxPooled = 1024;
        private readonly Stack<List<ConfigMapEntry>> _entries = new();
        private readonly Stack<List<ConfigNode>> _items = new();
        private readonly Stack<HashSet<string>> _keys = new();

        public List<ConfigMapEntry> RentEntries() => _entries.TryPop(out var list) ? list : [];

        public List<ConfigNode> RentItems() => _items.TryPop(out var list) ? list : [];

        public HashSet<string> RentKeys() => _keys.TryPop(out var set) ? set : new HashSet<string>(StringComparer.Ordinal);

        public void Return(List<ConfigMapEntry> entries, HashSet<string>? keys)
        {
            if (entries.Count <= MaxPooled)
            {
                entries.Clear();
                _entries.Push(entries);
            }

            if (keys is not null && keys.Count <= MaxPooled)
            {
                keys.Clear();
                _keys.Push(keys);
            }
        }

        public void Return(List<ConfigNode> items)
        {
            if (items.Count <= MaxPooled)
            {
                items.Clear();
                _items.Push(items);
            }
        }
    }
}
