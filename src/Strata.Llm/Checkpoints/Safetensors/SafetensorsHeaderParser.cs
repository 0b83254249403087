using System.Text.Json;

namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>
/// Parses the JSON header of one safetensors file with a <see cref="Utf8JsonReader"/> (no reflection, positions kept):
/// checks its shape, each tensor's entry, and that the tensors' byte ranges tile the data section exactly.
/// </summary>
internal sealed class SafetensorsHeaderParser
{
    private const string MetadataKey = "__metadata__";
    private const int PrefixLength = 8;

    private readonly string _path;
    private readonly long _length;
    private readonly byte[] _header;
    private readonly ICollection<Diagnostic> _diagnostics;

    public SafetensorsHeaderParser(string path, long length, byte[] header, ICollection<Diagnostic> diagnostics)
    {
        _path = path;
        _length = length;
        _header = header;
        _diagnostics = diagnostics;
    }

    /// <summary>The size of the data section.</summary>
    private long DataLength => _length - PrefixLength - _header.Length;

    public SafetensorsFile? Parse()
    {
        var tensors = new List<SafetensorsTensor>();
        var tiled = new List<SafetensorsTensor>();
        var offsetsBroken = false;
        var metadata = new Dictionary<string, string>(StringComparer.Ordinal);
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var reader = new Utf8JsonReader(_header, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                Error(Position(reader.TokenStartIndex), "the header is not a JSON object (it starts with " + reader.TokenType.ToString().ToLowerInvariant() + ")");
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var position = Position(reader.TokenStartIndex);
                var name = reader.GetString() ?? string.Empty;
                reader.Read();
                if (!keys.Add(name))
                {
                    Error(position, "the key " + MessageText.Quoted(name) + " appears twice in the header");
                    reader.Skip();
                }
                else if (name == MetadataKey)
                {
                    ReadMetadata(ref reader, position, metadata);
                }
                else if (ReadTensor(ref reader, name, position, out var offsetsValid) is { } tensor)
                {
                    tensors.Add(tensor);
                    if (offsetsValid)
                    {
                        tiled.Add(tensor);
                    }

                    offsetsBroken |= !offsetsValid;
                }
            }

            // The root object is closed: anything but white space (the padding the format allows) after it is an error.
            if (reader.Read())
            {
                Error(Position(reader.TokenStartIndex), "the header has content after its JSON object");
                return null;
            }
        }
        catch (JsonException e)
        {
            Error(Position(SafetensorsText.ErrorIndex(_header, e)), MessageText.OfLibrary("the header is not valid JSON: " + SafetensorsText.FirstSentence(e.Message)));
            return null;
        }
        catch (InvalidOperationException e)
        {
            // Utf8JsonReader.GetString on a string that is not valid UTF-8.
            Error(Position(reader.TokenStartIndex), "the header is not valid UTF-8 JSON: " + SafetensorsText.FirstSentence(e.Message));
            return null;
        }

        // With a tensor's range already reported as impossible, the bytes it should have owned would only repeat it.
        if (!offsetsBroken)
        {
            CheckTiling(tiled);
        }

