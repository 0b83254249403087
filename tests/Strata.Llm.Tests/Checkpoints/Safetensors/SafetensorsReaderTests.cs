using System.Text;
using Strata.Llm.Checkpoints.Safetensors;

namespace Strata.Llm.Tests.Checkpoints.Safetensors;

/// <summary>
/// The safetensors header reader: the real tiny model of the examples, and hostile files, each of which is a diagnostic
/// with the file and the byte offset — never an exception, never an allocation the size of a lying header length.
/// </summary>
public sealed class SafetensorsReaderTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_tiny_llama_header_is_read_with_every_tensor_and_its_metadata()
    {
        var diagnostics = new List<Diagnostic>();
        var file = SafetensorsReader.Read(Path.Combine(SafetensorsFiles.TinyLlama, "model.safetensors"), diagnostics);

        Assert.Empty(diagnostics);
        Assert.NotNull(file);
        Assert.Equal(21, file.Tensors.Count);
        Assert.All(file.Tensors, static t => Assert.Equal(SafetensorsDataType.BF16, t.DataType));
        Assert.Equal(file.Length, file.DataOffset + file.Tensors.Max(static t => t.End));
        var embeddings = Assert.Single(file.Tensors, static t => t.Name == "model.embed_tokens.weight");
        Assert.Equal([64L, 16L], embeddings.Shape);
        Assert.Equal("[64, 16]", embeddings.ShapeText);
        Assert.Equal(2L * 64 * 16, embeddings.End - embeddings.Begin);
        Assert.Equal("pt", file.Metadata["format"]);
        Assert.Equal((byte)'"', File.ReadAllBytes(file.Path)[embeddings.Position]);
    }

    [Fact]
    public void A_written_file_reads_back_with_its_types_shapes_and_offsets()
    {
        var path = SafetensorsFiles.Write(
            Path.Combine(_dir.Path, "a.safetensors"),
            ("a", "F32", [2, 3]),
            ("b", "I64", [4]),
            ("c", "BOOL", []),
            ("d", "F4", [2, 2]),
            ("e", "F8_E4M3", [0, 5]));

        var diagnostics = new List<Diagnostic>();
        var file = SafetensorsReader.Read(path, diagnostics);

        Assert.Empty(diagnostics);
        Assert.Equal(["a", "b", "c", "d", "e"], file!.Tensors.Select(static t => t.Name));
        Assert.Equal(
            [SafetensorsDataType.F32, SafetensorsDataType.I64, SafetensorsDataType.Bool, SafetensorsDataType.F4, SafetensorsDataType.F8E4M3],
            file.Tensors.Select(static t => t.DataType!.Value));
        Assert.Equal([(0L, 24L), (24L, 56L), (56L, 57L), (57L, 59L), (59L, 59L)], file.Tensors.Select(static t => (t.Begin, t.End)));
        Assert.Equal(59, file.DataLength);
    }

    [Fact]
    public void A_header_length_of_two_to_the_63_is_a_diagnostic_without_a_huge_allocation()
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "huge.safetensors"), 1UL << 63, Encoding.UTF8.GetBytes("{}"), 0);

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var error = ReadError(path);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        Assert.Equal("huge.safetensors: error STR0126: at byte 0: the header length 9223372036854775808 is past the end of the file, which has 10 bytes (at most 2 after the length)", Text(error));
        Assert.True(allocated < 1024 * 1024, "allocated " + allocated + " bytes");
    }

    [Theory]
    [InlineData(ulong.MaxValue)]
    [InlineData(11UL)]
    [InlineData(1UL << 40)]
    public void A_header_length_past_the_end_of_the_file_is_a_diagnostic_at_byte_0(ulong length)
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "long.safetensors"), length, Encoding.UTF8.GetBytes("{}"), 0);

        var error = ReadError(path);

        Assert.Equal(WeightsDiagnosticCodes.WeightsInvalid, error.Code);
        Assert.Contains("at byte 0: the header length " + length + " is past the end of the file, which has 10 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_header_length_over_the_limit_is_a_diagnostic_before_anything_is_read()
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "big.safetensors"), "{\"__metadata__\":{\"x\":\"" + new string('y', 100) + "\"}}", 0);

        var error = ReadError(path, maxHeaderLength: 64);

        Assert.Contains("at byte 0: the header length 125 is over the limit of 64 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Metadata_of_more_pairs_than_the_tensor_limit_is_refused_before_any_pair_is_kept()
    {
        // Two million pairs fit in a 22 MB header and took 5 s and 316 MiB to keep; they now have the tensors' bound.
        var pairs = string.Join(",", Enumerable.Range(0, 6).Select(static i => "\"k" + i + "\":\"v\""));
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "meta.safetensors"), "{\"__metadata__\":{" + pairs + "}}", 0);
        var diagnostics = new List<Diagnostic>();

        Assert.Null(SafetensorsReader.Read(path, diagnostics, maxTensors: 5));
        Assert.Equal("meta.safetensors: error STR0126: at byte 70: '__metadata__' holds more than 5 entries, the limit; this header is not read", Text(Assert.Single(diagnostics)));

        diagnostics.Clear();
        Assert.Equal(6, SafetensorsReader.Read(path, diagnostics, maxTensors: 6)!.Metadata.Count);
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void The_default_limit_is_that_of_the_reference_implementation()
    {
        Assert.Equal(100_000_000, SafetensorsReader.DefaultMaxHeaderLength);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(7)]
    public void A_file_shorter_than_the_length_prefix_is_a_diagnostic(int size)
    {
        var path = Path.Combine(_dir.Path, "short.safetensors");
        File.WriteAllBytes(path, new byte[size]);

        var error = ReadError(path);

        Assert.Contains("at byte 0: the file has " + size + " bytes; a safetensors file starts with the 8-byte length of its header", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_truncated_file_is_a_diagnostic_for_each_tensor_past_its_end()
    {
        var path = SafetensorsFiles.Write(Path.Combine(_dir.Path, "cut.safetensors"), ("a", "F32", [4]), ("b", "F32", [4]));
        using (var stream = new FileStream(path, FileMode.Open))
        {
            stream.SetLength(stream.Length - 20);
        }

        var diagnostics = Read(path);

        Assert.Equal(
            [
                "at byte 40: tensor 'a': data_offsets [0, 16] go past the end of the data section, which has 12 bytes",
                "at byte 94: tensor 'b': data_offsets [16, 32] go past the end of the data section, which has 12 bytes",
            ],
            diagnostics.Select(static d => d.Message));
    }

    [Fact]
    public void A_file_cut_inside_its_header_is_a_diagnostic()
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "cut.safetensors"), 100, Encoding.UTF8.GetBytes("{\"a\":"), 0);

        var error = ReadError(path);

        Assert.Contains("at byte 0: the header length 100 is past the end of the file, which has 13 bytes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"a\": {\"dtype\": \"F32\",", "at byte 29: the header is not valid JSON")]
    [InlineData("not json at all", "at byte 9: the header is not valid JSON")]
    [InlineData("[1, 2]", "at byte 8: the header is not a JSON object")]
    [InlineData("{} {}", "at byte 11: the header is not valid JSON")]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}, \"b\": 1,}", "at byte 77: the header is not valid JSON: The JSON object contains a trailing comma")]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]},\n \"b\": tru}", "at byte 79: the header is not valid JSON")]
    public void Malformed_json_is_a_diagnostic_at_its_byte(string header, string message)
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "bad.safetensors"), header, 4);

        var diagnostics = new List<Diagnostic>();
        Assert.Null(SafetensorsReader.Read(path, diagnostics));

        Assert.StartsWith(message, diagnostics[^1].Message, StringComparison.Ordinal);
        Assert.All(diagnostics, static d => Assert.Equal((DiagnosticSeverity.Error, WeightsDiagnosticCodes.WeightsInvalid), (d.Severity, d.Code)));
    }

    [Fact]
    public void Deep_nesting_is_a_diagnostic_not_a_stack_overflow()
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "deep.safetensors"), "{\"a\":" + new string('[', 100_000) + new string(']', 100_000) + "}", 0);

        var diagnostics = new List<Diagnostic>();
        Assert.Null(SafetensorsReader.Read(path, diagnostics));

        Assert.StartsWith("at byte 76: the header is not valid JSON: The maximum configured depth of 64 has been exceeded", diagnostics[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Invalid_utf8_in_a_name_is_a_diagnostic()
    {
        var header = Encoding.UTF8.GetBytes("{\"\u00e9\": 1}");
        header[2] = 0xff;
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "utf8.safetensors"), (ulong)header.Length, header, 0);

        var error = ReadError(path);

        Assert.Contains("not valid", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[-4, 0]", "'data_offsets' must hold integers from 0 to 2^63-1, got -4")]
    [InlineData("[0, 1.5]", "'data_offsets' must hold integers from 0 to 2^63-1, got 1.5")]
    [InlineData("[0, 99999999999999999999]", "got 99999999999999999999")]
    [InlineData("[0]", "'data_offsets' must hold two numbers, the first and the end byte, got [0]")]
    [InlineData("[4, 0]", "data_offsets [4, 0] end before they begin")]
    [InlineData("[0, 400]", "data_offsets [0, 400] go past the end of the data section, which has 4 bytes")]
    [InlineData("[0, 2]", "data_offsets [0, 2] hold 2 bytes, but the shape [1] of F32 takes 4")]
    [InlineData("\"0-4\"", "'data_offsets' must be an array of integers")]
    public void Bad_offsets_are_diagnostics(string offsets, string message)
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "o.safetensors"), "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": " + offsets + "}}", 4);

        var diagnostics = Read(path);

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Message.Contains(message, StringComparison.Ordinal) && d.Message.StartsWith("at byte ", StringComparison.Ordinal));
    }

    [Fact]
    public void Overlapping_tensors_are_a_diagnostic_naming_both()
    {
        var path = SafetensorsFiles.WriteRaw(
            Path.Combine(_dir.Path, "overlap.safetensors"),
            "{\"a\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [0, 8]}, \"b\": {\"dtype\": \"F32\", \"shape\": [2], \"data_offsets\": [4, 12]}}",
            12);

        var diagnostics = Read(path);

        var error = Assert.Single(diagnostics);
        Assert.Equal("at byte 70: tensor 'b' (bytes 4–12 of the data) overlaps tensor 'a' (bytes 0–8)", error.Message);
    }

    [Fact]
    public void Bytes_that_no_tensor_owns_are_diagnostics()
    {
        var path = SafetensorsFiles.WriteRaw(
            Path.Combine(_dir.Path, "holes.safetensors"),
            "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [4, 8]}}",
            12);

        var messages = Read(path).Select(static d => d.Message).ToList();

        Assert.Equal(
            [
                "at byte 69: bytes 0–4 of the data section belong to no tensor (the next one is 'a')",
                "at byte 77: the data section has 12 bytes, but its tensors end at byte 8: bytes 8–12 belong to no tensor",
            ],
            messages);
    }

    [Theory]
    [InlineData("{\"a\": {\"dtype\": \"F17\", \"shape\": [1], \"data_offsets\": [0, 4]}}", "tensor 'a': unknown dtype 'F17' (known: BOOL, U8, I8, F8_E5M2")]
    [InlineData("{\"a\": {\"dtype\": \"bf16\", \"shape\": [1], \"data_offsets\": [0, 4]}}", "unknown dtype 'bf16'")]
    [InlineData("{\"a\": {\"dtype\": 16, \"shape\": [1], \"data_offsets\": [0, 4]}}", "tensor 'a': 'dtype' must be a string")]
    [InlineData("{\"a\": {\"shape\": [1], \"data_offsets\": [0, 4]}}", "tensor 'a' has no 'dtype'")]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"data_offsets\": [0, 4]}}", "tensor 'a' has no 'shape'")]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"shape\": [-1], \"data_offsets\": [0, 4]}}", "'shape' must hold integers from 0 to 2^63-1, got -1")]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"shape\": [1], \"data_offsets\": [0, 4]}}", "tensor 'a' has 'shape' twice")]
    [InlineData("{\"a\": [1, 2]}", "tensor 'a' must be an object with dtype, shape and data_offsets")]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}, \"a\": {}}", "the key 'a' appears twice in the header")]
    [InlineData("{\"__metadata__\": {\"format\": 1}}", "'__metadata__' value 'format' must be a string")]
    [InlineData("{\"__metadata__\": [\"pt\"]}", "'__metadata__' must be an object of strings")]
    [InlineData("{\"a\": {\"dtype\": \"F32\", \"shape\": [4294967296, 4294967296], \"data_offsets\": [0, 4]}}", "the shape [4294967296, 4294967296] of F32 does not fill a whole number of bytes below 2^63")]
    public void Bad_tensor_entries_are_diagnostics(string header, string message)
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "t.safetensors"), header, 4);

        var diagnostics = Read(path);

        Assert.Contains(diagnostics, d => d.Severity == DiagnosticSeverity.Error && d.Code == WeightsDiagnosticCodes.WeightsInvalid && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void An_unknown_key_of_a_tensor_is_a_warning_and_trailing_spaces_are_padding()
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "w.safetensors"), "{\"a\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4], \"x\": 1}}    ", 4);

        var diagnostics = new List<Diagnostic>();
        var file = SafetensorsReader.Read(path, diagnostics);

        Assert.NotNull(file);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, "at byte 69: tensor 'a' has the unknown key 'x', which is ignored"), (warning.Severity, warning.Message));
    }

    [Fact]
    public void A_missing_file_and_a_directory_are_diagnostics()
    {
        var missing = Read(Path.Combine(_dir.Path, "none.safetensors"));
        var directory = Directory.CreateDirectory(Path.Combine(_dir.Path, "dir.safetensors")).FullName;
        var isDirectory = Read(directory);

        Assert.Equal(DiagnosticCodes.CheckpointInvalid, Assert.Single(missing).Code);
        Assert.Equal(DiagnosticCodes.CheckpointInvalid, Assert.Single(isDirectory).Code);
    }

    [Fact]
    public void Random_bytes_never_throw()
    {
        var random = new Random(1234);
        for (var i = 0; i < 200; i++)
        {
            var bytes = new byte[random.Next(0, 200)];
            random.NextBytes(bytes);
            if (bytes.Length >= 8 && i % 2 == 0)
            {
                // A plausible length, so that the JSON parser sees the noise.
                System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)random.Next(0, bytes.Length - 7));
            }

            var path = Path.Combine(_dir.Path, "noise.safetensors");
            File.WriteAllBytes(path, bytes);
            var diagnostics = new List<Diagnostic>();
            var file = SafetensorsReader.Read(path, diagnostics);
            Assert.True(file is not null || diagnostics.Any(static d => d.Severity == DiagnosticSeverity.Error));
        }
    }

    private static List<Diagnostic> Read(string path, long maxHeaderLength = SafetensorsReader.DefaultMaxHeaderLength)
    {
        var diagnostics = new List<Diagnostic>();
        SafetensorsReader.Read(path, diagnostics, maxHeaderLength);
        return diagnostics;
    }

    private static Diagnostic ReadError(string path, long maxHeaderLength = SafetensorsReader.DefaultMaxHeaderLength)
    {
        var diagnostics = new List<Diagnostic>();
        Assert.Null(SafetensorsReader.Read(path, diagnostics, maxHeaderLength));
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Error, error.Severity);
        Assert.Equal(path, error.Origin?.Source);
        return error;
    }

    /// <summary>The diagnostic as printed, with the file name only.</summary>
    private static string Text(Diagnostic diagnostic) =>
        diagnostic.ToString().Replace(Path.GetDirectoryName(diagnostic.Origin!.Source)! + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
}
