using Strata.Llm.Checkpoints.Safetensors;
using Strata.Llm.Models;

namespace Strata.Llm.Tests.Checkpoints.Safetensors;

/// <summary>The tensor shapes of a checkpoint checked against a resolved model config (DESIGN §6).</summary>
public sealed class WeightsShapeCheckTests : IDisposable
{
    private readonly TemporaryDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public void The_tiny_llama_weights_match_the_config_they_were_made_with()
    {
        var model = TinyLlama();
        var diagnostics = new List<Diagnostic>();

        Assert.True(WeightsShapeCheck.Check(model, SafetensorsFiles.TinyLlama, "llama", diagnostics));
        Assert.Empty(diagnostics);
        Assert.True(WeightsShapeCheck.Check(model, SafetensorsFiles.TinyLlama, "auto", diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void A_mismatching_config_reports_each_differing_tensor_with_its_place()
    {
        var model = TinyLlama("model:\n  base_model:\n    vocab_size: 65\n    transformer:\n      ffn_hidden_size: 48\n      num_layers: 3\n");
        var diagnostics = new List<Diagnostic>();

        Assert.False(WeightsShapeCheck.Check(model, SafetensorsFiles.TinyLlama, "llama", diagnostics));

        Assert.All(diagnostics, static d => Assert.Equal((DiagnosticSeverity.Error, WeightsDiagnosticCodes.WeightsMismatch), (d.Severity, d.Code)));
        var mismatches = diagnostics.Where(static d => d.Message.Contains("has the shape", StringComparison.Ordinal)).Select(static d => d.Message[(d.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]).ToList();
        Assert.Equal(
            [
                "tensor 'model.embed_tokens.weight' has the shape [64, 16]; the config gives [65, 16] (vocab_size, hidden_size)",
                "tensor 'model.layers.0.mlp.gate_proj.weight' has the shape [32, 16]; the config gives [48, 16] (ffn_hidden_size, hidden_size)",
                "tensor 'model.layers.0.mlp.up_proj.weight' has the shape [32, 16]; the config gives [48, 16] (ffn_hidden_size, hidden_size)",
                "tensor 'model.layers.0.mlp.down_proj.weight' has the shape [16, 32]; the config gives [16, 48] (hidden_size, ffn_hidden_size)",
                "tensor 'model.layers.1.mlp.gate_proj.weight' has the shape [32, 16]; the config gives [48, 16] (ffn_hidden_size, hidden_size)",
                "tensor 'model.layers.1.mlp.up_proj.weight' has the shape [32, 16]; the config gives [48, 16] (ffn_hidden_size, hidden_size)",
                "tensor 'model.layers.1.mlp.down_proj.weight' has the shape [16, 32]; the config gives [16, 48] (hidden_size, ffn_hidden_size)",
                "tensor 'lm_head.weight' has the shape [64, 16]; the config gives [65, 16] (vocab_size, hidden_size)",
            ],
            mismatches);
        Assert.All(
            diagnostics.Where(static d => d.Message.Contains("has the shape", StringComparison.Ordinal)),
            static d => Assert.EndsWith("model.safetensors", d.Origin!.Source, StringComparison.Ordinal));
        var missing = diagnostics.Where(static d => d.Message.EndsWith("is missing", StringComparison.Ordinal)).ToList();
        Assert.Equal(9, missing.Count);
        Assert.All(missing, static d => Assert.StartsWith("tensor 'model.layers.2.", d.Message, StringComparison.Ordinal));
        Assert.Equal(
            "tensor 'model.layers.2.self_attn.q_proj.weight' [16, 16] (num_attention_heads × kv_channels, hidden_size) is missing",
            missing[0].Message);
        Assert.Equal(SafetensorsFiles.TinyLlama, missing[0].Origin!.Source);
    }

    [Fact]
    public void Fewer_layers_in_the_config_than_in_the_weights_make_the_extra_tensors_unexpected()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.False(WeightsShapeCheck.Check(TinyLlama("model:\n  base_model:\n    transformer:\n      num_layers: 1\n"), SafetensorsFiles.TinyLlama, "llama", diagnostics));

        Assert.Equal(9, diagnostics.Count);
        Assert.All(diagnostics, static d => Assert.Matches(@"^at byte \d+: tensor 'model\.layers\.1\.[a-z_.]+' \[[0-9, ]+\] is not a weight of this config \(llama names\)$", d.Message));
    }

    [Fact]
    public void Tied_embeddings_call_for_no_output_layer_and_one_present_is_a_warning()
    {
        var diagnostics = new List<Diagnostic>();

        Assert.True(WeightsShapeCheck.Check(TinyLlama("model:\n  base_model:\n    tie_word_embeddings: true\n"), SafetensorsFiles.TinyLlama, "llama", diagnostics));

        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, warning.Severity);
        Assert.Contains("'lm_head.weight' [64, 16] is there although tie_word_embeddings is true", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Qwen2_calls_for_biases_on_the_query_key_and_value_projections_only()
    {
        var model = Model("qwen2", "vocab_size: 32\n    transformer:\n      hidden_size: 8\n      num_attention_heads: 2\n      head_groups: 1\n      num_layers: 1\n      ffn_hidden_size: 12\n");
        var names = WeightsShapeCheck.ExpectedTensors(model, "qwen2").Select(static t => t.ToString() + " " + t.Name).ToList();

        Assert.Contains("[8] (num_attention_heads × kv_channels) model.layers.0.self_attn.q_proj.bias", names);
        Assert.Contains("[4] (head_groups × kv_channels) model.layers.0.self_attn.k_proj.bias", names);
        Assert.Contains("[4] (head_groups × kv_channels) model.layers.0.self_attn.v_proj.bias", names);
        Assert.DoesNotContain(names, static n => n.EndsWith("o_proj.bias", StringComparison.Ordinal) || (n.Contains("mlp", StringComparison.Ordinal) && n.EndsWith(".bias", StringComparison.Ordinal)));
    }

    [Fact]
    public void Starcoder2_calls_for_its_mlp_names_biases_everywhere_and_layer_norm_biases()
    {
        var model = Model("starcoder2", "vocab_size: 32\n    transformer:\n      hidden_size: 8\n      num_attention_heads: 2\n      head_groups: 1\n      num_layers: 1\n      ffn_hidden_size: 12\n");

        Assert.Equal(
            [
                "model.embed_tokens.weight [32, 8]",
                "model.layers.0.self_attn.q_proj.weight [8, 8]", "model.layers.0.self_attn.q_proj.bias [8]",
                "model.layers.0.self_attn.k_proj.weight [4, 8]", "model.layers.0.self_attn.k_proj.bias [4]",
                "model.layers.0.self_attn.v_proj.weight [4, 8]", "model.layers.0.self_attn.v_proj.bias [4]",
                "model.layers.0.self_attn.o_proj.weight [8, 8]", "model.layers.0.self_attn.o_proj.bias [8]",
                "model.layers.0.mlp.c_fc.weight [12, 8]", "model.layers.0.mlp.c_fc.bias [12]",
                "model.layers.0.mlp.c_proj.weight [8, 12]", "model.layers.0.mlp.c_proj.bias [8]",
                "model.layers.0.input_layernorm.weight [8]", "model.layers.0.input_layernorm.bias [8]",
                "model.layers.0.post_attention_layernorm.weight [8]", "model.layers.0.post_attention_layernorm.bias [8]",
                "model.norm.weight [8]", "model.norm.bias [8]",
            ],
            WeightsShapeCheck.ExpectedTensors(model, "starcoder2").Select(static t => t.Name + " " + Shape(t)));
    }

    [Fact]
    public void Mixtral_calls_for_a_router_and_three_matrices_per_expert()
    {
        var model = Model("mixtral", "vocab_size: 32\n    transformer:\n      hidden_size: 8\n      num_attention_heads: 2\n      head_groups: 1\n      num_layers: 1\n      ffn_hidden_size: 12\n      num_experts: 3\n");
        var tensors = WeightsShapeCheck.ExpectedTensors(model, "mixtral").ToDictionary(static t => t.Name, Shape);

        Assert.Equal("[3, 8]", tensors["model.layers.0.block_sparse_moe.gate.weight"]);
        Assert.Equal("[12, 8]", tensors["model.layers.0.block_sparse_moe.experts.2.w1.weight"]);
        Assert.Equal("[8, 12]", tensors["model.layers.0.block_sparse_moe.experts.2.w2.weight"]);
        Assert.Equal("[12, 8]", tensors["model.layers.0.block_sparse_moe.experts.2.w3.weight"]);
        Assert.DoesNotContain(tensors.Keys, static k => k.Contains("gate_proj", StringComparison.Ordinal));
        Assert.Equal(1 + 4 + 1 + 9 + 2 + 1, tensors.Count); // tied embeddings: no lm_head
    }

    [Fact]
    public void A_multi_token_llama_calls_for_a_layer_and_a_norm_per_extra_head()
    {
        var model = TinyLlama("model:\n  base_model:\n    prediction_heads: 3\n");
        var names = WeightsShapeCheck.ExpectedTensors(model, "mtp_llama").Select(static t => t.Name).ToList();

        Assert.DoesNotContain("model.norm.weight", names);
        Assert.Contains("model.mtp_norms.0.weight", names);
        Assert.Contains("model.mtp_heads.0.self_attn.q_proj.weight", names);
        Assert.Contains("model.mtp_heads.1.mlp.down_proj.weight", names);
        Assert.Contains("model.mtp_norms.2.weight", names);
        Assert.DoesNotContain("model.mtp_heads.2.self_attn.q_proj.weight", names);
        Assert.Equal(21 + 9 + 9 + 2, names.Count);
    }

    [Fact]
    public void Written_weights_of_a_qwen2_shaped_model_match_and_a_rotary_buffer_is_ignored()
    {
        var model = Model("qwen2", "vocab_size: 32\n    transformer:\n      hidden_size: 8\n      num_attention_heads: 2\n      head_groups: 1\n      num_layers: 2\n      ffn_hidden_size: 12\n");
        var tensors = WeightsShapeCheck.ExpectedTensors(model, "qwen2").Select(static t => (t.Name, "BF16", t.Shape.ToArray())).ToList();
        tensors.Add(("model.layers.0.self_attn.rotary_emb.inv_freq", "F32", [2]));
        SafetensorsFiles.Write(Path.Combine(_dir.Path, "qwen", "model.safetensors"), [.. tensors]);
        var diagnostics = new List<Diagnostic>();

        Assert.True(WeightsShapeCheck.Check(model, Path.Combine(_dir.Path, "qwen"), "qwen2", diagnostics), string.Join("\n", diagnostics));
        Assert.Empty(diagnostics);
    }

    [Fact]
    public void Sharded_weights_are_read_through_their_index()
    {
        var model = TinyLlama();
        var expected = WeightsShapeCheck.ExpectedTensors(model, "llama").Select(static t => (t.Name, "F16", t.Shape.ToArray())).ToList();
        var directory = Path.Combine(_dir.Path, "sharded");
        SafetensorsFiles.Write(Path.Combine(directory, "model-00001-of-00002.safetensors"), [.. expected.Take(10)]);
        SafetensorsFiles.Write(Path.Combine(directory, "model-00002-of-00002.safetensors"), [.. expected.Skip(10)]);
        var map = string.Join(",\n", expected.Select((t, i) => "    \"" + t.Name + "\": \"model-0000" + (i < 10 ? 1 : 2) + "-of-00002.safetensors\""));
        File.WriteAllText(Path.Combine(directory, SafetensorsCheckpoint.IndexFileName), "{\n  \"metadata\": {\"total_size\": 1},\n  \"weight_map\": {\n" + map + "\n  }\n}\n");
        var diagnostics = new List<Diagnostic>();

        Assert.True(WeightsShapeCheck.Check(model, directory, "llama", diagnostics), string.Join("\n", diagnostics));

        // An index that puts a tensor in the wrong shard, and a shard tensor the index leaves out.
        File.WriteAllText(
            Path.Combine(directory, SafetensorsCheckpoint.IndexFileName),
            "{\"weight_map\": {" + string.Join(", ", expected.Skip(1).Select((t, i) => "\"" + t.Name + "\": \"model-0000" + (i == 0 ? 2 : i < 9 ? 1 : 2) + "-of-00002.safetensors\"")) + "}}");
        diagnostics.Clear();
        Assert.False(WeightsShapeCheck.Check(model, directory, "llama", diagnostics));
        Assert.Equal(
            [
                "the index puts tensor 'model.layers.0.self_attn.q_proj.weight' in model-00002-of-00002.safetensors, but it is in model-00001-of-00002.safetensors",
                "tensor 'model.embed_tokens.weight' is not in model.safetensors.index.json of " + directory + ", so it is never loaded",
            ],
            diagnostics.Select(static d => d.Message[(d.Message.IndexOf(": ", StringComparison.Ordinal) + 2)..]));
    }

    [Theory]
    [InlineData("{\"weight_map\": {\"a\": \"../model.safetensors\"}}", "'weight_map' entry 'a' must name a file of the checkpoint directory")]
    [InlineData("{\"weight_map\": [1]}", "'weight_map' must be an object of tensor names to file names")]
    [InlineData("{\"metadata\": {}}", "the shard index has no 'weight_map'")]
    [InlineData("{\"weight_map\": {", "the shard index is not valid JSON")]
    public void A_bad_shard_index_is_a_diagnostic(string index, string message)
    {
        var directory = Path.Combine(_dir.Path, "index");
        SafetensorsFiles.Write(Path.Combine(directory, "model.safetensors"), ("a", "F32", [1]));
        File.WriteAllText(Path.Combine(directory, SafetensorsCheckpoint.IndexFileName), index);
        var diagnostics = new List<Diagnostic>();

        SafetensorsCheckpoint.Read(directory, diagnostics);

        Assert.Contains(diagnostics, d => d.Code == WeightsDiagnosticCodes.WeightsInvalid && d.Message.Contains(message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_directory_without_weights_and_a_format_without_known_names_are_diagnostics()
    {
        var empty = Directory.CreateDirectory(Path.Combine(_dir.Path, "empty")).FullName;
        var diagnostics = new List<Diagnostic>();

        Assert.False(WeightsShapeCheck.Check(TinyLlama(), empty, "llama", diagnostics));
        Assert.False(WeightsShapeCheck.Check(TinyLlama(), Path.Combine(_dir.Path, "none"), "llama", diagnostics));
        Assert.False(WeightsShapeCheck.Check(TinyLlama(), SafetensorsFiles.TinyLlama, "fast_llm", diagnostics));
        Assert.False(WeightsShapeCheck.Check(TinyLlama(), empty, "auto", diagnostics));

        Assert.Equal(
            [
                "the directory '" + empty + "' has no safetensors file",
                "the weights directory '" + Path.Combine(_dir.Path, "none") + "' does not exist",
                "the weights check knows the tensor names of the Hugging Face formats (llama, mistral, mixtral, qwen2, starcoder2, mtp_llama, or auto), not of 'fast_llm'",
                "no model_type could be read; the auto format takes the tensor names from it (known: llama, mistral, mixtral, qwen2, starcoder2, mtp_llama)",
            ],
            diagnostics.Select(static d => d.Message));
        Assert.All(diagnostics, static d => Assert.Equal(DiagnosticCodes.CheckpointInvalid, d.Code));
        Assert.Throws<ArgumentException>(() => WeightsShapeCheck.ExpectedTensors(TinyLlama(), "auto"));
    }

    [Fact]
    public void A_shard_index_that_never_ends_is_refused_at_its_size_limit_instead_of_being_read_whole()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/zero is a Linux device");
        var directory = Path.Combine(_dir.Path, "endless-index");
        SafetensorsFiles.Write(Path.Combine(directory, "model.safetensors"), ("a", "F32", [1]));
        File.CreateSymbolicLink(Path.Combine(directory, SafetensorsCheckpoint.IndexFileName), "/dev/zero");
        var diagnostics = new List<Diagnostic>();

        // /dev/zero reports a size of 0: File.ReadAllBytes read it until the process ran out of memory.
        Assert.Null(SafetensorsCheckpoint.Read(directory, diagnostics, maxHeaderLength: 1_000_000));

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.FileTooLarge, "the file is larger than the limit of 1000000 bytes"), (error.Code, error.Message));
        Assert.EndsWith(SafetensorsCheckpoint.IndexFileName, error.Origin?.Source, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_json_that_never_ends_is_one_error_when_the_auto_format_reads_its_model_type()
    {
        Assert.SkipUnless(OperatingSystem.IsLinux(), "/dev/zero is a Linux device");
        var directory = Directory.CreateDirectory(Path.Combine(_dir.Path, "endless-config")).FullName;
        File.CreateSymbolicLink(Path.Combine(directory, "config.json"), "/dev/zero");
        var diagnostics = new List<Diagnostic>();

        Assert.Null(WeightsShapeCheck.ResolveFormat(directory, "auto", diagnostics));

        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.FileTooLarge, "the file is larger than the limit of 16777216 bytes"), (error.Code, error.Message));
    }

    /// <summary>The tiny Llama of the examples, resolved from its config.json, updated by <paramref name="user"/>.</summary>
    private static GPTBaseModelConfig TinyLlama(string user = "") =>
        Checkpoint.Model("pretrained:\n  format: llama\n  path: '" + SafetensorsFiles.TinyLlama + "'\n" + user).Config.Model.BaseModel;

    /// <summary>A model of a format's family, from Fast-LLM values under base_model.</summary>
    private static GPTBaseModelConfig Model(string format, string baseModel)
    {
        var family = format switch
        {
            "qwen2" => "    transformer:\n      add_linear_biases: only_attn_qkv\n      normalization: {type: rms_norm}\n      gated: true\n",
            "starcoder2" => "    tie_word_embeddings: true\n    transformer:\n      add_linear_biases: true\n      normalization: {type: layer_norm}\n",
            _ => "    transformer:\n      add_linear_biases: false\n      normalization: {type: rms_norm}\n      gated: true\n",
        };
        var yaml = "model:\n  base_model:\n" + Merge(family, baseModel);
        return Checkpoint.Model(yaml).Config.Model.BaseModel;
    }

    /// <summary>Puts the transformer keys of both parts under one transformer key.</summary>
    private static string Merge(string family, string baseModel)
    {
        var lines = (family + "    " + baseModel).Split('\n', StringSplitOptions.RemoveEmptyEntries).ToList();
        var transformer = lines.Where(static l => l.StartsWith("      ", StringComparison.Ordinal)).ToList();
        var top = lines.Where(static l => !l.StartsWith("      ", StringComparison.Ordinal) && l.Trim() != "transformer:").ToList();
        return string.Join("\n", top) + "\n    transformer:\n" + string.Join("\n", transformer) + "\n";
    }

    private static string Shape(ExpectedTensor tensor) => tensor.ToString()[..(tensor.ToString().IndexOf(']', StringComparison.Ordinal) + 1)];
}
