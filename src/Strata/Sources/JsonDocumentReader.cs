using System.Text;
using System.Text.Json;
using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// Reads a JSON configuration document (a Hugging Face <c>config.json</c>, a saved config) into a positioned tree.
/// Strings become <see cref="ScalarStyle.Quoted"/> scalars; numbers keep their exact text (<c>1e-05</c> stays
/// <c>1e-05</c>) and, like <c>true</c> and <c>false</c>, are <see cref="ScalarStyle.Plain"/>. Comments and trailing
/// commas are accepted. The root must be an object.
/// </summary>
public static class JsonDocumentReader
{
    /// <summary>Parses JSON text.</summary>
    /// <param name="text">The text (a leading byte-order mark is ignored).</param>
    /// <param name="sourceName">The name used in origins, usually the file path.</param>
    /// <param name="checkpoint">Whether the text is a checkpoint's configuration (origins are then checkpoint origins).</param>
    /// <param name="limits">The limits; <see cref="SourceLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>The tree and the diagnostics; the tree is <see langword="null"/> when the document could not be read.</returns>
    public static SourceDocument Parse(string text, string sourceName, bool checkpoint = false, SourceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(sourceName);
        var body = text.StartsWith('\uFEFF') ? text[1..] : text;
        return ParseUtf8(Encoding.UTF8.GetBytes(body), DocumentReader.Placer(sourceName, checkpoint), limits ?? SourceLimits.Default);
    }

    /// <summary>Reads a JSON file (strict UTF-8, byte-order mark accepted); never throws for a bad or missing file.</summary>
    /// <param name="path">The file path, as given by the user.</param>
    /// <param name="checkpoint">Whether the file is a checkpoint's configuration.</param>
    /// <param name="limits">The limits; <see cref="SourceLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>The tree and the diagnostics.</returns>
    public static SourceDocument Load(string path, bool checkpoint = false, SourceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= SourceLimits.Default;
        var place = DocumentReader.Placer(path, checkpoint);
        var diagnostics = new List<Diagnostic>();
        return DocumentReader.TryReadUtf8(path, place, limits, diagnostics, out var bytes)
            ? ParseUtf8(bytes, place, limits)
            : new SourceDocument(null, diagnostics);
    }

    private static SourceDocument ParseUtf8(ReadOnlyMemory<byte> json, Func<int, int, Origin> place, SourceLimits limits)
    {
        var diagnostics = new List<Diagnostic>();
        var lines = new LineMap(json);
        var assembler = new DocumentReader.TreeAssembler(limits, diagnostics, allowMergeKeys: false);
        var options = new JsonReaderOptions
        {
            CommentHandling = JsonCommentHandling.Skip,
            AllowTrailingCommas = true,

            // One level more than the limit, so that the assembler reports the limit with its place first.
            MaxDepth = Math.Clamp(limits.MaxDepth, 0, int.MaxValue - 1) + 1,
        };
        var reader = new Utf8JsonReader(json.Span, options);
        try
        {
            while (reader.Read())
            {
                if (!Handle(ref reader, assembler, At(reader.TokenStartIndex)))
                {
                    return new SourceDocument(null, diagnostics);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            var origin = ex is JsonException { LineNumber: { } line, BytePositionInLine: { } bytePosition }
                ? At(lines.Offset(line, bytePosition))
                : At(reader.TokenStartIndex);
            assembler.Fail(DiagnosticCodes.Syntax, origin, MessageText.OfLibrary("invalid JSON: " + Sentence(ex.Message)));
            return new SourceDocument(null, diagnostics);
        }

        return new SourceDocument(DocumentReader.AsRootMap(assembler.Root, place, nullIsEmpty: false, diagnostics), diagnostics);

        Origin At(long offset) => lines.Place(offset, place);
    }

    private static bool Handle(ref Utf8JsonReader reader, DocumentReader.TreeAssembler assembler, Origin at)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                return assembler.Open(reader.TokenType == JsonTokenType.StartObject, at, anchor: null);
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                assembler.Close();
                return true;
            case JsonTokenType.PropertyName or JsonTokenType.String:
                return assembler.Scalar(ConfigScalar.Quoted(reader.GetString() ?? string.Empty, at), anchor: null);
            case JsonTokenType.Number:
                return assembler.Scalar(ConfigScalar.Plain(Encoding.UTF8.GetString(reader.ValueSpan), at), anchor: null);
            case JsonTokenType.True or JsonTokenType.False:
                return assembler.Scalar(ConfigScalar.Plain(reader.TokenType == JsonTokenType.True ? "true" : "false", at), anchor: null);
            case JsonTokenType.Null:
                return assembler.Scalar(ConfigScalar.Null(at), anchor: null);
            default:
                return true;
        }
    }

    /// <summary>System.Text.Json's message without its trailing position, which the origin already gives.</summary>
    private static string Sentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (end >= 0 ? message[..end] : message).Trim().TrimEnd('.', ' ', '|');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "malformed input";
    }

    /// <summary>The byte offset of the start of each line, to turn token offsets into 1-based lines and columns.</summary>
    private sealed class LineMap
    {
        private readonly ReadOnlyMemory<byte> _json;
        private readonly List<int> _starts = [0];
        private int _lastLine = -1;
        private int _lastOffset;
        private int _lastColumn;

        public LineMap(ReadOnlyMemory<byte> json)
        {
            _json = json;
            var span = json.Span;
            for (var i = span.IndexOf((byte)'\n'); i >= 0; i = NextNewline(span, i + 1))
            {
                _starts.Add(i + 1);
            }
        }

        /// <summary>The byte offset of a 0-based line and byte position, as System.Text.Json reports them.</summary>
        public long Offset(long line, long bytePosition) =>
            line < _starts.Count ? _starts[(int)line] + bytePosition : _json.Length;

        /// <summary>
        /// The origin of a byte offset; the column counts characters (UTF-16 code units), as YAML columns do. Tokens
        /// come in order, so the count continues from the previous token of the same line: a minified document stays
        /// linear.
        /// </summary>
        public Origin Place(long offset, Func<int, int, Origin> place)
        {
            var at = (int)Math.Clamp(offset, 0, _json.Length);
            var line = _starts.BinarySearch(at);
            line = line >= 0 ? line : ~line - 1;
            var continues = line == _lastLine && at >= _lastOffset;
            var column = continues
                ? _lastColumn + Encoding.UTF8.GetCharCount(_json.Span[_lastOffset..at])
                : 1 + Encoding.UTF8.GetCharCount(_json.Span[_starts[line]..at]);
            (_lastLine, _lastOffset, _lastColumn) = (line, at, column);
            return place(line + 1, column);
        }

        private static int NextNewline(ReadOnlySpan<byte> span, int from)
        {
            var i = span[from..].IndexOf((byte)'\n');
            return i < 0 ? -1 : from + i;
        }
    }
}
