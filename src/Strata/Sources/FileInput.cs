using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Unicode;
using Strata.Provenance;

namespace Strata.Sources;

/// <summary>
/// Bounded reading of the files that sources read (configuration files, checkpoint files, response files): regular
/// files, and FIFOs, devices and <c>/proc</c> files, whose reading may block. Never more than the size limit (plus one
/// byte) is read, and every problem is a diagnostic at the file (origin line 0, column 0).
/// </summary>
internal static class FileInput
{
    private static ReadOnlySpan<byte> Utf8Bom => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Reads a file as strict UTF-8 and returns its bytes without the byte-order mark. The size is checked before the
    /// file is read, and never more than the limit (plus one byte) is read even when the file grows meanwhile.
    /// </summary>
    public static bool TryReadUtf8(string path, SourceInfo source, SourceLimits limits, List<Diagnostic> diagnostics, out ReadOnlyMemory<byte> content)
    {
        content = default;
        if (!TryReadBytes(path, source, limits, diagnostics, out var bytes))
        {
            return false;
        }

        var start = bytes.AsSpan().StartsWith(Utf8Bom) ? Utf8Bom.Length : 0;
        var text = bytes.AsSpan(start);
        if (!Utf8.IsValid(text))
        {
            var bad = FirstInvalidUtf8(text);
            var before = text[..bad];
            var line = before.Count((byte)'\n') + 1;
            var column = Encoding.UTF8.GetCharCount(before[(before.LastIndexOf((byte)'\n') + 1)..]) + 1;
            diagnostics.Add(Error(DiagnosticCodes.Encoding, source.At(line, column), "the file is not valid UTF-8 (byte 0x" + text[bad].ToString("X2", CultureInfo.InvariantCulture) + "); save it as UTF-8"));
            return false;
        }

        content = bytes.AsMemory(start);
        return true;
    }

    /// <summary>The index of the first byte of <paramref name="text"/> that does not start valid UTF-8 (the last byte when all do).</summary>
    public static int FirstInvalidUtf8(ReadOnlySpan<byte> text)
    {
        var i = 0;
        while (i < text.Length && Rune.DecodeFromUtf8(text[i..], out _, out var consumed) == OperationStatus.Done)
        {
            i += consumed;
        }

        return Math.Min(i, text.Length - 1);
    }

    private static Diagnostic Error(string code, Origin origin, string message) => new(DiagnosticSeverity.Error, code, string.Empty, origin, message);

    private static bool TryReadBytes(string path, SourceInfo source, SourceLimits limits, List<Diagnostic> diagnostics, out ArraySegment<byte> bytes)
    {
        bytes = default;
        FilesRead.Add(path);
        string problem;
        try
        {
            // One status call in the usual case: a file exists; a directory is told apart only when there is none.
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                problem = Directory.Exists(path) ? "is a directory, not a file" : "file not found";
            }
            else if (info.Length <= limits.MaxFileBytes && (info.Length > 0 ? TryRead(path, limits.MaxFileBytes, info.Length, out bytes) : TryReadSpecial(path, limits, out bytes)))
            {
                return true;
            }
            else
            {
                diagnostics.Add(Error(DiagnosticCodes.FileTooLarge, source.At(0, 0), "the file is larger than the limit of " + limits.MaxFileBytes.ToString(CultureInfo.InvariantCulture) + " bytes"));
                return false;
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or TimeoutException or ArgumentException or NotSupportedException or System.Security.SecurityException)
        {
            problem = ex switch
            {
                UnauthorizedAccessException => "permission denied",
                TimeoutException => ex.Message,
                FileNotFoundException or DirectoryNotFoundException => "file not found",
                IOException => "cannot read the file: " + ex.Message.TrimEnd('.'),
                _ => "not a valid file path: " + ex.Message.TrimEnd('.'),
            };
        }

        diagnostics.Add(Error(DiagnosticCodes.Unreadable, source.At(0, 0), problem));
        return false;
    }

    /// <summary>
    /// Reads a path whose size is zero: an empty file, or a FIFO, a device or a <c>/proc</c> file, whose opening or
    /// reading may block for ever (a FIFO without a writer). The read runs on the thread pool and is given up after
    /// <see cref="SourceLimits.MaxReadTime"/>; a blocked read keeps its thread until the process ends.
    /// </summary>
    private static bool TryReadSpecial(string path, SourceLimits limits, out ArraySegment<byte> bytes)
    {
        var read = Task.Run(() => TryRead(path, limits.MaxFileBytes, 0, out var content) ? content : (ArraySegment<byte>?)null);
        if (!((IAsyncResult)read).AsyncWaitHandle.WaitOne(limits.MaxReadTime))
        {
            _ = read.ContinueWith(static t => t.Exception, CancellationToken.None, TaskContinuationOptions.OnlyOnFaulted, TaskScheduler.Default);
            throw new TimeoutException(
                "nothing could be read from it within " + limits.MaxReadTime.TotalSeconds.ToString(CultureInfo.InvariantCulture)
                + " s (a FIFO without a writer, or a device?)");
        }

        var result = read.GetAwaiter().GetResult();
        bytes = result ?? default;
        return result is not null;
    }

    /// <summary>
    /// Reads a file to its end, unbuffered, into one array of the size its status gave (<paramref name="expected"/>)
    /// plus one byte, so that growth since the size check is seen; the array grows when the file does (a FIFO, whose
    /// status says 0). The reading stops at the end, or once the file holds the bytes its status said and a read
    /// stopped short of the array's end; <see langword="false"/> when it holds more than <paramref name="maxBytes"/>.
    /// </summary>
    private static bool TryRead(string path, long maxBytes, long expected, out ArraySegment<byte> bytes)
    {
        bytes = default;
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 0);
        var limit = Math.Min(maxBytes, Array.MaxLength - 1L);
        var buffer = new byte[Math.Min(expected, limit) + 1];
        var total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                Array.Resize(ref buffer, (int)Math.Min(2L * buffer.Length, limit + 1));
            }

            var read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0)
            {
                break;
            }

            var full = total + read == buffer.Length;
            total += read;
            if (total > limit)
            {
                return false;
            }

            if (!full && total == expected)
            {
                break;
            }
        }

        bytes = new ArraySegment<byte>(buffer, 0, total);
        return true;
    }
}
