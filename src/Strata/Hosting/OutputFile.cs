using System.Text;

namespace Strata.Hosting;

/// <summary>Writes <c>-o FILE</c> outputs atomically, and never over one of the command's own inputs.</summary>
internal static class OutputFile
{
    private static readonly UTF8Encoding s_utf8 = new(encoderShouldEmitUTF8Identifier: false);
    private static readonly AsyncLocal<Action<string>?> s_faultAfterPartialWrite = new();

    /// <summary>
    /// A test seam: called with the temporary file's path when half of the text is written. A fault thrown there (an
    /// <see cref="IOException"/>, as a full disk would) must leave the target as it was. Local to the calling flow, so
    /// concurrent writers are not affected.
    /// </summary>
    internal static Action<string>? FaultAfterPartialWrite
    {
        get => s_faultAfterPartialWrite.Value;
        set => s_faultAfterPartialWrite.Value = value;
    }

    private static StringComparison PathComparison =>
        OperatingSystem.IsWindows() || OperatingSystem.IsMacOS() ? StringComparison.OrdinalIgnoreCase : StringComparison.Ordinal;

    /// <summary>Refuses an output path that is one of the config files or response files (<c>@file</c>) of the command.</summary>
    /// <param name="output">The output path.</param>
    /// <param name="files">The config files.</param>
    /// <param name="arguments">The raw arguments, for response files.</param>
    /// <exception cref="UsageException">The output is an input.</exception>
    public static void EnsureNotAnInput(string output, IEnumerable<string> files, IEnumerable<string> arguments)
    {
        var target = Canonical(output);
        var inputs = files.Concat(arguments.Where(static a => a.Length > 1 && a[0] == '@').Select(static a => a[1..]));
        foreach (var input in inputs)
        {
            if (string.Equals(Canonical(input), target, PathComparison))
            {
                throw new UsageException("refusing to write the output to " + MessageText.Quoted(output) + ", which is one of the inputs");
            }
        }
    }

    /// <summary>
    /// Writes the text to a temporary file in the target's directory, then moves it over the target, so that readers
    /// see the old file or the new one, never a half-written one.
    /// </summary>
    /// <param name="path">The target path.</param>
    /// <param name="text">The text.</param>
    public static void WriteAtomic(string path, string text)
    {
        var full = Path.GetFullPath(path);
        var directory = Path.GetDirectoryName(full) ?? throw new IOException("cannot write " + MessageText.Quoted(path) + ": it is not a file path");
        if (Directory.Exists(full))
        {
            throw new IOException("cannot write " + MessageText.Quoted(path) + ": it is a directory");
        }

        var temporary = Path.Combine(directory, "." + Path.GetFileName(full) + "." + Path.GetRandomFileName() + ".tmp");
        try
        {
            var bytes = s_utf8.GetBytes(text);
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
            {
                stream.Write(bytes, 0, bytes.Length / 2);
                FaultAfterPartialWrite?.Invoke(temporary);
                stream.Write(bytes, bytes.Length / 2, bytes.Length - (bytes.Length / 2));

                // On disk before the rename, so that a crash never leaves an empty file under the target's name.
                stream.Flush(flushToDisk: true);
            }

            File.Move(temporary, full, overwrite: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            TryDelete(temporary);
            throw new IOException("cannot write " + MessageText.Quoted(path) + ": " + e.Message, e);
        }
    }

    /// <summary>The full path with symbolic links followed, so that two names of one file compare equal.</summary>
    private static string Canonical(string path)
    {
        var full = Path.GetFullPath(path);
        try
        {
            return File.ResolveLinkTarget(full, returnFinalTarget: true)?.FullName ?? full;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return full;
        }
    }

    private static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The temporary file may not exist; nothing else to do.
        }
    }
}
