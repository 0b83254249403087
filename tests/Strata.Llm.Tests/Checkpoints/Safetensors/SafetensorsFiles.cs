using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace Strata.Llm.Tests.Checkpoints.Safetensors;

/// <summary>Writes safetensors files for tests: a header from tensor specs, and a data section of the right size (sparse, never written).</summary>
internal static class SafetensorsFiles
{
    /// <summary>The path of the real tiny model of the examples.</summary>
    public static string TinyLlama { get; } = Path.Combine(Checkpoint.RepositoryRoot, "examples", "checkpoints", "tiny-llama");

    /// <summary>Writes a valid file: the tensors in order, each right after the previous one.</summary>
    public static string Write(string path, params (string Name, string DType, long[] Shape)[] tensors)
    {
        var json = new StringBuilder("{\"__metadata__\":{\"format\":\"pt\"}");
        var offset = 0L;
        foreach (var (name, dtype, shape) in tensors)
        {
            var bytes = shape.Aggregate(1L, static (a, d) => a * d) * Bits(dtype) / 8;
            json.Append(",\"").Append(name).Append("\":{\"dtype\":\"").Append(dtype).Append("\",\"shape\":[")
                .Append(string.Join(",", shape.Select(static d => d.ToString(CultureInfo.InvariantCulture))))
                .Append("],\"data_offsets\":[").Append(offset.ToString(CultureInfo.InvariantCulture)).Append(',')
                .Append((offset + bytes).ToString(CultureInfo.InvariantCulture)).Append("]}");
            offset += bytes;
        }

        return WriteRaw(path, json.Append('}').ToString(), offset);
    }

    /// <summary>Writes a header as given (its length from its bytes) and a data section of <paramref name="dataLength"/> bytes.</summary>
    public static string WriteRaw(string path, string header, long dataLength)
    {
        var bytes = Encoding.UTF8.GetBytes(header);
        return WriteRaw(path, (ulong)bytes.Length, bytes, dataLength);
    }

    /// <summary>Writes a header length (any value), the header bytes and a data section of <paramref name="dataLength"/> bytes.</summary>
    public static string WriteRaw(string path, ulong headerLength, byte[] header, long dataLength)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        using var stream = new FileStream(path, FileMode.Create, FileAccess.Write);
        Span<byte> prefix = stackalloc byte[8];
        BinaryPrimitives.WriteUInt64LittleEndian(prefix, headerLength);
        stream.Write(prefix);
        stream.Write(header);
        stream.SetLength(stream.Length + dataLength);
        return path;
    }

    private static int Bits(string dtype) => dtype switch
    {
        "F64" or "I64" or "U64" => 64,
        "F32" or "I32" or "U32" => 32,
        "F16" or "BF16" or "I16" or "U16" => 16,
        "F4" => 4,
        _ => 8,
    };
}
