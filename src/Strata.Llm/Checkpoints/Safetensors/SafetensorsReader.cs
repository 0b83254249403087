using System.Buffers.Binary;
using Microsoft.Win32.SafeHandles;

namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>
/// Reads the header of a safetensors file without reading its data: the 8-byte little-endian length of the header, then
/// the JSON header, whose keys are tensor names (each with <c>dtype</c>, <c>shape</c> and <c>data_offsets</c>) and
/// <c>__metadata__</c> (string pairs). Every problem is a diagnostic with the file and the byte offset: a header length
/// past the end of the file or over the limit (checked before anything is allocated), a header that is not such a JSON
/// object, an unknown <c>dtype</c>, a data size that does not fit the shape, offsets out of the data section,
/// overlapping or leaving bytes that no tensor owns. Nothing here throws on a bad file.
/// </summary>
public static class SafetensorsReader
{
    /// <summary>The largest header read by default: 100,000,000 bytes, the limit of the reference implementation.</summary>
    public const long DefaultMaxHeaderLength = 100_000_000;

    /// <summary>
    /// The most tensors read from one checkpoint by default: 1,000,000. The largest published checkpoints hold a few
    /// hundred thousand (a DeepSeek-V3 with its scales holds about 91,000); the bound keeps the work and the memory of a
    /// check linear in it and small (about 100 bytes a tensor), whatever a header claims.
    /// </summary>
    public const int DefaultMaxTensors = 1_000_000;

    /// <summary>The size of the header length at the start of the file.</summary>
    private const int PrefixLength = 8;

    /// <summary>Reads the header of a safetensors file.</summary>
    /// <param name="path">The file.</param>
    /// <param name="diagnostics">Receives the problems (codes <see cref="WeightsDiagnosticCodes.WeightsInvalid"/> and <see cref="DiagnosticCodes.CheckpointInvalid"/>).</param>
    /// <param name="maxHeaderLength">The largest header accepted, in bytes.</param>
    /// <param name="maxTensors">The most tensors accepted.</param>
    /// <returns>
    /// The header, or <see langword="null"/> when the file cannot be read, its header is not a JSON object of the format
    /// or it holds more than <paramref name="maxTensors"/> tensors. A header whose tensors have problems (an unknown type,
    /// bad offsets) is returned with them, after the errors are reported; errors of one kind past
    /// twenty are summed up in one diagnostic.
    /// </returns>
    public static SafetensorsFile? Read(string path, ICollection<Diagnostic> diagnostics, long maxHeaderLength = DefaultMaxHeaderLength, int maxTensors = DefaultMaxTensors)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var limit = DiagnosticLimit.Over(diagnostics);
        var file = Read(path, limit, maxHeaderLength, maxTensors, 0, out _);
        limit.Complete();
        return file;
    }

    /// <summary>Reads the header of one file of a checkpoint, whose other files hold <paramref name="tensorsBefore"/> tensors.</summary>
    internal static SafetensorsFile? Read(string path, DiagnosticLimit diagnostics, long maxHeaderLength, int maxTensors, int tensorsBefore, out bool overLimit)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentOutOfRangeException.ThrowIfLessThan(maxHeaderLength, 2);
        ArgumentOutOfRangeException.ThrowIfNegative(maxTensors);
        overLimit = false;
        var place = SafetensorsText.Place(path);
        try
        {
            // The size from the file system first, so that a FIFO or a device (size 0) is never opened: opening one may block.
            var info = new FileInfo(path);
            if (!info.Exists)
            {
                diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.CheckpointInvalid, string.Empty, place, "the safetensors file does not exist"));
                return null;
            }

            var length = info.Length;
            if (length < PrefixLength)
            {
                Invalid(diagnostics, path, 0, "the file has " + SafetensorsText.Number(length) + " bytes; a safetensors file starts with the 8-byte length of its header");
                return null;
            }

            using var handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.Read);
            length = RandomAccess.GetLength(handle);
            Span<byte> prefix = stackalloc byte[PrefixLength];
            if (ReadFully(handle, prefix, 0) < PrefixLength)
            {
                Invalid(diagnostics, path, 0, "the file ends inside the 8-byte length of its header");
                return null;
            }

            var headerLength = BinaryPrimitives.ReadUInt64LittleEndian(prefix);
            if (headerLength > (ulong)(length - PrefixLength))
            {
                Invalid(
                    diagnostics,
                    path,
                    0,
                    "the header length " + SafetensorsText.Number(headerLength) + " is past the end of the file, which has "
                    + SafetensorsText.Number(length) + " bytes (at most " + SafetensorsText.Number(length - PrefixLength) + " after the length)");
                return null;
            }

            if (headerLength > (ulong)maxHeaderLength)
            {
                Invalid(diagnostics, path, 0, "the header length " + SafetensorsText.Number(headerLength) + " is over the limit of " + SafetensorsText.Number(maxHeaderLength) + " bytes");
                return null;
            }

            if (headerLength < 2)
            {
                Invalid(diagnostics, path, 0, "the header length " + SafetensorsText.Number(headerLength) + " is too small for a JSON object");
                return null;
            }

            var header = new byte[(int)headerLength];
            var read = ReadFully(handle, header, PrefixLength);
            if (read < header.Length)
            {
                Invalid(diagnostics, path, PrefixLength + read, "the file ends inside the header");
                return null;
            }

            var parser = new SafetensorsHeaderParser(path, length, header, diagnostics, maxTensors, tensorsBefore);
            var file = parser.Parse();
            overLimit = parser.OverLimit;
            return file;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.CheckpointInvalid, string.Empty, place, "cannot read the safetensors file: " + e.Message));
            return null;
        }
    }

    internal static void Invalid(ICollection<Diagnostic> diagnostics, string path, long position, string message) =>
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, WeightsDiagnosticCodes.WeightsInvalid, string.Empty, SafetensorsText.Place(path), SafetensorsText.At(position) + message));

    private static int ReadFully(SafeFileHandle handle, Span<byte> buffer, long offset)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var count = RandomAccess.Read(handle, buffer[total..], offset + total);
            if (count == 0)
            {
                break;
            }

            total += count;
        }

        return total;
    }
}
