namespace Strata.Sources;

/// <summary>
/// Records the paths that the document readers open on the current thread while a recording is active: the config
/// files, and the checkpoint files that preparation reads. A host writing an output needs them all, since an output
/// may never replace one of its own inputs (<see cref="OutputFile.EnsureNotAnInput"/>). Resolution runs on the calling
/// thread, so a thread-local list sees every read of one resolution and nothing of another.
/// </summary>
internal static class FilesRead
{
    [ThreadStatic]
    private static List<string>? t_files;

    /// <summary>Starts recording into <paramref name="files"/> until the returned scope is disposed (scopes nest).</summary>
    public static Scope Record(List<string> files)
    {
        var previous = t_files;
        t_files = files;
        return new Scope(previous);
    }

    public static void Add(string path) => t_files?.Add(path);

    /// <summary>Ends a recording and restores the one around it.</summary>
    internal readonly struct Scope : IDisposable
    {
        private readonly List<string>? _previous;

        internal Scope(List<string>? previous) => _previous = previous;

        public void Dispose() => t_files = _previous;
    }
}
