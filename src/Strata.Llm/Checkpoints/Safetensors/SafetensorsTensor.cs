namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>One tensor of a safetensors header: its name, element type, shape and byte range, and where its entry is.</summary>
public sealed class SafetensorsTensor
{
    internal SafetensorsTensor(string name, string dataTypeName, IReadOnlyList<long> shape, long begin, long end, string file, long position)
    {
        Name = name;
        DataTypeName = dataTypeName;
        DataType = SafetensorsDataTypes.TryParse(dataTypeName, out var type) ? type : null;
        Shape = shape;
        Begin = begin;
        End = end;
        File = file;
        Position = position;
    }

    /// <summary>The tensor name, such as <c>model.embed_tokens.weight</c>.</summary>
    public string Name { get; }

    /// <summary>The <c>dtype</c> as the header spells it.</summary>
    public string DataTypeName { get; }

    /// <summary>The element type, or <see langword="null"/> when <see cref="DataTypeName"/> is not a known type.</summary>
    public SafetensorsDataType? DataType { get; }

    /// <summary>The dimensions, outermost first; empty for a scalar.</summary>
    public IReadOnlyList<long> Shape { get; }

    /// <summary>The first byte of the tensor's data, relative to the start of the data section (<c>data_offsets[0]</c>).</summary>
    public long Begin { get; }

    /// <summary>The byte after the tensor's data, relative to the start of the data section (<c>data_offsets[1]</c>).</summary>
    public long End { get; }

    /// <summary>The path of the file that holds the tensor.</summary>
    public string File { get; }

    /// <summary>The byte offset in <see cref="File"/> of the tensor's name in the header, for diagnostics.</summary>
    public long Position { get; }

    /// <summary>The shape as text: <c>[64, 16]</c>.</summary>
    public string ShapeText => SafetensorsText.Shape(Shape);
}
