using Strata.Provenance;
using Strata.Tree;

namespace Strata.Sources.Yaml;

/// <summary>
/// The fast path of <see cref="YamlDocumentReader"/> for the YAML that configuration files and override values are made
/// of: it builds the tree that <see cref="TreeAssembler"/> builds from YamlDotNet's events (the same nodes, positions
/// and arrays), or gives up (cheaply, without an exception) so that YamlDotNet reads the text from scratch.
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
/// key, a null key; and on a plain <c>&lt;&lt;</c> key, which the assembler reads as a merge key. Where YAML allows a
/// shape but the reader is not certain that YamlDotNet reads it the same way (a plain scalar starting with <c>?</c> or
/// <c>:</c>, a <c>:</c> or <c>#</c> inside a flow plain scalar, a trailing comma), it gives up too.</para>
/// <para>Where YamlDotNet reads differently from YAML 1.2, the reader gives up, since it must read as YamlDotNet does:
/// a plain scalar holding a space and a <c>*</c> is not ended by a later <c>: </c> (<c>a *b: 1</c> is one scalar);
/// U+0085 and U+2028 are line breaks; a <c>#</c> right after a closing quote starts a comment; a JSON-like key
/// (<c>"a":1</c>) is an error.</para>
/// </remarks>
internal sealed class FastYamlTreeBuilder : FastYamlScanner
{
    /// <summary>The deepest nesting read here (the recursion is bounded by it); deeper documents give up.</summary>
    private const int MaxNesting = 100;

    private readonly SourceInfo _source;
    private readonly SourceLimits _limits;
    private readonly NodeListPool _pool = NodeListPool.Current;
    private int _depth;
    private long _nodes;

    private FastYamlTreeBuilder(string text, SourceInfo source, SourceLimits limits)
        : base(text)
    {
        _source = source;
        _limits = limits;
    }

    /// <summary>
    /// Reads a whole document whose root is a block mapping (<paramref name="root"/>), or an empty document
    /// (<see langword="null"/>). Returns <see langword="false"/> when the text is outside the subset, or when the
    /// assembler would report anything.
    /// </summary>
    public static bool TryRead(string text, SourceInfo source, SourceLimits limits, out ConfigMap? root)
    {
        root = null;
        return FindNonPrintable(text, simple: true) < 0 && new FastYamlTreeBuilder(text, source, limits).ReadDocument(out root);
    }

    /// <summary>
    /// Reads the value of a command-line override, <c>argument[start..]</c>, as YamlDotNet reads it alone in a stream
    /// of flow values: a scalar or a flow collection on one line (<see langword="null"/> when there is nothing but
    /// spaces). Returns <see langword="false"/> when the value is outside the subset, or would be reported.
    /// </summary>
    public static bool TryReadValue(string argument, int start, SourceInfo source, SourceLimits limits, out ConfigNode? value)
    {
        value = null;
        var text = argument.AsSpan(start);
        if (FindNonPrintable(text, simple: true) >= 0 || text.IndexOfAny('\n', '\r') >= 0)
        {
            return false;
        }

        var reader = new FastYamlTreeBuilder(argument, source, limits) { LineEnd = argument.Length, LineNumber = 1, NextLine = argument.Length + 1 };
        var first = reader.SkipSpaces(start);
        if (first == argument.Length)
        {
            return true;
        }

        if (!reader.ParseNode(first, flow: false, out var end, out var node))
        {
            return false;
        }

        var rest = reader.SkipSpaces(end);
        value = node;
        return rest == argument.Length || (argument[rest] == '#' && rest > end);
    }

    private bool ReadDocument(out ConfigMap? root)
    {
        root = null;
        if (!NextContentLine(allowMarker: true))
        {
            return false;
        }

        if (Indent == 0 && StartsWithMarker(LineStart))
        {
            // Only a `---` line (and a comment) before the content; an empty document after it gives up (YamlDotNet
            // reads an empty scalar there).
            var rest = SkipSpaces(LineStart + 3);
            if (Text[LineStart] != '-' || (rest < LineEnd && !(Text[rest] == '#' && rest > LineStart + 3)) || !NextContentLine(allowMarker: false) || Indent < 0)
            {
                return false;
            }
        }

        if (Indent < 0)
        {
            return true;
        }

        var start = LineStart + Indent;
        if (IsBlockEntry(start) || !ParseBlock(start, isMap: true, out var map) || Indent >= 0)
        {
            return false;
        }

        root = (ConfigMap)map;
        return true;
    }

