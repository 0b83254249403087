using System.Globalization;
using System.Text;
using System.Text.Unicode;

namespace Strata.Hosting.CommandLine;

/// <summary>
/// Finds command-line arguments that were not valid UTF-8. .NET decodes the process's arguments replacing each invalid
/// sequence with U+FFFD, silently, where a config file with invalid UTF-8 is refused; on Linux the bytes as given are in
/// <c>/proc/self/cmdline</c>, so an argument holding U+FFFD is compared with them: a real U+FFFD was typed as valid
/// UTF-8, a replacement was not.
/// </summary>
internal static class ArgumentEncoding
{
    private const string CommandLineFile = "/proc/self/cmdline";

    /// <summary>
    /// The problem with the first of the process's arguments that was not valid UTF-8 (<c>argument #2: ...</c>), or
    /// <see langword="null"/>. Nothing is read unless an argument holds U+FFFD, and nothing is known off Linux.
    /// </summary>
    public static string? FindInvalidUtf8(IReadOnlyList<string> arguments)
    {
        if (!OperatingSystem.IsLinux() || !HasReplacement(arguments))
        {
            return null;
        }

        byte[] commandLine;
        try
        {
            // Bounded by the kernel: the command line of a process fits in its argument space (ARG_MAX).
            commandLine = File.ReadAllBytes(CommandLineFile);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            return null;
        }

        return FindInvalidUtf8(arguments, commandLine);
    }

    private static bool HasReplacement(IReadOnlyList<string> arguments)
    {
        foreach (var argument in arguments)
        {
            if (argument.Contains('\uFFFD', StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// The problem with the first argument whose bytes in <paramref name="commandLine"/> (NUL-terminated strings, the
    /// program first) are not valid UTF-8, or <see langword="null"/>. The arguments are the last strings of the command
    /// line (a runtime's own arguments come before them); that alignment is trusted only when every argument without
    /// U+FFFD is exactly its string, so arguments that are not the process's (an embedding program's own list) are
    /// never blamed for bytes they do not have.
    /// </summary>
    internal static string? FindInvalidUtf8(IReadOnlyList<string> arguments, ReadOnlySpan<byte> commandLine)
    {
        var strings = new List<(int Start, int Length)>();
        var start = 0;
        while (start < commandLine.Length)
        {
            var end = commandLine[start..].IndexOf((byte)0);
            var length = end < 0 ? commandLine.Length - start : end;
            strings.Add((start, length));
            start = checked(start + length + 1);
        }

        var offset = strings.Count - arguments.Count;
        if (offset < 0)
        {
            return null;
        }

        int? invalid = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var (at, length) = strings[offset + i];
            var bytes = commandLine.Slice(at, length);
            if (arguments[i].Contains('\uFFFD', StringComparison.Ordinal))
            {
                invalid ??= Utf8.IsValid(bytes) ? null : i;
            }
            else if (!Utf8.IsValid(bytes) || !arguments[i].AsSpan().SequenceEqual(Encoding.UTF8.GetString(bytes)))
            {
                return null;
            }
        }

        if (invalid is not { } index)
        {
            return null;
        }

        var raw = commandLine.Slice(strings[offset + index].Start, strings[offset + index].Length);
        var bad = Sources.FileInput.FirstInvalidUtf8(raw);
        return "argument #" + (index + 1).ToString(CultureInfo.InvariantCulture) + ": the argument is not valid UTF-8 (byte 0x"
            + raw[bad].ToString("X2", CultureInfo.InvariantCulture) + " at byte " + (bad + 1).ToString(CultureInfo.InvariantCulture) + ")";
    }
}
