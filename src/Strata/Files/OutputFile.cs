using System.Text;

namespace Strata;

/// <summary>
/// The one way Strata writes a document to a file (<c>-o FILE</c> of every verb, checkpoint configs), so that writing
/// never destroys anything but the named output, and that only once the new content is complete:
/// <list type="bullet">
/// <item>A regular file, or a path that does not exist yet in an existing directory, is replaced atomically: the text
/// goes to a temporary file in the target's directory, is flushed to disk, and is renamed over the target (keeping the
/// target's permissions). Readers see the old file or the new one, never a part. A symbolic link to a regular file is
/// kept: the file it finally leads to is replaced. A link that leads nowhere is refused.</item>
/// <item><c>-</c> is standard output, and so is any path that names the file standard output already is (such as
/// <c>/dev/stdout</c> when it is redirected to a file, so that <c>&gt;&gt;</c> keeps appending).</item>
/// <item>A FIFO or a character device (<c>/dev/null</c>, a terminal, the pipe behind <c>/dev/stdout</c>) is written
/// to directly: opened without truncation, never renamed over, never replaced by a regular file.</item>
/// <item>Anything else (a directory, a socket, a block device, a path through a regular file) is refused.</item>
/// <item>Missing parent directories are not created: writing into a directory that does not exist is an error that
/// says so (a verb whose output is a directory creates it with <see cref="CreateDirectory"/>).</item>
/// <item>A termination signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT) during the write removes the temporary file; the
/// signal then has its usual effect. The handlers exist only while a temporary file does.</item>
/// </list>
/// Every failure is an <see cref="OutputFileException"/> whose message names the path as the caller gave it (cut in the
/// middle when longer than 200 characters), never the temporary file.
/// </summary>
public static class OutputFile
{
    /// <summary>The path that means standard output.</summary>
    public const string StandardOutput = "-";

    /// <summary>Longer paths are shown cut in the middle: a path may hold 4 KB, a message line should not.</summary>
    private const int MaxShownPathLength = 200;

    /// <summary>Messages of the file system are cut too: they may quote paths we do not control.</summary>
    private const int MaxShownReasonLength = 300;

    /// <summary>The part of the target's name kept in the temporary file's name (which must stay under NAME_MAX bytes).</summary>
    private const int MaxTemporaryNamePrefix = 64;

    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly AsyncLocal<Action<string>?> s_faultAfterPartialWrite = new();

    /// <summary>
    /// A test seam: called with the temporary file's path when half of the text is written. A fault thrown there (an
    /// <see cref="IOException"/>, as a full disk would) must leave the target as it was; a seam that blocks holds the
    /// write open (for signal tests). Local to the calling flow, so concurrent writers are not affected.
    /// </summary>
    internal static Action<string>? FaultAfterPartialWrite
    {
        get => s_faultAfterPartialWrite.Value;
        set => s_faultAfterPartialWrite.Value = value;
    }

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>
    /// Whether two paths name the same file or directory: the same device and inode on Linux (so hard links, links to
    /// directories and <c>/proc/self/cwd/...</c> are seen through), otherwise the same full path once every symbolic
    /// link on the way is followed.
    /// </summary>
    /// <param name="left">A path.</param>
    /// <param name="right">Another path.</param>
    /// <returns>Whether both name one file; <see langword="false"/> when either is not a valid path.</returns>
    public static bool IsSameFile(string left, string right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        if (TryGetFullPath(left) is not { } a || TryGetFullPath(right) is not { } b)
        {
            return false;
        }

        var first = FileStatus.Of(a, followLinks: true);
        var second = FileStatus.Of(b, followLinks: true);
        return first.HasIdentity && second.HasIdentity
            ? first.IsSameFileAs(second)
            : string.Equals(Canonical(a), Canonical(b), PathComparison);
    }

    /// <summary>
    /// Refuses an output that is one of the inputs under any name (<see cref="IsSameFile"/>): a config file, a response
    /// file, a checkpoint file that was read. Used by every verb that writes, before anything is written.
    /// </summary>
    /// <param name="output">The output path, as the user gave it.</param>
    /// <param name="inputs">Every file the command read or will read; empty entries are skipped.</param>
    /// <exception cref="OutputFileException">The output is an input (<see cref="OutputFileException.IsAnInput"/>).</exception>
    public static void EnsureNotAnInput(string output, IEnumerable<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(output);
        ArgumentNullException.ThrowIfNull(inputs);
        if (output == StandardOutput || TryGetFullPath(output) is not { } full)
        {
            return;
        }

        var target = FileStatus.Of(full, followLinks: true);
        if (target.Kind == FileKind.Missing)
        {
            return; // every input was read, so it exists: a path naming nothing is none of them
        }

        string? canonical = null;
        foreach (var input in inputs)
        {
            if (string.IsNullOrEmpty(input) || TryGetFullPath(input) is not { } inputFull)
            {
                continue;
            }

            var status = FileStatus.Of(inputFull, followLinks: true);
            var same = target.HasIdentity && status.HasIdentity
                ? target.IsSameFileAs(status)
                : string.Equals(canonical ??= Canonical(full), Canonical(inputFull), PathComparison);
            if (same)
            {
                var which = string.Equals(input, output, StringComparison.Ordinal) ? string.Empty : " (" + Quote(input) + ")";
                throw new OutputFileException("refusing to write the output to " + Quote(output) + ", which is one of the inputs" + which, isAnInput: true, null, null);
            }
        }
    }