    /// <summary>A block mapping (<paramref name="isMap"/>) or sequence whose first key or <c>-</c> is at <paramref name="start"/>.</summary>
    private bool ParseBlock(int start, bool isMap, out ConfigNode node)
    {
        node = null!;
        if (!Open())
        {
            return false;
        }

        var column = start - LineStart;
        var at = At(start);
        var entries = isMap ? _pool.RentEntries() : null;
        var items = isMap ? null : _pool.RentItems();
        while (true)
        {
            if (entries is not null)
            {
                if (!ParseKey(start, flow: false, out var key, out var keyAt, out var afterColon) || entries.IndexOf(key) >= 0
                    || !ParseValue(afterColon, column, mapValue: true, out var value))
                {
                    return false;
                }

                entries.Add(new ConfigMapEntry(key, keyAt, value));
            }
            else if (ParseValue(start + 1, column, mapValue: false, out var item))
            {
                items!.Add(item);
            }
            else
            {
                return false;
            }

            if (Indent != column)
            {
                // Back to the parent, or (more indented) an error.
                break;
            }

            start = LineStart + Indent;
            if (!isMap && !IsBlockEntry(start))
            {
                // The next key of the mapping this sequence is the value of, at the same indentation.
                break;
            }
        }

        node = Close(at, entries, items);
        return Indent <= column;
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
        if (i == LineEnd || Text[i] == '#')
        {
            // Nothing on this line (the indicator is followed by a space or the end of the line, so a '#' is a comment).
            var empty = _source.Position(LineNumber, start - LineStart + 1);
            if (!NextContentLine(allowMarker: false))
            {
                return false;
            }

            var nested = LineStart + Indent;
            if (Indent > parentColumn || (mapValue && Indent == parentColumn && IsBlockEntry(nested)))
            {
                return ParseBlock(nested, isMap: !IsBlockEntry(nested), out node);
            }

            // YamlDotNet places the empty scalar just past the indicator.
            if (!CountNode())
            {
                return false;
            }

            node = new ConfigScalar(null, ScalarStyle.Plain, empty);
            return true;
        }

        if (!mapValue && (IsBlockEntry(i) || IsKey(i)))
        {
            return ParseBlock(i, isMap: !IsBlockEntry(i), out node);
        }

        if (!ParseNode(i, flow: false, out var end, out node))
        {
            return false;
        }

        var rest = SkipSpaces(end);
        if (rest < LineEnd && !(Text[rest] == '#' && rest > end))
        {
            return false;
        }

        // A more indented line after a scalar continues it (a multi-line plain scalar) or is an error.
        return NextContentLine(allowMarker: false) && Indent <= parentColumn;
    }

    /// <summary>
    /// A key of a block or flow mapping and its <c>:</c>; <paramref name="afterColon"/> is just past the colon. Gives up
    /// on a key that the assembler would report (too long, past the node limit) or read otherwise: a null word (a key
    /// that is not a string) and a plain <c>&lt;&lt;</c> (a merge key).
    /// </summary>
    private bool ParseKey(int start, bool flow, out string key, out SourcePosition keyAt, out int afterColon)
    {
        keyAt = At(start);
        afterColon = 0;
        int end;
        if (Text[start] is '"' or '\'')
        {
            if (!ParseQuoted(start, out key, out end))
            {
                return false;
            }

            key = _pool.Key(key);
        }
        else
        {
            var stop = !IsPlainStart(start) ? -1 : flow ? ScanPlainFlow(start) : ScanPlainBlock(start, out _);
            end = stop < 0 ? start : TrimEnd(start, stop);
            var span = Text.AsSpan(start, end - start);
            key = IsNullWord(span) || span is "<<" ? string.Empty : _pool.Key(span);
            if (key.Length == 0)
            {
                return false;
            }
        }

        // A block key may end its line; in a flow mapping, YamlDotNet wants a space after the colon.
        var colon = SkipSpaces(end);
        afterColon = colon + 1;
        return colon < LineEnd && Text[colon] == ':' && (afterColon < LineEnd ? Text[afterColon] == ' ' : !flow)
            && colon - start <= MaxImplicitKeyLength && key.Length <= _limits.MaxKeyLength && CountNode();
    }

