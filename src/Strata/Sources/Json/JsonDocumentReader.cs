using System.Text;
using System.Text.Json;
using Strata.Provenance;
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
        return ParseUtf8(Encoding.UTF8.GetBytes(body), SourceInfo.OfFile(sourceName, checkpoint), limits ?? SourceLimits.Default);
    }

    /// <summary>Reads a JSON file (strict UTF-8, byte-order mark accepted); never throws for a bad or missing file.</summary>
    /// <param name="path">The file path, as given by the user.</param>
    /// <param name="checkpoint">Whether the file is a checkpoint's configuration.</param>
    /// <param name="limits">The limits; <see cref="SourceLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>The tree and the diagnostics.</returns>
    public static SourceDocument Load(string path, bool checkpoint = false, SourceLimits? limits = null) =>
        DocumentReader.Load(path, checkpoint, limits, static (bytes, source, bounds) => ParseUtf8(bytes, source, bounds));

    private static SourceDocument ParseUtf8(ReadOnlyMemory<byte> json, SourceInfo source, SourceLimits limits)
    {
        var diagnostics = new List<Diagnostic>();
        var positions = new Positions(json, source);
        var assembler = new TreeAssembler(limits, diagnostics, allowMergeKeys: false);
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
                if (!Handle(ref reader, assembler, positions.At(reader.TokenStartIndex)))
                {
                    return new SourceDocument(null, diagnostics);
                }
            }
        }
        catch (Exception ex) when (ex is JsonException or InvalidOperationException or ArgumentException)
        {
            var at = ex is JsonException { LineNumber: { } line, BytePositionInLine: { } bytePosition }
                ? positions.At(positions.Offset(line, bytePosition))
                : positions.At(reader.TokenStartIndex);
            assembler.Fail(DiagnosticCodes.Syntax, at.ToOrigin(), MessageText.OfLibrary("invalid JSON: " + DocumentReader.Sentence(ex.Message)));
            return new SourceDocument(null, diagnostics);
        }

        return DocumentReader.AsDocument(assembler.Root, source, nullIsEmpty: false, diagnostics);
    }

    private static bool Handle(ref Utf8JsonReader reader, TreeAssembler assembler, SourcePosition at)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.StartObject or JsonTokenType.StartArray:
                return assembler.Open(reader.TokenType == JsonTokenType.StartObject, at, anchor: null);
            case JsonTokenType.EndObject or JsonTokenType.EndArray:
                assembler.Close();
                return true;
            case JsonTokenType.PropertyName or JsonTokenType.String:
                return assembler.Scalar(reader.GetString() ?? string.Empty, ScalarStyle.Quoted, at, anchor: null);
            case JsonTokenType.Number:
                return assembler.Scalar(Encoding.UTF8.GetString(reader.ValueSpan), ScalarStyle.Plain, at, anchor: null);
            case JsonTokenType.True or JsonTokenType.False:
                return assembler.Scalar(reader.TokenType == JsonTokenType.True ? "true" : "false", ScalarStyle.Plain, at, anchor: null);
            case JsonTokenType.Null:
                return assembler.Scalar(null, ScalarStyle.Plain, at, anchor: null);
            default:
                return true;
        }
    }

    /// <summary>
    /// Turns byte offsets into 1-based lines and columns; columns count characters (UTF-16 code units), as YAML columns
    /// do. Tokens come in order, so each count continues from the previous one: a minified document stays linear.
    /// </summary>
    private sealed class Positions(ReadOnlyMemory<byte> json, SourceInfo source)
    {
        private int _offset;
        private int _line = 1;
        private int _column = 1;

        public SourcePosition At(long offset)
        {
            var at = (int)Math.Clamp(offset, 0, json.Length);
            if (at < _offset)
            {
                (_offset, _line, _column) = (0, 1, 1);
            }

            var span = json.Span[_offset..at];
            var lastNewline = span.LastIndexOf((byte)'\n');
            _line += span.Count((byte)'\n');
            _column = lastNewline < 0 ? _column + Encoding.UTF8.GetCharCount(span) : 1 + Encoding.UTF8.GetCharCount(span[(lastNewline + 1)..]);
            _offset = at;
            return source.Position(_line, _column);
        }

        /// <summary>The byte offset of a 0-based line and byte position, as System.Text.Json reports them.</summary>
        public long Offset(long line, long bytePosition)
        {
            var span = json.Span;
            var start = 0;
            for (var l = 0L; l < line; l++)
            {
                var newline = span[start..].IndexOf((byte)'\n');
                if (newline < 0)
                {
                    return json.Length;
                }

                start += newline + 1;
            }

            return start + bytePosition;
        }
    }
}