    /// <summary>Writes <paramref name="text"/> as UTF-8 (no byte-order mark) to <paramref name="path"/>, as the type describes.</summary>
    /// <param name="path">The output path, as the user gave it; <c>-</c> is standard output.</param>
    /// <param name="text">The document.</param>
    /// <param name="inputs">The files the command read, checked with <see cref="EnsureNotAnInput"/> first; none when <see langword="null"/>.</param>
    /// <param name="standardOutput">Standard output (<c>-</c>); <see cref="Console.Out"/> when <see langword="null"/>.</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="OutputFileException">Nothing was written (see the message); whatever was at the path is intact.</exception>
    public static void WriteAllText(string path, string text, IEnumerable<string>? inputs = null, TextWriter? standardOutput = null) =>
        Write(path, text, inputs, standardOutput, flushToDisk: true);

    /// <summary>
    /// Writes as <see cref="WriteAllText"/> does, but a file replaced is renamed without first being flushed to disk: for
    /// a file of a directory that <see cref="OutputDirectory"/> puts on disk as a whole (<see cref="FileSystemCalls.SyncTree"/>) before
    /// renaming it into place, so that no name ever shows a part of it.
    /// </summary>
    internal static void WriteInDirectory(string path, string text) => Write(path, text, null, null, flushToDisk: false);

    private static void Write(string path, string text, IEnumerable<string>? inputs, TextWriter? standardOutput, bool flushToDisk)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(text);
        if (path == StandardOutput)
        {
            (standardOutput ?? Console.Out).Write(text);
            return;
        }

        var full = GetFullPath(path);
        if (inputs is not null)
        {
            EnsureNotAnInput(path, inputs);
        }

