namespace Strata.Sources;

/// <summary>
/// The documents a sweep has read, so that its points share one reading of each file: every file a resolution reads
/// goes through <see cref="DocumentReader.Load(string, bool, SourceLimits?)"/> (config files, included and placed
/// files, a checkpoint's config), which looks here while a cache is in use on the thread. The trees are immutable, so
/// a document is shared as it is; a file is read once per sweep, which is also what a FIFO or a device allows. Safe
/// for points resolved on several threads at once.
/// </summary>
internal sealed class DocumentCache
{
    [ThreadStatic]
    private static DocumentCache? t_current;

    private readonly Dictionary<(string Path, string? FullPath, bool Checkpoint, SourceLimits? Limits), SourceDocument> _documents = [];
    private readonly Lock _gate = new();

    /// <summary>The cache in use on this thread, if any.</summary>
    public static DocumentCache? Current => t_current;

    /// <summary>Uses this cache on the thread until the returned scope is disposed (scopes nest).</summary>
    public Scope Use()
    {
        var previous = t_current;
        t_current = this;
        return new Scope(previous);
    }

    /// <summary>The document of a file read before with the same arguments, else <paramref name="read"/>'s, kept.</summary>
    public SourceDocument Load(string path, bool checkpoint, SourceLimits? limits, Func<string, bool, SourceLimits?, SourceDocument> read)
    {
        // The path as given names the origins of the tree; the full path tells two working directories apart.
        string? full;
        try
        {
            full = Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            full = null;
        }

        var key = (path, full, checkpoint, limits);
        lock (_gate)
        {
            if (_documents.TryGetValue(key, out var document))
            {
                return document;
            }
        }

        var loaded = read(path, checkpoint, limits);
        lock (_gate)
        {
            return _documents.TryAdd(key, loaded) ? loaded : _documents[key];
        }
    }

    /// <summary>Ends the use of a cache and restores the one around it.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly DocumentCache? _previous;

        internal Scope(DocumentCache? previous) => _previous = previous;

        public void Dispose() => t_current = _previous;
    }
}
