namespace Strata;

/// <summary>
/// A directory written as a whole (the output of <c>sweep</c>): built under a hidden temporary sibling
/// (<c>.NAME.RANDOM.tmp</c>, removed whatever ends the command early, a termination signal included), each file through
/// <see cref="OutputFile"/> without a sync of its own, then put on disk as a whole and renamed into place at the end, so
/// that the path names either what was there before or the complete new directory, after a crash too. The target must
/// be missing or an empty directory; a non-empty one is replaced only when asked (<c>--force</c>: the new one is swapped
/// with the old one in one atomic step where the system can, else the old one is renamed aside and the new one into
/// place; then the old one is deleted), and never when it holds one of the command's inputs. A symbolic link is refused: the directory is named as it is.
/// </summary>
internal sealed class OutputDirectory : IDisposable
{
    private readonly string _path;
    private readonly string _full;
    private readonly TemporaryFile _temporary;
    private readonly string _temporaryPath;

    private OutputDirectory(string path, string full)
    {
        _path = path;
        _full = full;
        _temporaryPath = Path.Combine(Path.GetDirectoryName(full)!, "." + Path.GetFileName(full) + "." + Path.GetRandomFileName() + ".tmp");
        _temporary = TemporaryFile.Begin(_temporaryPath);
    }

    /// <summary>
    /// Whether <paramref name="path"/> is a directory that holds something (which only <c>--force</c> replaces). A path
    /// that cannot be a directory output (a file, a link, a missing parent) is refused with the reason.
    /// </summary>
    /// <exception cref="OutputFileException">The path cannot be the output directory.</exception>
    public static bool IsNonEmpty(string path)
    {
        var full = FullPath(path);
        var status = FileStatus.Of(full, followLinks: false);
        switch (status.Kind)
        {
            case FileKind.Missing:
                var parent = Path.GetDirectoryName(full);
                if (parent is null || FileStatus.Of(parent, followLinks: true).Kind != FileKind.Directory)
                {
                    throw Cannot(path, "the directory " + OutputFile.Quote(Path.GetDirectoryName(path) is { Length: > 0 } shown ? shown : ".") + " does not exist");
                }

                return false;
            case FileKind.Directory:
                try
                {
                    return Directory.EnumerateFileSystemEntries(full).GetEnumerator().MoveNext();
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    throw Cannot(path, e is UnauthorizedAccessException ? "permission denied" : "it cannot be listed", e);
                }

            case FileKind.SymbolicLink:
                throw Cannot(path, "it is a symbolic link; name the directory itself");
            case FileKind.Unknown:
                // No status (a name too long, a part of the path that is a file): say why, as -o FILE does.
                throw Cannot(path, OutputFile.Describe(status.Error));
            default:
                throw Cannot(path, "it exists and is not a directory");
        }
    }

    /// <summary>
    /// Refuses a directory that holds one of the inputs, under any name: an input whose path, or the file its links lead
    /// to, is inside the directory (seen by device and inode where the system has them); and one that is or holds the
    /// working directory.
    /// </summary>
    /// <exception cref="OutputFileException">The directory holds an input (<see cref="OutputFileException.IsAnInput"/>).</exception>
    public static void EnsureHoldsNoInput(string path, IEnumerable<string> inputs)
    {
        var full = FullPath(path);
        var directory = FileStatus.Of(full, followLinks: true);
        if (directory.Kind != FileKind.Directory)
        {
            return; // a missing directory holds nothing
        }

        // Replacing the working directory (or a directory above it) would take every relative path with it.
        if (IsInside(directory, full, Path.Combine(Environment.CurrentDirectory, "_")))
        {
            throw new OutputFileException("refusing to replace the directory " + OutputFile.Quote(path) + ", which holds the working directory", isAnInput: true, null, null);
        }

        foreach (var input in inputs)
        {
            if (string.IsNullOrEmpty(input) || input == OutputFile.StandardOutput || !IsInside(directory, full, input))
            {
                continue;
            }

            throw new OutputFileException("refusing to replace the directory " + OutputFile.Quote(path) + ", which holds one of the inputs (" + OutputFile.Quote(input) + ")", isAnInput: true, null, null);
        }
    }

    /// <summary>Starts building the directory at <paramref name="path"/> under its temporary sibling.</summary>
    /// <exception cref="OutputFileException">The temporary directory cannot be created.</exception>
    public static OutputDirectory Begin(string path)
    {
        var output = new OutputDirectory(path, FullPath(path));
        try
        {
            output._temporary.CreateDirectory();
            return output;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException)
        {
            output.Dispose();
            throw Cannot(path, e is UnauthorizedAccessException ? "permission denied" : "its temporary directory cannot be created", e);
        }
    }

