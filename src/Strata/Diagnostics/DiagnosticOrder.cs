namespace Strata;

/// <summary>
/// Puts a resolution's diagnostics in the order of their places, as a reader goes through the inputs: a checkpoint's
/// files first (the layer beneath the user's, in the order they were reported, then line and column), then the input
/// files in the order given (then line and column), other host layers (providers), the command-line overrides in
/// argument order (then column), the environment, and last the places without a position (derived values, code, none).
/// The sort is stable: diagnostics at the same place keep the order they were reported in.
/// </summary>
internal static class DiagnosticOrder
{
    /// <summary>Returns <paramref name="diagnostics"/> in the order of their places (the same list when it already is).</summary>
    /// <param name="diagnostics">The diagnostics, in the order reported.</param>
    /// <param name="files">The names of the input files, in the order given (null for a layer without one).</param>
    public static IReadOnlyList<Diagnostic> Sort(IReadOnlyList<Diagnostic> diagnostics, IReadOnlyList<string?> files)
    {
        if (diagnostics.Count < 2)
        {
            return diagnostics;
        }

        var keys = new (int Rank, int Layer, int Line, int Column, int Index)[diagnostics.Count];
        Dictionary<string, int>? fileLayers = null, checkpointLayers = null;
        var sorted = true;
        for (var i = 0; i < keys.Length; i++)
        {
            var origin = diagnostics[i].Origin;
            keys[i] = origin?.Kind switch
            {
                OriginKind.Checkpoint => (0, LayerOf(origin.Source, ref checkpointLayers, []), origin.Line, origin.Column, i),
                OriginKind.File or OriginKind.Preset => (1, LayerOf(origin.Source, ref fileLayers, files), origin.Line, origin.Column, i),
                OriginKind.Provider => (2, 0, 0, 0, i),
                OriginKind.CommandLine => (3, origin.Argument, 0, origin.Column, i),
                OriginKind.Environment => (4, 0, 0, 0, i),
                _ => (5, 0, 0, 0, i),
            };
            sorted &= i == 0 || keys[i - 1].CompareTo(keys[i]) < 0;
        }

        if (sorted)
        {
            return diagnostics;
        }

        // The report order is the last key, so the unstable Array.Sort keeps diagnostics at equal places in that order.
        Array.Sort(keys);
        var result = new Diagnostic[keys.Length];
        for (var i = 0; i < keys.Length; i++)
        {
            result[i] = diagnostics[keys[i].Index];
        }

        return result;
    }

    /// <summary>
    /// The position of a file among <paramref name="files"/> (the first, when one is given twice); a file that is none
    /// of them comes after them, in the order first reported.
    /// </summary>
    private static int LayerOf(string? source, ref Dictionary<string, int>? layers, IReadOnlyList<string?> files)
    {
        if (layers is null)
        {
            layers = new Dictionary<string, int>(StringComparer.Ordinal);
            for (var i = 0; i < files.Count; i++)
            {
                layers.TryAdd(files[i] ?? string.Empty, i);
            }
        }

        source ??= string.Empty;
        if (!layers.TryGetValue(source, out var layer))
        {
            layers[source] = layer = files.Count + layers.Count;
        }

        return layer;
    }
}
