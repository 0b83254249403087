namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>The header of one safetensors file: its tensors and its <c>__metadata__</c>, with the sizes read from the file.</summary>
public sealed class SafetensorsFile
{
    internal SafetensorsFile(string path, long length, long headerLength, IReadOnlyList<SafetensorsTensor> tensors, IReadOnlyDictionary<string, string> metadata)
    {
        Path = path;
        Length = length;
        HeaderLength = headerLength;
        Tensors = tensors;
        Metadata = metadata;
    }

    /// <summary>The path of the file, as given.</summary>
    public string Path { get; }

    /// <summary>The size of the file in bytes.</summary>
    public long Length { get; }

    /// <summary>The size of the JSON header in bytes (the little-endian number in the first 8 bytes).</summary>
    public long HeaderLength { get; }

    /// <summary>The offset in the file where the data section starts: <c>8 + HeaderLength</c>.</summary>
    public long DataOffset => 8 + HeaderLength;

    /// <summary>The size of the data section in bytes.</summary>
    public long DataLength => Length - DataOffset;

    /// <summary>The tensors, in the order of the header.</summary>
    public IReadOnlyList<SafetensorsTensor> Tensors { get; }

    /// <summary>The string pairs of <c>__metadata__</c> (such as <c>format: pt</c>); empty when the header has none.</summary>
    public IReadOnlyDictionary<string, string> Metadata { get; }
}