    /// <summary>Writes a file at <paramref name="relative"/> (a name, or one directory and a name) in the new directory.</summary>
    /// <exception cref="OutputFileException">Nothing more can be written; the message names the final path.</exception>
    public void Write(string relative, string text)
    {
        var file = Path.Combine(_temporaryPath, relative);
        try
        {
            if (Path.GetDirectoryName(relative) is { Length: > 0 } directory)
            {
                OutputFile.CreateDirectory(Path.Combine(_temporaryPath, directory));
            }

            OutputFile.WriteInDirectory(file, text);
        }
        catch (OutputFileException e)
        {
            throw new OutputFileException(e.Message.Replace(_temporaryPath, Path.Combine(_path, string.Empty).TrimEnd(Path.DirectorySeparatorChar), StringComparison.Ordinal), isAnInput: false, e.InterruptedBy, e);
        }
    }

    /// <summary>
    /// Puts the new directory in place: first on disk as a whole (its files were written without a sync each), then
    /// renamed to the path when it is missing or empty, or, with <paramref name="force"/>, swapped with the old one in one
    /// atomic step where the system can (else the old one is renamed aside and the new one into place) and the old one
    /// deleted; then the rename itself is put on disk. A crash leaves the old state or the whole new directory.
    /// </summary>
    /// <exception cref="OutputFileException">The old directory is in place as it was, and the new one is removed.</exception>
    public void Commit(bool force)
    {
        string? aside = null;
        var exchanged = false;
        try
        {
            FileSystemCalls.SyncTree(_temporaryPath);
            if (FileStatus.Of(_full, followLinks: false).Kind == FileKind.Directory)
            {
                if (!force || !IsNonEmpty(_path))
                {
                    // Empty, as checked before (rmdir refuses one that was filled meanwhile).
                    Directory.Delete(_full);
                }
                else if (_temporary.TryExchange(_full))
                {
                    // The temporary's path holds the old directory now, removed with the temporary (by a signal too).
                    (aside, exchanged) = (_temporaryPath, true);
                }
                else
                {
                    aside = Path.Combine(Path.GetDirectoryName(_full)!, "." + Path.GetFileName(_full) + "." + Path.GetRandomFileName() + ".old");
                    Directory.Move(_full, aside);
                }
            }

            if (!exchanged)
            {
                _temporary.MoveTo(_full);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or OperationCanceledException && e is not OutputFileException)
        {
            if (aside is not null && !exchanged && !Directory.Exists(_full))
            {
                Directory.Move(aside, _full);
                aside = null;
            }

            throw e is OperationCanceledException
                ? new OutputFileException("cannot write " + OutputFile.Quote(_path) + ": interrupted by " + _temporary.InterruptedBy, isAnInput: false, _temporary.InterruptedBy, e)
                : Cannot(_path, e is UnauthorizedAccessException ? "permission denied" : "the directory cannot be put in place (" + MessageText.OfLibrary(e.Message) + ")", e);
        }

        // The old directory goes before the parent's names are put on disk: one sync covers the rename and the removal.
        if (aside is not null)
        {
            try
            {
                if (exchanged)
                {
                    _temporary.Dispose();
                }
                else
                {
                    Directory.Delete(aside, recursive: true);
                }
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                // Reported once the rename is on disk: the old directory is still there.
            }
        }

        try
        {
            FileSystemCalls.SyncDirectory(Path.GetDirectoryName(_full)!);
        }
        catch (IOException e)
        {
            throw Cannot(_path, "the new directory is in place, but its rename cannot be put on disk (" + MessageText.OfLibrary(e.Message) + ")", e);
        }

        if (aside is not null && Directory.Exists(aside))
        {
            throw Cannot(_path, "the new directory is in place, but the old one, renamed to " + OutputFile.Quote(aside) + ", cannot be deleted");
        }
    }

    /// <summary>Removes the temporary directory unless it was put in place.</summary>
    public void Dispose() => _temporary.Dispose();

    private static bool IsInside(FileStatus directory, string directoryFull, string input)
    {
        string full;
        try
        {
            full = Path.GetFullPath(input);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return false;
        }

        // The input as named, and the file its links finally lead to: deleting the directory would delete either.
        string? final = null;
        try
        {
            final = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not a link that can be followed: the path as named is checked.
        }

        foreach (var path in (ReadOnlySpan<string?>)[full, final])
        {
            for (var parent = path is null ? null : Path.GetDirectoryName(path); parent is not null; parent = Path.GetDirectoryName(parent))
            {
                var status = FileStatus.Of(parent, followLinks: true);
                if (status.HasIdentity && directory.HasIdentity ? status.IsSameFileAs(directory) : string.Equals(parent, directoryFull, StringComparison.Ordinal))
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static string FullPath(string path)
    {
        try
        {
            var full = path.Length == 0 || path.Contains('\0', StringComparison.Ordinal) ? throw Cannot(path, "it is not a valid directory path") : Path.GetFullPath(Path.TrimEndingDirectorySeparator(path));

            // The new directory is built next to the target, and renamed: a root has no place next to it.
            return Path.GetDirectoryName(full) is null ? throw Cannot(path, "it is the root of a file system") : full;
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            throw Cannot(path, "it is not a valid directory path", e);
        }
    }

    private static OutputFileException Cannot(string path, string reason, Exception? inner = null) =>
        new("cannot write " + OutputFile.Quote(path) + ": " + reason, isAnInput: false, null, inner);
}