        return new SafetensorsFile(_path, _length, _header.Length, tensors, metadata);
    }

    private void ReadMetadata(ref Utf8JsonReader reader, long position, Dictionary<string, string> metadata)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error(position, "'" + MetadataKey + "' must be an object of strings");
            reader.Skip();
            return;
        }

        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyPosition = Position(reader.TokenStartIndex);
            var key = reader.GetString() ?? string.Empty;
            reader.Read();
            if (reader.TokenType != JsonTokenType.String)
            {
                Error(keyPosition, "'" + MetadataKey + "' value " + MessageText.Quoted(key) + " must be a string");
                reader.Skip();
                continue;
            }

            if (!metadata.TryAdd(key, reader.GetString() ?? string.Empty))
            {
                Error(keyPosition, "'" + MetadataKey + "' has the key " + MessageText.Quoted(key) + " twice");
            }
        }
    }

    /// <summary>Reads one tensor entry; null when its shape or offsets cannot be read (the reasons reported).</summary>
    private SafetensorsTensor? ReadTensor(ref Utf8JsonReader reader, string name, long position, out bool offsetsValid)
    {
        offsetsValid = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error(position, "tensor " + MessageText.Quoted(name) + " must be an object with dtype, shape and data_offsets");
            reader.Skip();
            return null;
        }

        string? dtype = null;
        List<long>? shape = null;
        List<long>? offsets = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var broken = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyPosition = Position(reader.TokenStartIndex);
            var key = reader.GetString() ?? string.Empty;
            reader.Read();
            if (key is "dtype" or "shape" or "data_offsets" && !seen.Add(key))
            {
                Error(keyPosition, "tensor " + MessageText.Quoted(name) + " has " + MessageText.Quoted(key) + " twice");
                reader.Skip();
                broken = true;
                continue;
            }

            switch (key)
            {
                case "dtype":
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        dtype = reader.GetString() ?? string.Empty;
                    }
                    else
                    {
                        Error(keyPosition, "tensor " + MessageText.Quoted(name) + ": 'dtype' must be a string");
                        reader.Skip();
                        broken = true;
                    }

                    break;
                case "shape":
                    shape = ReadNaturals(ref reader, name, key, keyPosition);
                    broken |= shape is null;
                    break;
                case "data_offsets":
                    offsets = ReadNaturals(ref reader, name, key, keyPosition);
                    if (offsets is { Count: not 2 })
                    {
                        Error(keyPosition, "tensor " + MessageText.Quoted(name) + ": 'data_offsets' must hold two numbers, the first and the end byte, got " + SafetensorsText.Shape(offsets));
                        offsets = null;
                    }

                    broken |= offsets is null;
                    break;
                default:
                    _diagnostics.Add(new Diagnostic(
                        DiagnosticSeverity.Warning,
                        WeightsDiagnosticCodes.WeightsInvalid,
                        string.Empty,
                        SafetensorsText.Place(_path),
                        SafetensorsText.At(keyPosition) + "tensor " + MessageText.Quoted(name) + " has the unknown key " + MessageText.Quoted(key) + ", which is ignored"));
                    reader.Skip();
                    break;
            }
        }

        foreach (var key in (string[])["dtype", "shape", "data_offsets"])
        {
            if (!seen.Contains(key))
            {
                Error(position, "tensor " + MessageText.Quoted(name) + " has no " + MessageText.Quoted(key));
            }
        }

        if (broken || dtype is null || shape is null || offsets is null)
        {
            return null;
        }

        var tensor = new SafetensorsTensor(name, dtype, shape, offsets[0], offsets[1], _path, position);
        offsetsValid = CheckSize(tensor);
        return tensor;
    }

    /// <summary>A JSON array of integers from 0 to <see cref="long.MaxValue"/>; null (reported) otherwise.</summary>
    private List<long>? ReadNaturals(ref Utf8JsonReader reader, string tensor, string key, long position)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Error(position, "tensor " + MessageText.Quoted(tensor) + ": " + MessageText.Quoted(key) + " must be an array of integers");
            reader.Skip();
            return null;
        }

        var values = new List<long>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out var value) || value < 0)
            {
                var text = reader.TokenType == JsonTokenType.Number ? System.Text.Encoding.UTF8.GetString(reader.ValueSpan) : reader.TokenType.ToString().ToLowerInvariant();
                Error(Position(reader.TokenStartIndex), "tensor " + MessageText.Quoted(tensor) + ": " + MessageText.Quoted(key) + " must hold integers from 0 to 2^63-1, got " + MessageText.Bounded(text));
                reader.Skip();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    reader.Skip();
                }

                return null;
            }

            values.Add(value);
        }

        return values;
    }

    /// <summary>Checks the type, and that the byte range is inside the data section and as long as the shape needs.</summary>
    private bool CheckSize(SafetensorsTensor tensor)
    {
        var prefix = "tensor " + MessageText.Quoted(tensor.Name) + ": ";
        var offsets = "data_offsets [" + SafetensorsText.Number(tensor.Begin) + ", " + SafetensorsText.Number(tensor.End) + "]";
        if (tensor.Begin > tensor.End)
        {
            Error(tensor.Position, prefix + offsets + " end before they begin");
            return false;
        }

        if (tensor.End > DataLength)
        {
            Error(tensor.Position, prefix + offsets + " go past the end of the data section, which has " + SafetensorsText.Number(DataLength) + " bytes");
            return false;
        }

        if (tensor.DataType is not { } type)
        {
            Error(tensor.Position, prefix + "unknown dtype " + MessageText.Quoted(tensor.DataTypeName) + " (known: " + string.Join(", ", SafetensorsDataTypes.Names) + ")");
            return true;
        }

        if (!TryByteSize(tensor.Shape, type.Bits(), out var bytes))
        {
            Error(tensor.Position, prefix + "the shape " + tensor.ShapeText + " of " + type.Name() + " does not fill a whole number of bytes below 2^63");
            return true;
        }

        if (bytes != tensor.End - tensor.Begin)
        {
            Error(
                tensor.Position,
                prefix + offsets + " hold " + SafetensorsText.Number(tensor.End - tensor.Begin) + " bytes, but the shape " + tensor.ShapeText
                + " of " + type.Name() + " takes " + SafetensorsText.Number(bytes));
        }

        return true;
    }

    private static bool TryByteSize(IReadOnlyList<long> shape, int bits, out long bytes)
    {
        bytes = 0;
        Int128 count = 1;
        foreach (var dimension in shape)
        {
            count *= dimension;
            if (count > long.MaxValue)
            {
                // A zero dimension later on would make it empty, but a shape this large is no tensor anyone wrote.
                return false;
            }
        }

        var totalBits = count * bits;
        if (totalBits % 8 != 0 || totalBits / 8 > long.MaxValue)
        {
            return false;
        }

        bytes = (long)(totalBits / 8);
        return true;
    }

    /// <summary>The tensors' byte ranges, sorted, must cover the data section exactly once, as the reference implementation requires.</summary>
    private void CheckTiling(List<SafetensorsTensor> tensors)
    {
        tensors.Sort(static (a, b) => a.Begin != b.Begin ? a.Begin.CompareTo(b.Begin) : a.End.CompareTo(b.End));
        var covered = 0L;
        SafetensorsTensor? last = null;
        foreach (var tensor in tensors)
        {
            if (tensor.Begin < covered && last is not null)
            {
                Error(
                    tensor.Position,
                    "tensor " + MessageText.Quoted(tensor.Name) + " (bytes " + Range(tensor.Begin, tensor.End) + " of the data) overlaps tensor " + MessageText.Quoted(last.Name) + " (bytes " + Range(last.Begin, last.End) + ")");
            }
            else if (tensor.Begin > covered)
            {
                Error(
                    PrefixLength + _header.Length + covered,
                    "bytes " + Range(covered, tensor.Begin) + " of the data section belong to no tensor (the next one is " + MessageText.Quoted(tensor.Name) + ")");
            }

            if (tensor.End > covered)
            {
                covered = tensor.End;
                last = tensor;
            }
        }

        if (covered < DataLength)
        {
            Error(
                PrefixLength + _header.Length + covered,
                "the data section has " + SafetensorsText.Number(DataLength) + " bytes, but its tensors end at byte " + SafetensorsText.Number(covered)
                + ": bytes " + Range(covered, DataLength) + " belong to no tensor");
        }
    }

    private static string Range(long begin, long end) => SafetensorsText.Number(begin) + "–" + SafetensorsText.Number(end);

    private void Error(long position, string message) => SafetensorsReader.Invalid(_diagnostics, _path, position, message);

    /// <summary>The offset in the file of a byte of the header.</summary>
    private static long Position(long headerIndex) => PrefixLength + headerIndex;
}
