using System.Text;
using Strata.Provenance;
using Strata.Sources.Yaml;
using Strata.Tree;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlScalarStyle = YamlDotNet.Core.ScalarStyle;

namespace Strata.Sources;

/// <summary>
/// Reads a YAML configuration document into a positioned tree, from YamlDotNet's event stream: no type is ever
/// created from a tag, and scalars keep their text (the schema types them later, rule R5).
/// </summary>
/// <remarks>
/// <para>The root must be a mapping; an empty document (or one holding only comments, or only <c>---</c>) is an empty
/// mapping. Plain <c>null</c>, <c>Null</c>, <c>NULL</c>, <c>~</c> and empty plain scalars are nulls; quoted, block and
/// <c>!!str</c> scalars are strings (<see cref="Tree.ScalarStyle.Quoted"/>).</para>
/// <para>Only the standard tags <c>!!str</c>, <c>!!int</c>, <c>!!float</c>, <c>!!bool</c>, <c>!!null</c>, <c>!!map</c>
/// and <c>!!seq</c> are accepted. Aliases are expanded (the copies keep the anchor's origins) within
/// <see cref="SourceLimits.MaxAliasNodes"/>. YAML 1.1 merge keys (<c>&lt;&lt;: *base</c>, or a list of aliases) are
/// supported: the merged entries are placed where the merge key is, keys written in the mapping itself win, and among
/// merged mappings the earlier one wins.</para>
/// </remarks>
public static class YamlDocumentReader
{
    private const string StandardTagPrefix = "tag:yaml.org,2002:";

    /// <summary>The text of an <see cref="InvalidOperationException"/> thrown without a message.</summary>
    private static readonly string s_bareInvalidOperation = new InvalidOperationException().Message;

    /// <summary>Parses YAML text.</summary>
    /// <param name="text">The text (a leading byte-order mark is ignored).</param>
    /// <param name="sourceName">The name used in origins, usually the file path.</param>
    /// <param name="checkpoint">Whether the text is a checkpoint's configuration (origins are then checkpoint origins).</param>
    /// <param name="limits">The limits; <see cref="SourceLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>The tree and the diagnostics; the tree is <see langword="null"/> when the document could not be read.</returns>
    public static SourceDocument Parse(string text, string sourceName, bool checkpoint = false, SourceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        return ParseText(text, SourceInfo.OfFile(sourceName, checkpoint), limits ?? SourceLimits.Default, fastPath: true);
    }

    /// <summary>Parses YAML text from a source other than a file (a preset).</summary>
    internal static SourceDocument Parse(string text, SourceInfo source, SourceLimits limits) => ParseText(text, source, limits, fastPath: true);

    /// <summary>Reads a YAML file (strict UTF-8, byte-order mark accepted); never throws for a bad or missing file.</summary>
    /// <param name="path">The file path, as given by the user.</param>
    /// <param name="checkpoint">Whether the file is a checkpoint's configuration.</param>
    /// <param name="limits">The limits; <see cref="SourceLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>The tree and the diagnostics.</returns>
    public static SourceDocument Load(string path, bool checkpoint = false, SourceLimits? limits = null) =>
        DocumentReader.Load(path, checkpoint, limits, static (bytes, source, bounds) => ParseText(Encoding.UTF8.GetString(bytes.Span), source, bounds, fastPath: true));

    /// <summary>
    /// Reads one YAML node (of any shape; only flow collections when <paramref name="flowOnly"/>, for command-line
    /// values) from <paramref name="text"/>. Returns <see langword="false"/> when an error stopped the reading;
    /// <paramref name="root"/> is <see langword="null"/> for an empty stream.
    /// </summary>
    internal static bool TryReadNode(string text, SourceInfo source, SourceLimits limits, bool flowOnly, List<Diagnostic> diagnostics, out ConfigNode? root)
    {
        var reader = new EventReader(source, limits, flowOnly, diagnostics);
        var ok = reader.Read(text);
        root = reader.Root;
        return ok;
    }

    /// <summary>Parses YAML text with YamlDotNet alone, without the fast path (to compare the two).</summary>
    internal static SourceDocument ParseWithYamlDotNet(string text, string sourceName, bool checkpoint = false, SourceLimits? limits = null) =>
        ParseText(text, SourceInfo.OfFile(sourceName, checkpoint), limits ?? SourceLimits.Default, fastPath: false);

