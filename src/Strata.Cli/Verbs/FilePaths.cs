namespace Strata.Cli.Verbs;

/// <summary>Compares paths as the file system does: full paths with symbolic links followed, so two names of one file are equal.</summary>
internal static class FilePaths
{
    private static StringComparison Comparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Whether two paths name the same file or directory.</summary>
    public static bool Same(string left, string right) => string.Equals(Canonical(left), Canonical(right), Comparison);

    /// <summary>The full path, without a trailing separator, with every symbolic link on the way followed.</summary>
    public static string Canonical(string path) => Canonical(path, depth: 0);

    private static string Canonical(string path, int depth)
    {
        var full = Path.TrimEndingDirectorySeparator(Path.GetFullPath(path));
        if (depth > 40)
        {
            return full; // a cycle of links: the names cannot be resolved further
        }

        var parent = Path.GetDirectoryName(full);
        var resolvedParent = parent is null || parent == full ? parent : Canonical(parent, depth + 1);
        var joined = resolvedParent is null ? full : Path.Combine(resolvedParent, Path.GetFileName(full));
        try
        {
            var target = new FileInfo(joined).LinkTarget is null ? null : File.ResolveLinkTarget(joined, returnFinalTarget: true);
            return target is null ? joined : Canonical(target.FullName, depth + 1);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return joined;
        }
    }
}
