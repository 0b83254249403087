using System.Globalization;
using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// Merges a file layer with the files it builds on: a top-level <c>include</c> list of paths (relative to the including
/// file, or to the working directory for text without a path) and presets (<c>preset:NAME</c>, placed at the field of
/// the preset's class), merged in order beneath the file's own content; an included file may include others. A file
/// that includes itself through others is refused with the chain, as are chains deeper than <see cref="MaxDepth"/>, more
/// than <see cref="MaxFiles"/> included files in all, and included files (and files placed by <c>KEY=@FILE</c>) that
/// hold more than the limit of one file together.
/// </summary>
internal sealed class Includes(MergeBuilder builder, DiagnosticBag diagnostics, SourceLimits limits, ConfigTypeInfo root)
{
    /// <summary>The key of the list; no config field may have it (the generator refuses one).</summary>
    public const string Key = "include";

    /// <summary>The longest chain of files including each other.</summary>
    public const int MaxDepth = 16;

    /// <summary>The most files included in one resolution.</summary>
    public const int MaxFiles = 1_000;

    private readonly List<(string FullPath, string Shown)> _chain = [];
    private int _included;

    /// <summary>The bytes of the files included so far, against <see cref="SourceLimits.MaxFileBytes"/>.</summary>
    private long _bytes;

    /// <summary>How many files the file being merged is included through (0 for one given to the resolver).</summary>
    private int _depth;

    /// <summary>Merges a document read from <paramref name="path"/> (or from text, when null) with what it includes.</summary>
    public void Merge(SourceDocument document, string? path)
    {
        // The file is listed where its own content goes in: after what it includes.
        var layer = new ConfigLayer(OriginKind.File, path ?? (document.Root?.Origin.Source ?? "<text>"), _depth);
        diagnostics.AddRange(document.Diagnostics);
        if (document.Root is not ConfigMap map)
        {
            builder.Layers.Add(layer);
            return;
        }

        var at = map.IndexOf(Key);
        if (at >= 0)
        {
            var entry = map.EntryArray[at];
            var rest = new ConfigMapEntry[map.Count - 1];
            Array.Copy(map.EntryArray, 0, rest, 0, at);
            Array.Copy(map.EntryArray, at + 1, rest, at, rest.Length - at);
            map = new ConfigMap(rest, map.Origin, owned: true);

            var full = path is null ? null : Path.GetFullPath(path);
            if (full is not null)
            {
                _chain.Add((full, path!));
            }

            _depth++;
            foreach (var item in entry.Value is ConfigSequence list ? list.ItemArray : [entry.Value])
            {
                Include(item, path);
            }

            _depth--;

            if (full is not null)
            {
                _chain.RemoveAt(_chain.Count - 1);
            }
        }

        builder.Layers.Add(layer);
        builder.Merge(map);
    }

    private void Include(ConfigNode item, string? from)
    {
        if (item is not ConfigScalar { Value: { Length: > 0 } name })
        {
            diagnostics.Error(DiagnosticCodes.Include, Key, item.Origin, "an include is the path of a YAML or JSON file, got " + item.Describe());
            return;
        }

        if (ConfigPresets.IsReference(name))
        {
            IncludePreset(item, name);
            return;
        }

        var directory = from is null ? null : Path.GetDirectoryName(from);
        var shown = string.IsNullOrEmpty(directory) || Path.IsPathRooted(name) ? name : Path.Combine(directory, name);
        string full;
        try
        {
            full = Path.GetFullPath(shown);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            diagnostics.Error(DiagnosticCodes.Include, Key, item.Origin, MessageText.Quoted(name) + " is not a valid file path");
            return;
        }

        for (var i = 0; i < _chain.Count; i++)
        {
            if (string.Equals(_chain[i].FullPath, full, StringComparison.Ordinal))
            {
                diagnostics.Error(DiagnosticCodes.Include, Key, item.Origin, "files include each other: " + Chain(i, shown));
                return;
            }
        }

        if (_depth >= MaxDepth || ++_included > MaxFiles)
        {
            diagnostics.Error(
                DiagnosticCodes.Include,
                Key,
                item.Origin,
                _depth >= MaxDepth
                    ? "includes nest deeper than the limit of " + MaxDepth.ToString(CultureInfo.InvariantCulture) + " files"
                    : "more than " + MaxFiles.ToString(CultureInfo.InvariantCulture) + " files are included");
            return;
        }

        if (Load(full, shown, item.Origin, Key, "an included file", "the included file") is { } document)
        {
            Merge(document, shown);
        }
    }