    /// <summary>Opens a collection: <see langword="false"/> (give up) past the nesting or the node limit.</summary>
    private bool Open() => ++_depth <= MaxNesting && _depth <= _limits.MaxDepth && CountNode();

    /// <summary>Counts a node: <see langword="false"/> (give up) past the node limit.</summary>
    private bool CountNode() => ++_nodes <= _limits.MaxNodes;

    /// <summary>
    /// A scalar or a flow collection, in block context or inside a flow collection (<paramref name="flow"/>, where plain
    /// scalars end at flow indicators); <paramref name="end"/> is just past it.
    /// </summary>
    private bool ParseNode(int start, bool flow, out int end, out ConfigNode node)
    {
        end = 0;
        node = null!;
        string value;
        switch (Text[start])
        {
            case '"' or '\'':
                if (!ParseQuoted(start, out value, out end))
                {
                    return false;
                }

                break;
            case '[' or '{':
                return ParseFlow(start, out end, out node);
            default:
                // In block context, `a: b: c` is a mapping where a scalar is expected (an error).
                var isKey = false;
                var stop = !IsPlainStart(start) ? -1 : flow ? ScanPlainFlow(start) : ScanPlainBlock(start, out isKey);
                if (stop < 0 || isKey)
                {
                    return false;
                }

                end = TrimEnd(start, stop);

                // A plain null word is a null, as YamlDocumentReader makes it; any other plain scalar stays a slice of
                // the text until its value is asked for (most are read by the schema from their characters).
                var isNull = IsNullWord(Text.AsSpan(start, end - start));
                if (!CountNode() || (!isNull && end - start > _limits.MaxScalarLength))
                {
                    return false;
                }

                node = isNull ? new ConfigScalar(null, ScalarStyle.Plain, At(start)) : new ConfigScalar(Text, start, end - start, At(start));
                return true;
        }

        if (!CountNode() || value.Length > _limits.MaxScalarLength)
        {
            return false;
        }

        node = new ConfigScalar(value, ScalarStyle.Quoted, At(start));
        return true;
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

        var isMap = Text[start] == '{';
        var close = isMap ? '}' : ']';
        var at = At(start);
        var entries = isMap ? _pool.RentEntries() : null;
        var items = isMap ? null : _pool.RentItems();
        var i = SkipSpaces(start + 1);
        if (i < LineEnd && Text[i] == close)
        {
            node = Close(at, entries, items);
            end = i + 1;
            return true;
        }

        while (true)
        {
            if (i >= LineEnd)
            {
                return false;
            }

            var key = string.Empty;
            SourcePosition keyAt = default;
            if (entries is not null)
            {
                if (!ParseKey(i, flow: true, out key, out keyAt, out var afterColon) || entries.IndexOf(key) >= 0)
                {
                    return false;
                }

                i = SkipSpaces(afterColon);
                if (i >= LineEnd)
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
                entries.Add(new ConfigMapEntry(key, keyAt, item));
            }
            else
            {
                items!.Add(item);
            }

            i = SkipSpaces(itemEnd);
            if (i >= LineEnd)
            {
                return false;
            }

            if (Text[i] == close)
            {
                node = Close(at, entries, items);
                end = i + 1;
                return true;
            }

            if (Text[i] != ',')
            {
                return false;
            }

            i = SkipSpaces(i + 1);
            if (i < LineEnd && Text[i] is ',' or ']' or '}')
            {
                return false;
            }
        }
    }

    /// <summary>Builds a collection read to its end and gives its list back.</summary>
    private ConfigNode Close(SourcePosition at, EntryList? entries, List<ConfigNode>? items)
    {
        _depth--;
        return entries is not null ? _pool.ToMap(entries, at) : _pool.ToSequence(items!, at);
    }

    private SourcePosition At(int index) => _source.Position(LineNumber, index - LineStart + 1);
}
