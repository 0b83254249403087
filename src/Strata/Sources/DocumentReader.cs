using Strata.Provenance;
using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// Reads a configuration file into a positioned tree, choosing the format by the file's extension: JSON for
/// <c>.json</c>, YAML for anything else.
/// </summary>
public static class DocumentReader
{
    /// <summary>Reads the configuration file at <paramref name="path"/>; never throws for a bad or missing file.</summary>
    /// <param name="path">The file path, as given by the user (it becomes the origin of every node).</param>
    /// <param name="checkpoint">Whether the file is a checkpoint's configuration (origins are then checkpoint origins).</param>
    /// <param name="limits">The limits; <see cref="SourceLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>The tree (an empty mapping for an empty YAML file) and the diagnostics.</returns>
    public static SourceDocument Load(string path, bool checkpoint = false, SourceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        return DocumentCache.Current is { } cache ? cache.Load(path, checkpoint, limits, Read) : Read(path, checkpoint, limits);
    }

    /// <summary>
    /// Reads a file's bytes with the bounds of every source reader (<see cref="SourceLimits.MaxFileBytes"/> checked before
    /// and while reading, <see cref="SourceLimits.MaxReadTime"/> for a FIFO or a device, strict UTF-8, the byte-order mark
    /// dropped), for readers of other formats (a safetensors shard index) that must not read a file without bound.
    /// </summary>
    /// <param name="path">The file path, as given by the user (it names the file in the diagnostics).</param>
    /// <param name="diagnostics">Receives the reason when the file cannot be read (one error at the file).</param>
    /// <param name="content">The bytes, without the byte-order mark.</param>
    /// <param name="checkpoint">Whether the file is part of a checkpoint (the diagnostic's origin is then a checkpoint origin).</param>
    /// <param name="limits">The limits; <see cref="SourceLimits.Default"/> when <see langword="null"/>.</param>
    /// <returns>Whether the file was read.</returns>
    public static bool TryReadBytes(string path, ICollection<Diagnostic> diagnostics, out ReadOnlyMemory<byte> content, bool checkpoint = false, SourceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(diagnostics);
        var found = new List<Diagnostic>(1);
        var read = FileInput.TryReadUtf8(path, SourceInfo.OfFile(path, checkpoint), limits ?? SourceLimits.Default, found, out content);
        foreach (var diagnostic in found)
        {
            diagnostics.Add(diagnostic);
        }

        return read;
    }

    private static SourceDocument Read(string path, bool checkpoint, SourceLimits? limits) =>
        Path.GetExtension(path).Equals(".json", StringComparison.OrdinalIgnoreCase)
            ? JsonDocumentReader.Load(path, checkpoint, limits)
            : YamlDocumentReader.Load(path, checkpoint, limits);

    /// <summary>Reads a file as a document of <paramref name="parse"/>'s format: the bytes, strict UTF-8, then the tree.</summary>
    internal static SourceDocument Load(string path, bool checkpoint, SourceLimits? limits, Func<ReadOnlyMemory<byte>, SourceInfo, SourceLimits, SourceDocument> parse)
    {
        ArgumentNullException.ThrowIfNull(path);
        limits ??= SourceLimits.Default;
        var source = SourceInfo.OfFile(path, checkpoint);
        var diagnostics = new List<Diagnostic>();
        return FileInput.TryReadUtf8(path, source, limits, diagnostics, out var bytes)
            ? parse(bytes, source, limits)
            : new SourceDocument(null, diagnostics);
    }

    /// <summary>
    /// The root of a document as a mapping, or a <see cref="DiagnosticCodes.RootNotMap"/> error; no root is an empty
    /// mapping, and so is a null root (YAML <c>---</c> alone, <c>~</c>) when <paramref name="nullIsEmpty"/>.
    /// </summary>
    internal static SourceDocument AsDocument(ConfigNode? root, SourceInfo source, bool nullIsEmpty, List<Diagnostic> diagnostics)
    {
        switch (root)
        {
            case ConfigMap map:
                return new SourceDocument(map, diagnostics);
            case null:
            case ConfigScalar { IsNull: true } when nullIsEmpty:
                return new SourceDocument(ConfigMap.Empty(root?.Origin ?? source.At(1, 1)), diagnostics);
            default:
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.RootNotMap, string.Empty, root.Origin, "the root of a configuration file must be a mapping of keys to values, got " + root.Describe()));
                return new SourceDocument(null, diagnostics);
        }
    }

    /// <summary>
    /// A parser's message as a diagnostic sentence: lower-case start, no trailing period, and without the position that
    /// System.Text.Json appends (the origin gives it).
    /// </summary>
    internal static string Sentence(string message)
    {
        var end = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        var text = (end >= 0 ? message[..end] : message).Trim().TrimEnd('.', ' ', '|');
        return text.Length > 0 ? char.ToLowerInvariant(text[0]) + text[1..] : "malformed input";
    }
}
