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

    /// <summary>The most dimensions of a tensor: more than any framework makes (PyTorch stops at 64), and a bound on the work of one entry.</summary>
    private const int MaxRank = 64;

    private readonly string _path;
    private readonly long _length;
    private readonly byte[] _header;
    private readonly ICollection<Diagnostic> _diagnostics;
    private readonly int _maxTensors;
    private readonly int _tensorsBefore;

    /// <summary>The numbers of the array being read (a shape has at most <see cref="MaxRank"/>).</summary>
    private readonly long[] _numbers = new long[MaxRank];

    /// <summary>A parser of one header.</summary>
    /// <param name="path">The file, for the diagnostics.</param>
    /// <param name="length">The size of the file.</param>
    /// <param name="header">The header's bytes.</param>
    /// <param name="diagnostics">Receives the problems.</param>
    /// <param name="maxTensors">The most tensors of the whole checkpoint.</param>
    /// <param name="tensorsBefore">The tensors read from the checkpoint's other files.</param>
    public SafetensorsHeaderParser(string path, long length, byte[] header, ICollection<Diagnostic> diagnostics, int maxTensors, int tensorsBefore)
    {
        _path = path;
        _length = length;
        _header = header;
        _diagnostics = diagnostics;
        _maxTensors = maxTensors;
        _tensorsBefore = tensorsBefore;
    }

    /// <summary>Whether the header held more tensors than the parser was allowed to read (reported; nothing returned).</summary>
    public bool OverLimit { get; private set; }

    [Flags]
    private enum EntryKeys
    {
        None = 0,
        DataType = 1,
        Shape = 2,
        DataOffsets = 4,
    }

    /// <summary>The size of the data section.</summary>
    private long DataLength => _length - PrefixLength - _header.Length;

    public SafetensorsFile? Parse()
    {
        if (EntryPastTheLimit() is var (pastTheLimit, inMetadata))
        {
            OverLimit = true;
            Error(pastTheLimit, (inMetadata ? "'" + MetadataKey + "' holds more than " + SafetensorsText.Number(_maxTensors) + " entries" : "the checkpoint holds more than " + SafetensorsText.Number(_maxTensors) + " tensors") + ", the limit; this header is not read");
            return null;
        }

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
                    Error(position, "the key '" + SafetensorsText.Excerpt(name) + "' appears twice in the header");
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
                else
                {
                    // An entry that could not be read (reported) owns bytes nobody can tell.
                    offsetsBroken = true;
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

        // With a tensor's range already reported as impossible or its entry unreadable, the bytes it should have owned
        // would only repeat that error.
        if (!offsetsBroken)
        {
            CheckTiling(tiled);
        }

        return new SafetensorsFile(_path, _length, _header.Length, tensors, metadata);
    }

    /// <summary>
    /// The place of the first entry past the tensor limit, found by a pass that only counts the entries (nothing is
    /// allocated for them): a header of two million tiny tensors is refused in the time of one read, without the memory
    /// of the first million. The pairs of <c>__metadata__</c> are held as strings too, so they have the same bound of
    /// their own (two million pairs took 5 s and 316 MiB). <see langword="null"/> when the header is within the limits
    /// or is not JSON (the parse reports it).
    /// </summary>
    private (long Position, bool InMetadata)? EntryPastTheLimit()
    {
        var reader = new Utf8JsonReader(_header, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Disallow, MaxDepth = 64 });
        var entries = _tensorsBefore;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return null;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var position = Position(reader.TokenStartIndex);
                var isMetadata = reader.ValueTextEquals(MetadataKey);
                reader.Read();
                if (isMetadata && reader.TokenType == JsonTokenType.StartObject)
                {
                    var pairs = 0;
                    while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
                    {
                        var pair = Position(reader.TokenStartIndex);
                        reader.Read();
                        reader.Skip();
                        if (++pairs > _maxTensors)
                        {
                            return (pair, true);
                        }
                    }

                    continue;
                }

                reader.Skip();
                if (!isMetadata && ++entries > _maxTensors)
                {
                    return (position, false);
                }
            }
        }
        catch (Exception e) when (e is JsonException or InvalidOperationException)
        {
            // Reported with its place by the parse.
        }

        return null;
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
                Error(keyPosition, "'" + MetadataKey + "' value '" + SafetensorsText.Excerpt(key) + "' must be a string");
                reader.Skip();
                continue;
            }

            if (!metadata.TryAdd(key, reader.GetString() ?? string.Empty))
            {
                Error(keyPosition, "'" + MetadataKey + "' has the key '" + SafetensorsText.Excerpt(key) + "' twice");
            }
        }
    }

    /// <summary>Reads one tensor entry; null when its shape or offsets cannot be read (the reasons reported).</summary>
    private SafetensorsTensor? ReadTensor(ref Utf8JsonReader reader, string name, long position, out bool offsetsValid)
    {
        offsetsValid = false;
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            Error(position, SafetensorsText.Tensor(name) + " must be an object with dtype, shape and data_offsets");
            reader.Skip();
            return null;
        }

        string? dtype = null;
        long[]? shape = null;
        (long Begin, long End)? offsets = null;
        var seen = EntryKeys.None;
        var broken = false;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var keyPosition = Position(reader.TokenStartIndex);
            var key = reader.ValueTextEquals("dtype"u8) ? EntryKeys.DataType
                : reader.ValueTextEquals("shape"u8) ? EntryKeys.Shape
                : reader.ValueTextEquals("data_offsets"u8) ? EntryKeys.DataOffsets
                : EntryKeys.None;
            var unknownKey = key == EntryKeys.None ? reader.GetString() ?? string.Empty : null;
            reader.Read();
            if ((seen & key) != 0)
            {
                Error(keyPosition, SafetensorsText.Tensor(name) + " has '" + KeyName(key) + "' twice");
                reader.Skip();
                broken = true;
                continue;
            }

            seen |= key;
            switch (key)
            {
                case EntryKeys.DataType:
                    if (reader.TokenType == JsonTokenType.String)
                    {
                        dtype = DataTypeName(ref reader);
                    }
                    else
                    {
                        Error(keyPosition, SafetensorsText.Tensor(name) + ": 'dtype' must be a string");
                        reader.Skip();
                        broken = true;
                    }

                    break;
                case EntryKeys.Shape:
                    var rank = ReadNaturals(ref reader, name, "shape", keyPosition);
                    shape = rank switch
                    {
                        < 0 => null,
                        0 => [],
                        _ => _numbers.AsSpan(0, rank).ToArray(),
                    };
                    broken |= shape is null;
                    break;
                case EntryKeys.DataOffsets:
                    // Read into the buffer of numbers: the two offsets of a tensor need no array of their own.
                    var count = ReadNaturals(ref reader, name, "data_offsets", keyPosition);
                    if (count is >= 0 and not 2)
                    {
                        Error(keyPosition, SafetensorsText.Tensor(name) + ": 'data_offsets' must hold two numbers, the first and the end byte, got " + SafetensorsText.Shape(_numbers.AsSpan(0, count).ToArray()));
                    }

                    offsets = count == 2 ? (_numbers[0], _numbers[1]) : null;
                    broken |= offsets is null;
                    break;
                default:
                    _diagnostics.Add(new Diagnostic(
                        DiagnosticSeverity.Warning,
                        WeightsDiagnosticCodes.WeightsInvalid,
                        string.Empty,
                        SafetensorsText.Place(_path),
                        SafetensorsText.At(keyPosition) + SafetensorsText.Tensor(name) + " has the unknown key '" + SafetensorsText.Excerpt(unknownKey ?? string.Empty) + "', which is ignored"));
                    reader.Skip();
                    break;
            }
        }

        foreach (var key in (ReadOnlySpan<EntryKeys>)[EntryKeys.DataType, EntryKeys.Shape, EntryKeys.DataOffsets])
        {
            if ((seen & key) == 0)
            {
                Error(position, SafetensorsText.Tensor(name) + " has no '" + KeyName(key) + "'");
            }
        }

        if (broken || dtype is null || shape is null || offsets is null)
        {
            return null;
        }

        var tensor = new SafetensorsTensor(name, dtype, shape, offsets.Value.Begin, offsets.Value.End, _path, position);
        offsetsValid = CheckSize(tensor);
        return tensor;
    }

    private static string KeyName(EntryKeys key) => key switch
    {
        EntryKeys.DataType => "dtype",
        EntryKeys.Shape => "shape",
        _ => "data_offsets",
    };

    /// <summary>A <c>dtype</c>: the one string of a known type (a million tensors of BF16 share it), else the text read.</summary>
    private static string DataTypeName(ref Utf8JsonReader reader)
    {
        foreach (var name in SafetensorsDataTypes.Names)
        {
            if (reader.ValueTextEquals(name))
            {
                return name;
            }
        }

        return reader.GetString() ?? string.Empty;
    }

    /// <summary>
    /// A JSON array of at most <see cref="MaxRank"/> integers from 0 to <see cref="long.MaxValue"/>, read into
    /// <see cref="_numbers"/>: their count, or -1 (reported) otherwise.
    /// </summary>
    private int ReadNaturals(ref Utf8JsonReader reader, string tensor, string key, long position)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            Error(position, SafetensorsText.Tensor(tensor) + ": '" + key + "' must be an array of integers");
            reader.Skip();
            return -1;
        }

        var count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            string? problem = null;
            var value = 0L;
            if (reader.TokenType != JsonTokenType.Number || !reader.TryGetInt64(out value) || value < 0)
            {
                problem = "must hold integers from 0 to 2^63-1, got " + (reader.TokenType == JsonTokenType.Number ? SafetensorsText.Excerpt(reader.ValueSpan) : reader.TokenType.ToString().ToLowerInvariant());
            }
            else if (count == MaxRank)
            {
                problem = "must hold at most " + SafetensorsText.Number(MaxRank) + " numbers";
            }

            if (problem is not null)
            {
                Error(Position(reader.TokenStartIndex), SafetensorsText.Tensor(tensor) + ": '" + key + "' " + problem);
                reader.Skip();
                while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
                {
                    reader.Skip();
                }

                return -1;
            }

            _numbers[count++] = value;
        }

        return count;
    }

    /// <summary>Checks the type, and that the byte range is inside the data section and as long as the shape needs.</summary>
    private bool CheckSize(SafetensorsTensor tensor)
    {
        // Most tensors are right: the texts of the messages are made only for a problem.
        if (tensor.Begin > tensor.End)
        {
            Error(tensor.Position, Prefix(tensor) + Offsets(tensor) + " end before they begin");
            return false;
        }

        if (tensor.End > DataLength)
        {
            Error(tensor.Position, Prefix(tensor) + Offsets(tensor) + " go past the end of the data section, which has " + SafetensorsText.Number(DataLength) + " bytes");
            return false;
        }

        if (tensor.DataType is not { } type)
        {
            Error(tensor.Position, Prefix(tensor) + "unknown dtype '" + SafetensorsText.Excerpt(tensor.DataTypeName) + "' (known: " + string.Join(", ", SafetensorsDataTypes.Names) + ")");
            return true;
        }

        if (!TryByteSize(tensor.Shape, type.Bits(), out var bytes))
        {
            Error(tensor.Position, Prefix(tensor) + "the shape " + tensor.ShapeText + " of " + type.Name() + " does not fill a whole number of bytes below 2^63");
            return true;
        }

        if (bytes != tensor.End - tensor.Begin)
        {
            Error(
                tensor.Position,
                Prefix(tensor) + Offsets(tensor) + " hold " + SafetensorsText.Number(tensor.End - tensor.Begin) + " bytes, but the shape " + tensor.ShapeText
                + " of " + type.Name() + " takes " + SafetensorsText.Number(bytes));
        }

        return true;

        static string Prefix(SafetensorsTensor tensor) => SafetensorsText.Tensor(tensor.Name) + ": ";

        static string Offsets(SafetensorsTensor tensor) => "data_offsets [" + SafetensorsText.Number(tensor.Begin) + ", " + SafetensorsText.Number(tensor.End) + "]";
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
                    SafetensorsText.Tensor(tensor.Name) + " (bytes " + Range(tensor.Begin, tensor.End) + " of the data) overlaps " + SafetensorsText.Tensor(last.Name) + " (bytes " + Range(last.Begin, last.End) + ")");
            }
            else if (tensor.Begin > covered)
            {
                Error(
                    PrefixLength + _header.Length + covered,
                    "bytes " + Range(covered, tensor.Begin) + " of the data section belong to no tensor (the next one is '" + SafetensorsText.Excerpt(tensor.Name) + "')");
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