    /// <summary>
    /// Reads the file of <c>KEY=@FILE</c> (<paramref name="change"/>), as an included file: against the same bound, its
    /// problems under the override's path, an unreadable one reported at the override; <see langword="null"/> on error.
    /// </summary>
    public ConfigMap? Place(ConfigOverride change, string file)
    {
        string? full = null;
        try
        {
            full = Path.GetFullPath(file);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            // The reader says why.
        }

        if (Load(full, file, change.Value.Origin, change.DottedPath, "a file placed by an override", "the file placed by the override") is not { } document)
        {
            return null;
        }

        var failed = false;
        foreach (var problem in document.Diagnostics)
        {
            failed |= problem.Severity == DiagnosticSeverity.Error;
            diagnostics.Add(new Diagnostic(problem.Severity, problem.Code, OverrideParser.Under(change.Path, problem.Path), problem.Origin, problem.Message));
        }

        if (failed || document.Root is not ConfigMap tree)
        {
            return null;
        }

        if (tree.IndexOf(Key) is var at and >= 0)
        {
            // Its keys are those of the section it is placed at, where `include` is no field: say what it is instead.
            var entry = tree.EntryArray[at];
            diagnostics.Error(DiagnosticCodes.Include, OverrideParser.Under(change.Path, Key), entry.KeyOrigin, "a file placed with KEY=@FILE cannot include others (include: is read at the top of a -c file); place each file with its own override, or give a -c file that includes them");
            return null;
        }

        ConfigNode? placed = tree;
        if (!OverrideParser.FitsUnder(change.Path, ref placed, limits, "the file placed by the override", "the file", out var tooDeep))
        {
            diagnostics.Add(tooDeep);
            return null;
        }

        return tree;
    }

    /// <summary>
    /// Reads an included or placed file once it is counted against the bound (<see cref="TryCharge"/>); a file that
    /// cannot be read at all is reported at the include or override that names it (<paramref name="a"/> and
    /// <paramref name="the"/> name such a file in messages).
    /// </summary>
    private SourceDocument? Load(string? full, string file, Origin at, string path, string a, string the)
    {
        if (full is not null && !TryCharge(full, at, file, path, a))
        {
            return null;
        }

        var document = DocumentReader.Load(file, checkpoint: false, limits);
        if (document.Root is null && document.Diagnostics is [{ Code: DiagnosticCodes.Unreadable } unreadable])
        {
            diagnostics.Error(DiagnosticCodes.Unreadable, path, at, "cannot read " + the + " " + MessageText.Quoted(file) + ": " + unreadable.Message);
            return null;
        }

        return document;
    }

    /// <summary>
    /// Counts an included file against the bound of all included files together, the limit of one file
    /// (<see cref="SourceLimits.MaxFileBytes"/>): a small file that names a large one a thousand times must not make a
    /// resolution read gigabytes. An include is a regular file (a FIFO or a device would make the bound meaningless);
    /// one that does not exist or cannot be opened is left to the reader, which says why.
    /// </summary>
    private bool TryCharge(string full, Origin at, string shown, string path, string what)
    {
        if (_bytes > limits.MaxFileBytes)
        {
            return false; // reported once, at the include that went past the bound: the rest are not read
        }

        var status = FileStatus.Of(full, followLinks: true);
        if (status.Kind is not (FileKind.Regular or FileKind.Missing or FileKind.Unknown))
        {
            diagnostics.Error(DiagnosticCodes.Include, path, at, what + " must be a regular file: " + MessageText.Quoted(shown) + " is not");
            return false;
        }

        if (status.Kind != FileKind.Regular)
        {
            return true;
        }

        long length;
        try
        {
            length = new FileInfo(full).Length; // a status call, as above: the file is opened once, by the reader
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return true;
        }

        _bytes = checked(_bytes + length);
        if (_bytes <= limits.MaxFileBytes)
        {
            return true;
        }

        diagnostics.Error(
            DiagnosticCodes.Include,
            path,
            at,
            "the files included or placed with @FILE hold more than " + limits.MaxFileBytes.ToString(CultureInfo.InvariantCulture) + " bytes together (the limit of one file)");
        return false;
    }

    /// <summary>A preset, placed at the field of its class (the root, or the first such field breadth-first).</summary>
    public void IncludePreset(ConfigNode item, string reference)
    {
        if (!ConfigPresets.TryRead(reference, limits, out var preset, out var tree, out var problem))
        {
            diagnostics.Error(DiagnosticCodes.Include, Key, item.Origin, problem);
            return;
        }

        if (ConfigPresets.PlaceIn(root, preset) is not { } path)
        {
            diagnostics.Error(DiagnosticCodes.Include, Key, item.Origin, "the preset " + MessageText.Quoted(preset.Name) + " configures a " + preset.ConfigClass.Name + ", which has no place in a " + root.Name);
            return;
        }

        builder.Layers.Add(new ConfigLayer(OriginKind.Preset, preset.Name + (path.Count == 0 ? string.Empty : " at " + string.Join('.', path)), _depth, preset.Name));
        for (var i = path.Count - 1; i >= 0; i--)
        {
            tree = new ConfigMap([new ConfigMapEntry(path[i], tree.Origin, tree)], tree.Origin, owned: true);
        }

        builder.Merge(tree);
    }

    /// <summary>The chain of files from <c>_chain[start]</c>, which <paramref name="last"/> names again, each as it was named.</summary>
    private string Chain(int start, string last)
    {
        var parts = new List<string>(_chain.Count - start + 1);
        for (var i = start; i < _chain.Count; i++)
        {
            parts.Add(MessageText.Bounded(_chain[i].Shown));
        }

        parts.Add(MessageText.Bounded(last));
        return string.Join(" -> ", parts);
    }
}