    /// <summary>
    /// Parses a document: first with <see cref="FastYamlTreeBuilder"/>, which reads the common subset of YAML; when it
    /// gives up, from scratch with YamlDotNet, which alone reports diagnostics.
    /// </summary>
    private static SourceDocument ParseText(string text, SourceInfo source, SourceLimits limits, bool fastPath)
    {
        var diagnostics = new List<Diagnostic>();
        var body = text.StartsWith('\uFEFF') ? text[1..] : text;
        if (fastPath && FastYamlTreeBuilder.TryRead(body, source, limits, out var fast))
        {
            return DocumentReader.AsDocument(fast, source, nullIsEmpty: true, diagnostics);
        }

        return TryReadNode(body, source, limits, flowOnly: false, diagnostics, out var node)
            ? DocumentReader.AsDocument(node, source, nullIsEmpty: true, diagnostics)
            : new SourceDocument(null, diagnostics);
    }

    /// <summary>Feeds YamlDotNet's parse events to a <see cref="TreeAssembler"/>.</summary>
    private sealed class EventReader(SourceInfo source, SourceLimits limits, bool flowOnly, List<Diagnostic> diagnostics)
    {
        private readonly TreeAssembler _assembler = new(limits, diagnostics, allowMergeKeys: true);
        private int _documents;
        private Mark _last = Mark.Empty;

        public ConfigNode? Root => _assembler.Root;

        public bool Read(string text)
        {
            // YamlDotNet lets control characters through into keys and values (a NUL, an ESC that would reach a
            // terminal through a diagnostic); YAML allows only printable characters (YAML 1.2, 5.1).
            if (FastYamlScanner.FindNonPrintable(text, simple: false) is var bad and >= 0)
            {
                var line = text.AsSpan(0, bad).Count('\n') + 1;
                var lineStart = bad == 0 ? 0 : text.LastIndexOf('\n', bad - 1) + 1;
                return _assembler.Fail(
                    DiagnosticCodes.Syntax,
                    source.At(line, bad - lineStart + 1),
                    "the character U+" + ((int)text[bad]).ToString("X4", System.Globalization.CultureInfo.InvariantCulture)
                    + " is not allowed in YAML; write control characters as escapes in a double-quoted string (\"\\t\", \"\\u001b\")");
            }

            var parser = new Parser(new StringReader(text));
            try
            {
                while (parser.MoveNext())
                {
                    if (parser.Current is { } e && !Handle(e))
                    {
                        return false;
                    }
                }

                return true;
            }
#pragma warning disable CA1031 // YamlDotNet throws assorted exceptions on malformed input; each becomes a diagnostic.
            catch (Exception ex) when (ex is not OutOfMemoryException)
#pragma warning restore CA1031
            {
                var (line, column) = ex is YamlException { Start.Line: > 0 } yaml ? (ToInt(yaml.Start.Line), ToInt(yaml.Start.Column)) : (ToInt(_last.Line), ToInt(_last.Column));
                if (ex is YamlException && ex.Message.Contains("tab", StringComparison.OrdinalIgnoreCase))
                {
                    (line, column) = FindIndentationTab(text, line) ?? (line, column);
                }

                // YamlDotNet's scanner throws a bare InvalidOperationException on some malformed flow collections
                // (`a: [1, 2` followed by more lines): its text says nothing to a user.
                var message = ex is InvalidOperationException && ex.Message == s_bareInvalidOperation
                    ? "the document cannot be read past this point (an unclosed flow list or mapping?)"
                    : DocumentReader.Sentence(ex.Message);
                return _assembler.Fail(DiagnosticCodes.Syntax, source.At(line, column), MessageText.OfLibrary("invalid YAML: " + message));
            }
        }

        private bool Handle(ParsingEvent e)
        {
            _last = e.End;
            switch (e)
            {
                case DocumentStart:
                    return ++_documents == 1
                        || _assembler.Fail(DiagnosticCodes.Syntax, At(e).ToOrigin(), "a configuration file holds one document, found a second one");
                case Scalar scalar:
                    var (value, style) = ScalarOf(scalar);
                    return _assembler.Scalar(value, style, At(e), AnchorOf(scalar));
                case AnchorAlias alias:
                    return _assembler.Alias(alias.Value.Value, At(e));
                case MappingStart map:
                    return Open(map, isMap: true, map.Style == MappingStyle.Block);
                case SequenceStart sequence:
                    return Open(sequence, isMap: false, sequence.Style == SequenceStyle.Block);
                case MappingEnd or SequenceEnd:
                    _assembler.Close();
                    return true;
                default:
                    return true;
            }
        }