        var status = FileStatus.Of(full, followLinks: true);
        switch (status.Kind)
        {
            case FileKind.Missing:
                EnsureCanCreate(path, full);
                Replace(path, full, text, keepMode: false, flushToDisk);
                return;
            case FileKind.Regular or FileKind.CharacterDevice or FileKind.Fifo when IsStandardStream(status, 1):
                (standardOutput ?? Console.Out).Write(text);
                return;
            case FileKind.Regular when IsStandardStream(status, 0) || IsStandardStream(status, 2):
                throw Cannot(path, "it is the file standard " + (IsStandardStream(status, 0) ? "input comes from" : "error goes to") + "; of the standard streams, only standard output can be named");
            case FileKind.Regular:
                Replace(path, FinalTarget(path, full, status), text, keepMode: true, flushToDisk);
                return;
            case FileKind.CharacterDevice or FileKind.Fifo:
                WriteDirectly(path, full, text, status.Kind);
                return;
            case FileKind.Directory:
                throw Cannot(path, "it is a directory");
            case FileKind.Socket:
                throw Cannot(path, "it is a socket; a document is written to a regular file, a FIFO or a character device");
            case FileKind.BlockDevice:
                throw Cannot(path, "it is a block device; a document is written to a regular file, a FIFO or a character device");
            default:
                throw Cannot(path, Describe(status.Error));
        }
    }

    /// <summary>
    /// Creates the directory an output goes into (a checkpoint directory) and its missing parents, with the plain errors
    /// of <see cref="WriteAllText"/>.
    /// </summary>
    /// <param name="path">The directory, as the user gave it.</param>
    /// <exception cref="ArgumentException">The path is empty.</exception>
    /// <exception cref="OutputFileException">The directory cannot be created (a part of the path is a file, permissions).</exception>
    public static void CreateDirectory(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var full = GetFullPath(path);
        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            var reason = e is UnauthorizedAccessException ? "permission denied"
                : File.Exists(full) ? "it is a file"
                : e is DirectoryNotFoundException or FileNotFoundException or IOException { HResult: FileStatus.NotADirectory } ? "a part of the path is not a directory"
                : Reason(e, path, full, null);
            throw new OutputFileException("cannot create the directory " + Quote(path) + ": " + reason, isAnInput: false, null, e);
        }
    }

    /// <summary>The path in quotes for a message, cut in the middle when longer than 200 characters.</summary>
    internal static string Quote(string path) =>
        "'" + (path.Length <= MaxShownPathLength ? path : string.Concat(path.AsSpan(0, (MaxShownPathLength / 2) - 1), "…", path.AsSpan(path.Length - (MaxShownPathLength / 2)))) + "'";

    private static OutputFileException Cannot(string path, string reason, Exception? inner = null) =>
        new("cannot write " + Quote(path) + ": " + reason, isAnInput: false, null, inner);

    private static string? TryGetFullPath(string path)
    {
        try
        {
            return path.Length == 0 || path.Contains('\0', StringComparison.Ordinal) ? null : Path.GetFullPath(path);
        }
        catch (Exception e) when (e is ArgumentException or NotSupportedException or PathTooLongException)
        {
            return null;
        }
    }

    /// <summary>
    /// The full path as .NET's file APIs will use it (<c>..</c> removed by the text, before the system follows links),
    /// so that the checks and the write look at the same file.
    /// </summary>
    private static string GetFullPath(string path) => TryGetFullPath(path) ?? throw Cannot(path, "it is not a valid file path");

    /// <summary>
    /// Whether the file is the one a standard stream (0, 1, 2) of the process already writes to or reads from, such as
    /// <c>/dev/stdout</c> redirected to a file: renaming over it would cut the stream from its file (and lose what
    /// <c>&gt;&gt;</c> appended before).
    /// </summary>
    private static bool IsStandardStream(FileStatus status, int descriptor) =>
        status.HasIdentity && FileStatus.OfDescriptor(descriptor).IsSameFileAs(status);

    /// <summary>A new file: refuses a dangling symbolic link and says plainly when the directory is missing.</summary>
    private static void EnsureCanCreate(string path, string full)
    {
        if (FileStatus.Of(full, followLinks: false).Kind == FileKind.SymbolicLink)
        {
            throw Cannot(path, "it is a symbolic link to a file that does not exist");
        }

        var directory = Path.GetDirectoryName(full) ?? throw Cannot(path, "it is not a file path");
        var parent = FileStatus.Of(directory, followLinks: true);
        switch (parent.Kind)
        {
            case FileKind.Directory:
                return;
            case FileKind.Missing:
                throw Cannot(path, "the directory " + Quote(UserDirectory(path)) + " does not exist");
            case FileKind.Unknown:
                throw Cannot(path, Describe(parent.Error));
            default:
                throw Cannot(path, Quote(UserDirectory(path)) + " is not a directory");
        }
    }

    private static string UserDirectory(string path) => Path.GetDirectoryName(path) is { Length: > 0 } directory ? directory : ".";

    /// <summary>
    /// The regular file to replace: the path itself, or the file its chain of symbolic links finally leads to (the
    /// link is kept). The file found must be the one the system reaches (same identity), or nothing is written.
    /// </summary>
    private static string FinalTarget(string path, string full, FileStatus status)
    {
        if (FileStatus.Of(full, followLinks: false).Kind != FileKind.SymbolicLink)
        {
            return full;
        }

        string final;
        try
        {
            final = File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw Cannot(path, "its symbolic links cannot be followed", e);
        }

        var reached = FileStatus.Of(final, followLinks: false);
        if (reached.Kind != FileKind.Regular || (status.HasIdentity && !reached.IsSameFileAs(status)))
        {
            throw Cannot(path, "it is a symbolic link whose target has no path of its own (a deleted file, or a link the system resolves itself)");
        }

        return final;
    }

    /// <summary>Writes a temporary file next to <paramref name="target"/>, flushes it to disk (unless the caller syncs it later), and renames it over the target.</summary>
    private static void Replace(string path, string target, string text, bool keepMode, bool flushToDisk)
    {
        var directory = Path.GetDirectoryName(target) ?? throw Cannot(path, "it is not a file path");
        var temporary = Path.Combine(directory, TemporaryName(Path.GetFileName(target)));
        UnixFileMode? mode = null;
        using var file = TemporaryFile.Begin(temporary);
        try
        {
            if (keepMode && !OperatingSystem.IsWindows())
            {
                mode = File.GetUnixFileMode(target);
            }

            var bytes = s_utf8.GetBytes(text);
            using (var stream = file.Create(new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write, Share = FileShare.None, BufferSize = 0 }))
            {
                if (mode is { } kept && !OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(stream.SafeFileHandle, kept);
                }

                stream.Write(bytes, 0, bytes.Length / 2);
                FaultAfterPartialWrite?.Invoke(temporary);
                stream.Write(bytes, bytes.Length / 2, bytes.Length - (bytes.Length / 2));

                // On disk before the rename, so that a crash never leaves an empty file under the target's name.
                stream.Flush(flushToDisk);
            }

            file.MoveTo(target);
        }
        catch (OperationCanceledException e)
        {
            throw new OutputFileException("cannot write " + Quote(path) + ": interrupted by " + file.InterruptedBy, isAnInput: false, file.InterruptedBy, e);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not OutputFileException)
        {
            throw Cannot(path, Reason(e, path, target, temporary), e);
        }
    }

    /// <summary>
    /// Writes to a FIFO or a character device as it is: opened for writing without truncation or creation. Opening a
    /// FIFO waits for a reader; that wait is bounded like a read of one (<see cref="Sources.SourceLimits.MaxReadTime"/>).
    /// </summary>
    private static void WriteDirectly(string path, string full, string text, FileKind kind)
    {
        var limit = Sources.SourceLimits.Default.MaxReadTime;
        var open = Task.Run(() => new FileStream(full, new FileStreamOptions { Mode = FileMode.Open, Access = FileAccess.Write, Share = FileShare.ReadWrite, BufferSize = 0 }));
        try
        {
            if (!open.Wait(limit))
            {
                // The open stays blocked on its thread until a reader comes or the process ends; its stream is closed then.
                _ = open.ContinueWith(static t => t.Result.Dispose(), CancellationToken.None, TaskContinuationOptions.OnlyOnRanToCompletion, TaskScheduler.Default);
                throw Cannot(path, "nothing opened the " + (kind == FileKind.Fifo ? "FIFO" : "device") + " for reading within "
                    + limit.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture) + " s");
            }

            using var stream = open.Result;
            stream.Write(s_utf8.GetBytes(text));
        }
        catch (AggregateException e) when (e.InnerException is IOException or UnauthorizedAccessException)
        {
            throw Cannot(path, Reason(e.InnerException, path, full, null), e.InnerException);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException && e is not OutputFileException)
        {
            throw Cannot(path, Reason(e, path, full, null), e);
        }
    }

    /// <summary>A hidden name next to the target: <c>.NAME.RANDOM.tmp</c>, with NAME cut so that the whole stays short.</summary>
    private static string TemporaryName(string name)
    {
        var length = Math.Min(name.Length, MaxTemporaryNamePrefix);
        if (length > 0 && length < name.Length && char.IsHighSurrogate(name[length - 1]))
        {
            length--;
        }

        return "." + name[..length] + "." + Path.GetRandomFileName() + ".tmp";
    }

    /// <summary>
    /// Why the file system refused, in words that name no path but the user's: the temporary file and the resolved
    /// target that .NET's messages quote are taken out.
    /// </summary>
    private static string Reason(Exception e, string path, string target, string? temporary)
    {
        switch (e)
        {
            case UnauthorizedAccessException:
                return "permission denied";
            case PathTooLongException:
                return "the path is too long";
            case DirectoryNotFoundException or FileNotFoundException:
                return "the directory " + Quote(UserDirectory(path)) + " does not exist";
        }

        var message = e.Message;
        foreach (var named in (ReadOnlySpan<string?>)[temporary, target])
        {
            if (named is not null)
            {
                message = message.Replace(" : '" + named + "'", string.Empty, StringComparison.Ordinal)
                    .Replace("'" + named + "'", Quote(path), StringComparison.Ordinal);
            }
        }

        message = message.TrimEnd('.', ' ');
        if (temporary is not null && message.Contains(Path.GetFileName(temporary), StringComparison.Ordinal))
        {
            return "an input/output error";
        }

        return message.Length <= MaxShownReasonLength ? message : string.Concat(message.AsSpan(0, MaxShownReasonLength - 1), "…");
    }

    /// <summary>Why the status of a path could not be read, from its <c>errno</c>.</summary>
    internal static string Describe(int errno) => errno switch
    {
        FileStatus.NotADirectory => "a part of the path is not a directory",
        FileStatus.AccessDenied => "permission denied",
        FileStatus.TooManyLinks => "too many levels of symbolic links",
        FileStatus.NameTooLong => "the path is too long",
        0 => "its status cannot be read",
        _ => "its status cannot be read (error " + errno.ToString(System.Globalization.CultureInfo.InvariantCulture) + ")",
    };

    /// <summary>The full path, without a trailing separator, with every symbolic link on the way followed (the fallback identity).</summary>
    private static string Canonical(string full) => Canonical(full, depth: 0);

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
