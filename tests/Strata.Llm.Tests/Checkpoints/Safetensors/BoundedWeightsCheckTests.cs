using System.Globalization;
using Strata.Llm.Checkpoints.Safetensors;
using Strata.Llm.Models;

namespace Strata.Llm.Tests.Checkpoints.Safetensors;

/// <summary>
/// The weights check costs what the checkpoint holds, never what the config claims: a config of two billion layers is
/// counted, not listed; twenty diagnostics of a kind are shown and the rest summed up; a checkpoint of more tensors than
/// the limit is one error before anything is kept of it.
/// </summary>
public sealed class BoundedWeightsCheckTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void A_config_of_two_billion_layers_is_compared_in_time_and_memory_bounded_by_the_checkpoint()
    {
        var model = TinyLlama("model:\n  base_model:\n    transformer:\n      num_layers: 2000000000\n");
        var weights = SafetensorsCheckpoint.Read(SafetensorsFiles.TinyLlama, new List<Diagnostic>())!;

        var allocated = GC.GetAllocatedBytesForCurrentThread();
        var comparison = WeightsShapeCheck.Compare(model, "llama", weights);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;

        // 21 tensors held (the norm and the output layer are those of the last layer and the head: held, expected), 20 missing listed.
        Assert.Equal(21 + 20, comparison.Rows.Count);
        Assert.Equal((9L * 2_000_000_000) + 3 - 21 - 20, (long)comparison.MissingNotListed);
        Assert.True(allocated < 4 * 1024 * 1024, "allocated " + allocated + " bytes");
    }

    [Fact]
    public void Missing_tensors_past_twenty_are_summed_up_in_one_diagnostic_with_their_exact_number()
    {
        var model = TinyLlama("model:\n  base_model:\n    transformer:\n      num_layers: 100000\n");
        var diagnostics = new List<Diagnostic>();

        Assert.False(WeightsShapeCheck.Check(model, SafetensorsFiles.TinyLlama, "llama", diagnostics));

        Assert.Equal(21, diagnostics.Count);
        Assert.All(diagnostics, static d => Assert.Equal((DiagnosticSeverity.Error, WeightsDiagnosticCodes.WeightsMismatch), (d.Severity, d.Code)));
        Assert.Equal("tensor 'model.layers.2.self_attn.q_proj.weight' [16, 16] (num_attention_heads × kv_channels, hidden_size) is missing", diagnostics[0].Message);
        Assert.Equal(
            "… and 899962 more like this: tensor 'model.layers.4.self_attn.v_proj.weight' [8, 16] (head_groups × kv_channels, hidden_size) is missing",
            diagnostics[^1].Message);
        Assert.Equal(SafetensorsFiles.TinyLlama, diagnostics[^1].Origin!.Source);
    }

    [Fact]
    public void A_config_of_two_billion_layers_in_a_checkpoint_config_is_checked_like_any_other()
    {
        var directory = CopyOfTinyLlama("two-billion");
        File.WriteAllText(Path.Combine(directory, "config.json"), File.ReadAllText(Path.Combine(directory, "config.json")).Replace("\"num_hidden_layers\": 2", "\"num_hidden_layers\": 2000000000", StringComparison.Ordinal));
        var model = Checkpoint.Model("pretrained:\n  format: llama\n  path: '" + directory + "'\n").Config.Model.BaseModel;
        var diagnostics = new List<Diagnostic>();

        Assert.False(WeightsShapeCheck.Check(model, directory, "llama", diagnostics));

        Assert.Equal(21, diagnostics.Count);
        Assert.StartsWith("… and 17999999962 more like this: tensor 'model.layers.4.", diagnostics[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensors_the_config_does_not_call_for_past_twenty_are_summed_up_and_the_first_by_name_are_listed()
    {
        var tensors = Enumerable.Range(0, 500).Select(static i => ("extra." + i.ToString("D3", CultureInfo.InvariantCulture), "F32", new long[] { 1 })).Reverse().ToArray();
        var directory = Path.Combine(_dir.Path, "extra");
        SafetensorsFiles.Write(Path.Combine(directory, "model.safetensors"), tensors);
        var weights = SafetensorsCheckpoint.Read(directory, new List<Diagnostic>())!;

        var comparison = WeightsShapeCheck.Compare(TinyLlama(), "llama", weights);
        var diagnostics = new List<Diagnostic>();
        comparison.Report(diagnostics);

        Assert.Equal(480, comparison.UnexpectedNotListed);
        var unexpected = comparison.Rows.Where(static r => r.Expected is null).Select(static r => r.Name).ToList();
        Assert.Equal(Enumerable.Range(0, 20).Select(static i => "extra." + i.ToString("D3", CultureInfo.InvariantCulture)), unexpected);
        var reported = diagnostics.Where(static d => d.Message.Contains("is not a weight", StringComparison.Ordinal)).ToList();
        Assert.Equal(21, reported.Count);
        Assert.EndsWith("… and 480 more like this: at byte " + weights.Tensors["extra.020"].Position + ": tensor 'extra.020' [1] is not a weight of this config (llama names)", reported[^1].Message, StringComparison.Ordinal);
        Assert.True(diagnostics.Count <= 21 + 21 + 1, string.Join("\n", diagnostics));
    }

    [Fact]
    public void Shape_mismatches_past_twenty_of_one_kind_are_summed_up()
    {
        var model = TinyLlama("model:\n  base_model:\n    transformer:\n      ffn_hidden_size: 48\n      num_layers: 20\n");
        var expected = WeightsShapeCheck.ExpectedTensors(TinyLlama("model:\n  base_model:\n    transformer:\n      num_layers: 20\n"), "llama").Select(static t => (t.Name, "F16", t.Shape.ToArray())).ToArray();
        var directory = Path.Combine(_dir.Path, "twenty");
        SafetensorsFiles.Write(Path.Combine(directory, "model.safetensors"), expected);
        var diagnostics = new List<Diagnostic>();

        Assert.False(WeightsShapeCheck.Check(model, directory, "llama", diagnostics));

        // gate_proj and up_proj: [32, 16] against [48, 16], 40 of them (one kind); down_proj: [16, 32] against [16, 48], 20.
        Assert.Equal(20 + 1 + 20, diagnostics.Count);
        Assert.Single(diagnostics, static d => d.Message.StartsWith("… and 20 more like this: ", StringComparison.Ordinal));
    }

    [Fact]
    public void Expected_tensors_are_made_as_they_are_read()
    {
        var model = TinyLlama("model:\n  base_model:\n    transformer:\n      num_layers: 2000000000\n      num_experts: 2000000000\n");

        var first = WeightsShapeCheck.ExpectedTensors(model, "mixtral").Take(8).Select(static t => t.Name).ToList();

        Assert.Equal("model.layers.0.block_sparse_moe.experts.0.w1.weight", first[^2]);
    }

    [Theory]
    [InlineData("llama", "")]
    [InlineData("mixtral", "      num_experts: 3\n")]
    [InlineData("starcoder2", "      normalization: {type: layer_norm}\n      add_linear_biases: true\n")]
    [InlineData("qwen2", "      add_linear_biases: only_attn_qkv\n")]
    [InlineData("mtp_llama", "    prediction_heads: 3\n")]
    public void Every_expected_tensor_is_found_by_its_name_with_its_shape_and_the_count_is_exact(string format, string extra)
    {
        var transformer = extra.StartsWith("      ", StringComparison.Ordinal) ? extra : string.Empty;
        var baseModel = extra.StartsWith("      ", StringComparison.Ordinal) ? string.Empty : extra;
        var model = TinyLlama("model:\n  base_model:\n" + baseModel + "    transformer:\n      num_layers: 3\n" + transformer);
        var layout = TensorLayout.For(model, format);

        var all = layout.Enumerate().ToList();

        Assert.Equal(all.Count, (int)layout.Count);
        Assert.Equal(all.Count, all.Select(static e => e.Tensor.Name).Distinct(StringComparer.Ordinal).Count());
        foreach (var (tensor, position) in all)
        {
            var found = layout.Find(tensor.Name);
            Assert.NotNull(found);
            Assert.Equal(tensor.Shape, found.Value.Tensor.Shape);
            Assert.Equal(0, position.CompareTo(found.Value.Position));
        }

        Assert.True(all.Zip(all.Skip(1)).All(static p => p.First.Position.CompareTo(p.Second.Position) < 0), "positions are in the order of the enumeration");
    }

    [Theory]
    [InlineData("model.layers.01.self_attn.q_proj.weight")]
    [InlineData("model.layers.2.self_attn.q_proj.weight")]
    [InlineData("model.layers.-1.self_attn.q_proj.weight")]
    [InlineData("model.layers.99999999999999999999.self_attn.q_proj.weight")]
    [InlineData("model.layers.0.self_attn.q_proj")]
    [InlineData("model.layers.0")]
    [InlineData("model.layers.")]
    [InlineData("model.layers.0.self_attn.q_proj.weight.x")]
    public void A_name_that_is_no_expected_tensor_is_not_found(string name)
    {
        Assert.Null(TensorLayout.For(TinyLlama(), "llama").Find(name));
    }

    [Fact]
    public void A_checkpoint_past_the_tensor_limit_is_one_error_and_is_not_checked()
    {
        var directory = Path.Combine(_dir.Path, "many");
        SafetensorsFiles.Write(Path.Combine(directory, "model-1.safetensors"), [.. Enumerable.Range(0, 3).Select(static i => ("a" + i, "F32", new long[] { 1 }))]);
        SafetensorsFiles.Write(Path.Combine(directory, "model-2.safetensors"), [.. Enumerable.Range(0, 3).Select(static i => ("b" + i, "F32", new long[] { 1 }))]);
        var diagnostics = new List<Diagnostic>();

        Assert.Null(SafetensorsCheckpoint.Read(directory, diagnostics, maxTensors: 5));

        var error = Assert.Single(diagnostics);
        Assert.Equal((WeightsDiagnosticCodes.WeightsInvalid, Path.Combine(directory, "model-2.safetensors")), (error.Code, error.Origin!.Source));
        Assert.Matches(@"^at byte \d+: the checkpoint holds more than 5 tensors, the limit; this header is not read$", error.Message);
        Assert.NotNull(SafetensorsCheckpoint.Read(directory, diagnostics, maxTensors: 6));
    }

    [Fact]
    public void The_default_tensor_limit_is_above_the_largest_published_checkpoints()
    {
        Assert.Equal(1_000_000, SafetensorsReader.DefaultMaxTensors);
    }

    [Fact]
    public void A_shard_index_past_the_tensor_limit_is_one_error()
    {
        var directory = Path.Combine(_dir.Path, "index");
        SafetensorsFiles.Write(Path.Combine(directory, "model.safetensors"), ("a", "F32", [1]));
        File.WriteAllText(
            Path.Combine(directory, SafetensorsCheckpoint.IndexFileName),
            "{\"weight_map\": {" + string.Join(", ", Enumerable.Range(0, 4).Select(static i => "\"t" + i + "\": \"model.safetensors\"")) + "}}");
        var diagnostics = new List<Diagnostic>();

        Assert.Null(SafetensorsCheckpoint.Read(directory, diagnostics, maxTensors: 3));

        Assert.EndsWith("'weight_map' has more than 3 tensors, the limit of a checkpoint", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_shard_index_over_the_size_limit_is_the_file_size_error_of_every_source()
    {
        // One bound, one error: a large regular file is refused as /dev/zero is (STR0006), not by a second check.
        var directory = Path.Combine(_dir.Path, "large-index");
        SafetensorsFiles.Write(Path.Combine(directory, "model.safetensors"), ("a", "F32", [1]));
        var index = Path.Combine(directory, SafetensorsCheckpoint.IndexFileName);
        File.WriteAllText(index, "{\"weight_map\": {\"a\": \"model.safetensors\"}}" + new string(' ', 200));
        var diagnostics = new List<Diagnostic>();

        Assert.Null(SafetensorsCheckpoint.Read(directory, diagnostics, maxHeaderLength: 100));

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.FileTooLarge, index), (error.Code, error.Origin!.Source));
        Assert.NotNull(SafetensorsCheckpoint.Read(directory, diagnostics, maxHeaderLength: 1000));
    }

    [Fact]
    public void Errors_of_one_kind_in_a_header_past_twenty_are_summed_up()
    {
        // 1000 tensors of an unknown type: 20 shown, then one line for the other 980.
        var header = "{" + string.Join(",", Enumerable.Range(0, 1000).Select(static i => "\"t" + i + "\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,0]}")) + "}";
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "q7.safetensors"), header, 0);
        var diagnostics = new List<Diagnostic>();

        SafetensorsReader.Read(path, diagnostics);

        Assert.Equal(21, diagnostics.Count);
        Assert.StartsWith("… and 980 more like this: at byte ", diagnostics[^1].Message, StringComparison.Ordinal);
        Assert.EndsWith("tensor 't20': unknown dtype 'Q7' (known: BOOL, U8, I8, F8_E5M2, F8_E4M3, F8_E8M0, I16, U16, F16, BF16, I32, U32, F32, F64, I64, U64, C64, F4, F6_E2M3, F6_E3M2)", diagnostics[^1].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Names_built_to_be_all_different_kinds_still_give_a_bounded_number_of_diagnostics()
    {
        // An apostrophe in each name shifts what the kind of a message looks like; past 64 kinds they share one.
        var header = "{" + string.Join(",", Enumerable.Range(0, 2000).Select(static i => "\"t'" + new string('x', i % 500) + "\":{\"dtype\":\"Q7\",\"shape\":[1],\"data_offsets\":[0,0]}")) + "}";
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "kinds.safetensors"), header, 0);
        var diagnostics = new List<Diagnostic>();

        SafetensorsReader.Read(path, diagnostics);

        Assert.InRange(diagnostics.Count, 1, (DiagnosticLimit.MaxKinds + 1) * (DiagnosticLimit.PerKind + 1));
    }

    [Fact]
    public void A_shape_of_more_than_64_dimensions_is_an_error()
    {
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "rank.safetensors"), "{\"a\":{\"dtype\":\"F32\",\"shape\":[" + string.Join(",", Enumerable.Repeat("1", 65)) + "],\"data_offsets\":[0,4]}}", 4);
        var diagnostics = new List<Diagnostic>();

        SafetensorsReader.Read(path, diagnostics);

        Assert.EndsWith("tensor 'a': 'shape' must hold at most 64 numbers", Assert.Single(diagnostics).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Long_names_and_numbers_are_quoted_in_part()
    {
        var name = new string('n', 100_000);
        var number = new string('9', 100_000);
        var path = SafetensorsFiles.WriteRaw(Path.Combine(_dir.Path, "long.safetensors"), "{\"" + name + "\":{\"dtype\":\"F32\",\"shape\":[" + number + "],\"data_offsets\":[0,4]}}", 4);
        var diagnostics = new List<Diagnostic>();

        SafetensorsReader.Read(path, diagnostics);

        var error = Assert.Single(diagnostics);
        Assert.True(error.Message.Length < (2 * MessageText.MaxShownLength) + 200, error.Message);
        Assert.Contains("tensor '" + new string('n', MessageText.MaxShownLength) + "…' (100000 characters)", error.Message, StringComparison.Ordinal);
        Assert.EndsWith("got " + new string('9', MessageText.MaxShownLength) + "… (100000 bytes)", error.Message, StringComparison.Ordinal);
    }

    private string CopyOfTinyLlama(string name)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_dir.Path, name)).FullName;
        foreach (var file in Directory.EnumerateFiles(SafetensorsFiles.TinyLlama))
        {
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        }

        return directory;
    }

    /// <summary>The tiny Llama of the examples, resolved from its config.json, updated by <paramref name="user"/>.</summary>
    private static GPTBaseModelConfig TinyLlama(string user = "") =>
        Checkpoint.Model("pretrained:\n  format: llama\n  path: '" + SafetensorsFiles.TinyLlama + "'\n" + user).Config.Model.BaseModel;
}