        private bool Open(NodeEvent e, bool isMap, bool block)
        {
            if (flowOnly && block)
            {
                var shape = isMap ? "a block mapping" : "a block list";
                return _assembler.Fail(DiagnosticCodes.Syntax, At(e).ToOrigin(), shape + " is not a flow value; write {key: value} or [a, b], or quote the text");
            }

            CheckTag(e, isMap ? "map" : "seq", isMap ? "a mapping" : "a list");
            return _assembler.Open(isMap, At(e), AnchorOf(e));
        }

        /// <summary>The text of a scalar and its style: a plain null word is a null, and tags decide where they are given.</summary>
        private (string? Value, Tree.ScalarStyle Style) ScalarOf(Scalar e) => CheckTag(e, null, "a scalar") switch
        {
            "str" or "!" => (e.Value, Tree.ScalarStyle.Quoted),
            "null" => (null, Tree.ScalarStyle.Plain),
            "int" or "float" or "bool" => (e.Value, Tree.ScalarStyle.Plain),
            _ when e.Style != YamlScalarStyle.Plain => (e.Value, Tree.ScalarStyle.Quoted),
            _ => (FastYamlScanner.IsNullWord(e.Value) ? null : e.Value, Tree.ScalarStyle.Plain),
        };

        /// <summary>
        /// Returns the short name of a standard tag that fits the node (<c>str</c>, <c>map</c>...), <c>!</c> for the
        /// non-specific tag, or <see langword="null"/> when there is no usable tag (an unusable one is reported).
        /// </summary>
        private string? CheckTag(NodeEvent e, string? collectionTag, string shape)
        {
            if (e.Tag.IsEmpty)
            {
                return null;
            }

            if (e.Tag.IsNonSpecific)
            {
                return "!";
            }

            var tag = e.Tag.Value;
            var name = tag.StartsWith(StandardTagPrefix, StringComparison.Ordinal) ? tag[StandardTagPrefix.Length..] : null;
            var fits = collectionTag is null ? name is "str" or "int" or "float" or "bool" or "null" : name == collectionTag;
            if (fits)
            {
                return name;
            }

            var message = name is "str" or "int" or "float" or "bool" or "null" or "map" or "seq"
                ? "the tag " + MessageText.Quoted(DisplayTag(tag)) + " cannot be used on " + shape
                : "unsupported tag " + MessageText.Quoted(DisplayTag(tag)) + ": only !!str, !!int, !!float, !!bool, !!null, !!map and !!seq are allowed, and no type is ever created from a tag";
            _assembler.Report(DiagnosticCodes.UnsupportedTag, _assembler.NextPath, At(e).ToOrigin(), message);
            return null;
        }

        private SourcePosition At(ParsingEvent e) => source.Position(ToInt(e.Start.Line), ToInt(e.Start.Column));

        private static string? AnchorOf(NodeEvent e) => e.Anchor.IsEmpty ? null : e.Anchor.Value;

        private static string DisplayTag(string tag) =>
            tag.StartsWith(StandardTagPrefix, StringComparison.Ordinal) ? "!!" + tag[StandardTagPrefix.Length..]
            : tag.StartsWith('!') ? tag
            : "!<" + tag + ">";

        private static int ToInt(long value) => (int)Math.Clamp(value, 0, int.MaxValue);

        /// <summary>
        /// YamlDotNet reports a tab used as indentation at the start of the enclosing node; the user needs the tab
        /// itself, so look for the first line from <paramref name="fromLine"/> whose indentation holds one.
        /// </summary>
        private static (int Line, int Column)? FindIndentationTab(string text, int fromLine)
        {
            var line = 1;
            for (var start = 0; start <= text.Length; line++)
            {
                for (var i = start; line >= fromLine && i < text.Length && text[i] is ' ' or '\t'; i++)
                {
                    if (text[i] == '\t')
                    {
                        return (line, i - start + 1);
                    }
                }

                var end = text.IndexOf('\n', start);
                if (end < 0)
                {
                    break;
                }

                start = end + 1;
            }

            return null;
        }
    }
}
