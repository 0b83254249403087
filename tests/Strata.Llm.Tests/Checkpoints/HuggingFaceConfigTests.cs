using Strata.Llm.Checkpoints;
using Strata.Llm.Checkpoints.Formats.HuggingFace;
using Strata.Llm.Models;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Llm.Tests.Checkpoints;

/// <summary>
/// Hugging Face <c>config.json</c> import and export, on the published configs of TestData/Checkpoints (their sources:
/// TestData/Checkpoints/SOURCES.md), one of them saved by transformers 5.
/// </summary>
public sealed class HuggingFaceConfigTests
{
    public static TheoryData<string, string> Published => new()
    {
        { "llama-3-8b", "llama" },
        { "llama-3.1-8b", "llama" },
        { "mistral-7b-v0.1", "mistral" },
        { "mixtral-8x7b-v0.1", "mixtral" },
        { "qwen2-7b", "qwen2" },
        { "starcoder2-7b", "starcoder2" },
        { "llama-2-7b", "llama" },
        { "llama-3.2-1b", "llama" },
        { "codellama-7b", "llama" },
        { "deepseek-llm-7b-base", "llama" },
        { "mistral-nemo-base-2407", "mistral" },
        { "qwen2.5-0.5b", "qwen2" },
        { "qwen2.5-1.5b-transformers-5", "qwen2" },
    };

    [Theory]
    [MemberData(nameof(Published))]
    public void A_published_config_imports_quietly(string name, string format)
    {
        var (config, diagnostics) = Checkpoint.Read(Checkpoint.Fixture(name), format);
        Assert.NotNull(config);
        Assert.Empty(diagnostics);
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void The_auto_format_picks_the_format_from_the_model_type(string name, string format)
    {
        var (auto, _) = Checkpoint.Read(Checkpoint.Fixture(name), "auto");
        var (named, _) = Checkpoint.Read(Checkpoint.Fixture(name), format);
        Assert.Equal(TreeText.Show(named!), TreeText.Show(auto!));
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void Export_after_import_gives_back_every_mapped_key(string name, string format)
    {
        var file = Path.Combine(Checkpoint.Fixture(name), "config.json");
        var original = Assert.IsType<ConfigMap>(JsonDocumentReader.Load(file).Root);
        var scope = new CheckpointReadScope(string.Empty, null, SourceLimits.Default, static d => Assert.Fail(d.ToString()));
        var imported = HuggingFaceImporter.Import(original, format, file, scope);
        Assert.NotNull(imported);

        var exported = Export(Resolved(name, format).Model, format, Checkpoint.TransformersVersion(name, format));
        Assert.True(imported.MappedKeys.Count >= 12, string.Join(", ", imported.MappedKeys));
        foreach (var key in imported.MappedKeys)
        {
            Assert.True(exported.TryGetValue(key, out var value), "exported config.json has no '" + key + "'");
            Assert.True(SameJson(original.Entries.Single(e => e.Key == key).Value, value), key + ": " + TreeText.Show(value));
        }
    }

    [Theory]
    [MemberData(nameof(Published))]
    public void Import_after_export_gives_back_the_same_model(string name, string format)
    {
        var model = Resolved(name, format).Model;
        using var temp = new TemporaryDirectory();
        CheckpointConfigWriter.Save(model, Path.Combine(temp.Path, "exported"), format);
        var reimported = Checkpoint.Model("pretrained:\n  format: " + format + "\n  path: '" + Path.Combine(temp.Path, "exported") + "'\n").Config.Model;
        Assert.Empty(ConfigComparer.Compare(model.BaseModel, reimported.BaseModel));

        // And in the form of transformers 5 (rope_parameters), whatever form the file had.
        CheckpointConfigWriter.Save(model, Path.Combine(temp.Path, "exported-5"), format, transformersVersion: "5.0.0");
        var reimported5 = Checkpoint.Model("pretrained:\n  format: " + format + "\n  path: '" + Path.Combine(temp.Path, "exported-5") + "'\n").Config.Model;
        Assert.Empty(ConfigComparer.Compare(model.BaseModel, reimported5.BaseModel));
    }

    [Fact]
    public void Import_after_export_of_a_hand_written_model_gives_back_the_same_model()
    {
        // The Mistral-shaped model of Fast-LLM's example, written by hand rather than imported.
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "mistral.yaml"));
        var model = Resolve.Trainer(yaml).Config.Model;
        using var temp = new TemporaryDirectory();
        CheckpointConfigWriter.Save(model, temp.Path, "mistral");
        var reimported = Checkpoint.Model("pretrained:\n  format: mistral\n  path: '" + temp.Path + "'\n").Config.Model;
        Assert.Empty(ConfigComparer.Compare(model.BaseModel, reimported.BaseModel));
        Assert.Equal(4096, reimported.BaseModel.Transformer.WindowSize);
        Assert.Equal(0.009021, reimported.BaseModel.Transformer.InitMethodStd);
    }

    [Fact]
    public void Llama_3_8b_imports_its_architecture_and_training_values()
    {
        var b = Resolved("llama-3-8b", "llama").Model.BaseModel;
        var t = b.Transformer;
        Assert.Equal((4096, 14336, 32, 32, 8), (t.HiddenSize, t.FfnHiddenSize, t.NumLayers, t.NumAttentionHeads, t.HeadGroups));
        Assert.Equal((ActivationType.Silu, true, new AddLinearBias(false)), (t.ActivationType, t.Gated, t.AddLinearBiases));
        Assert.Equal((NormalizationType.RmsNorm, 1e-05), (t.Normalization.Type, t.Normalization.Epsilon));
        Assert.Equal((RotaryEmbeddingType.Default, 500000.0), (t.Rotary.Type, t.Rotary.Theta));
        Assert.Equal((128256, false, false, 8192), (b.VocabSize, b.TieWordEmbeddings, b.UsePositionEmbeddings, b.MaxPositionEmbeddings));

        // Not architecture, imported all the same (Fast-LLM #166).
        Assert.Equal((0.02, 0.0), (t.InitMethodStd, t.AttentionDropout));

        // No head_dim in the file: kv_channels keeps its derived default, as transformers computes it.
        Assert.Equal(128, t.KvChannels);
        Assert.False(t.IsExplicit(nameof(TransformerConfig.KvChannels)));
    }

    [Fact]
    public void Llama_3_1_imports_llama3_rope_scaling()
    {
        var r = Resolved("llama-3.1-8b", "llama").Model.BaseModel.Transformer.Rotary;
        Assert.Equal((RotaryEmbeddingType.Llama3, 8.0, 1.0, 4.0, 8192), (r.Type, r.ScaleFactor, r.LowFrequencyFactor, r.HighFrequencyFactor, r.OriginalContextLength));
    }

    [Fact]
    public void Mistral_imports_its_sliding_window()
    {
        var t = Resolved("mistral-7b-v0.1", "mistral").Model.BaseModel.Transformer;
        Assert.Equal(4096, t.WindowSize);
        Assert.Equal(1e-05, t.Normalization.Epsilon);
        Assert.Equal(new AddLinearBias(false), t.AddLinearBiases);
    }

    [Fact]
    public void Mixtral_imports_its_experts_and_router_settings()
    {
        var t = Resolved("mixtral-8x7b-v0.1", "mixtral").Model.BaseModel.Transformer;
        Assert.Equal((8, 2, RoutingType.AuxLoss), (t.NumExperts, t.NumExpertsPerToken, t.ExpertRoutingType));
        Assert.Equal(0.02, t.ExpertAuxiliaryLossCoefficient);
        Assert.Null(t.WindowSize);
        Assert.True(t.IsExplicit(nameof(TransformerConfig.WindowSize)));
        Assert.Equal(1000000.0, t.Rotary.Theta);
    }

    [Fact]
    public void Qwen2_imports_biases_on_the_attention_projections_and_its_window_settings()
    {
        var t = Resolved("qwen2-7b", "qwen2").Model.BaseModel.Transformer;
        Assert.Equal(new AddLinearBias(AddLinearBiasChoices.OnlyAttnQkv), t.AddLinearBiases);
        Assert.Null(t.WindowSize);
        Assert.Equal(28, t.MaxWindowLayers);
        Assert.Equal(128, t.KvChannels);
        Assert.Equal(1e-06, t.Normalization.Epsilon);
    }

    [Fact]
    public void Starcoder2_imports_layer_norm_biases_dropouts_and_tied_embeddings_by_default()
    {
        var b = Resolved("starcoder2-7b", "starcoder2").Model.BaseModel;
        var t = b.Transformer;
        Assert.Equal((NormalizationType.LayerNorm, false, ActivationType.Gelu), (t.Normalization.Type, t.Gated, t.ActivationType));
        Assert.Equal(new AddLinearBias(true), t.AddLinearBiases);
        Assert.Equal((0.1, 0.1, 4096), (t.HiddenDropout, t.AttentionDropout, t.WindowSize));
        Assert.Equal(1000000.0, t.Rotary.Theta);

        // tie_word_embeddings is not in the file: Starcoder2Config's default (true) applies, from the file as a whole.
        Assert.True(b.TieWordEmbeddings);
        var origin = b.GetOrigin(nameof(GPTBaseModelConfig.TieWordEmbeddings));
        Assert.Equal((OriginKind.Checkpoint, 0), (origin.Kind, origin.Line));
        Assert.EndsWith("starcoder2-7b/config.json", origin.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_imported_value_has_the_position_of_its_key_in_config_json()
    {
        var t = Resolved("llama-3-8b", "llama").Model.BaseModel.Transformer;
        var origin = t.GetOrigin(nameof(TransformerConfig.HiddenSize));
        Assert.Equal(OriginKind.Checkpoint, origin.Kind);
        Assert.Equal("checkpoint " + Path.Combine(Checkpoint.Fixture("llama-3-8b"), "config.json") + ":10:18", origin.ToString());
        Assert.True(t.IsExplicit(nameof(TransformerConfig.HiddenSize)));
    }

    [Fact]
    public void Llama_export_writes_the_format_keys_sorted_as_transformers_does()
    {
        Assert.Equal(
            """
            {
              "architectures": [
                "LlamaForCausalLM"
              ],
              "attention_bias": false,
              "attention_dropout": 0.0,
              "head_dim": 128,
              "hidden_act": "silu",
              "hidden_size": 4096,
              "initializer_range": 0.02,
              "intermediate_size": 14336,
              "max_position_embeddings": 8192,
              "mlp_bias": false,
              "model_type": "llama",
              "num_attention_heads": 32,
              "num_hidden_layers": 32,
              "num_key_value_heads": 8,
              "rms_norm_eps": 1e-05,
              "rope_scaling": null,
              "rope_theta": 500000.0,
              "tie_word_embeddings": false,
              "vocab_size": 128256
            }

            """,
            CheckpointConfigWriter.Write(Resolved("llama-3-8b", "llama").Model, "llama"));
    }

    [Fact]
    public void Unknown_keys_are_warnings_at_their_position_and_irrelevant_keys_are_quiet()
    {
        var diagnostics = Import(
            "{\n  \"model_type\": \"llama\",\n  \"bos_token_id\": 1,\n  \"torch_dtype\": \"float16\",\n  \"foo\": 1,\n  \"quantization_config\": {\"bits\": 4},\n  \"architectures\": [\"LlamaForCausalLM\"],\n  \"pretraining_tp\": 1\n}\n",
            "llama",
            out var config);
        Assert.NotNull(config);
        Assert.Equal(
            ["config.json:5:3 STR0124 'foo'", "config.json:6:3 STR0124 'quantization_config'"],
            diagnostics.Select(d => Place(d) + " " + d.Code + " " + d.Message.Split(' ')[2]));
        Assert.All(diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
    }

    [Fact]
    public void Custom_code_keys_are_reported_and_never_acted_on()
    {
        var llama = Import("{\"model_type\": \"llama\", \"auto_map\": {\"AutoModel\": \"modeling_x.X\"}}", "llama", out _);
        var warning = Assert.Single(llama);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.CheckpointKeyIgnored), (warning.Severity, warning.Code));
        Assert.Contains("rule R15", warning.Message, StringComparison.Ordinal);

        // mtp_llama needs custom code on the Hugging Face side: its auto_map is expected, so only an information.
        var mtp = Import("{\"model_type\": \"mtp_llama\", \"prediction_heads\": 3, \"auto_map\": {\"AutoModel\": \"modeling_mtp_llama.MTPLlamaModel\"}}", "mtp_llama", out var config);
        Assert.Equal(DiagnosticSeverity.Info, Assert.Single(mtp).Severity);
        Assert.Equal("3", (TreeText.At(config!, "base_model.prediction_heads") as ConfigScalar)?.Value);
    }

    [Theory]
    [InlineData("{\"hidden_size\": \"4096\"}", "llama", "1:17", "'hidden_size' must be an integer, got the string \"4096\"")]
    [InlineData("{\"hidden_size\": 4096.0}", "llama", "1:17", "'hidden_size' must be an integer, got '4096.0'")]
    [InlineData("{\"tie_word_embeddings\": 1}", "llama", "1:25", "'tie_word_embeddings' must be true or false")]
    [InlineData("{\"rope_scaling\": 8}", "llama", "1:18", "'rope_scaling' must be an object or null")]
    [InlineData("{\"model_type\": \"mistral\"}", "llama", "1:16", "model_type \"mistral\", which does not match the llama format")]
    [InlineData("{\"model_type\": 3}", "llama", "1:16", "'model_type' must be a string")]
    [InlineData("{\"model_type\": \"gpt2\"}", "auto", "1:16", "model_type \"gpt2\", which is not a known format")]
    [InlineData("{\"hidden_size\": 64}", "auto", "1:1", "config.json has no 'model_type'")]
    [InlineData("{\"attention_bias\": true,\n \"mlp_bias\": false}", "llama", "2:14", "attention_bias true with mlp_bias false cannot be expressed")]
    [InlineData("{\"hidden_act\": \"gelu\"}", "llama", "1:16", "'hidden_act' is the string \"gelu\", which has no equivalent")]
    [InlineData("{\"rope_scaling\": {\"rope_type\": \"linear\", \"factor\": 2.0}}", "llama", "1:32", "rope_scaling type \"linear\" has no equivalent")]
    [InlineData("{\"rope_scaling\": {\"rope_type\": \"llama3\", \"factor\": \"8\"}}", "llama", "1:52", "rope_scaling key 'factor' must be a number")]
    public void A_value_of_the_wrong_type_or_a_wrong_model_type_is_an_error_at_its_position(string json, string format, string position, string message)
    {
        var diagnostics = Import(json, format, out var config);
        Assert.Null(config);
        var error = Assert.Single(diagnostics, d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.CheckpointInvalid, error.Code);
        Assert.Equal("config.json:" + position, Place(error));
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Yarn_rope_scaling_imports_its_parameters_and_reports_the_others()
    {
        var diagnostics = Import(
            "{\"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0, \"original_max_position_embeddings\": 32768, \"beta_fast\": 16, \"mscale\": 0.7}}",
            "llama",
            out var config);
        Assert.Equal("yarn", (TreeText.At(config!, "base_model.transformer.rotary.type") as ConfigScalar)?.Value);
        Assert.Equal("32768", (TreeText.At(config!, "base_model.transformer.rotary.original_context_length") as ConfigScalar)?.Value);
        Assert.Equal("16", (TreeText.At(config!, "base_model.transformer.rotary.beta_fast") as ConfigScalar)?.Value);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.CheckpointKeyIgnored, warning.Code);
        Assert.Contains("'mscale'", warning.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"model_type\": \"llama\", \"architectures\": [\"LlamaForSequenceClassification\"]}", "'architectures' does not name the model class")]
    [InlineData("{\"model_type\": \"llama\", \"pretraining_tp\": 2}", "'pretraining_tp' is not imported")]
    [InlineData("{\"model_type\": \"starcoder2\", \"residual_dropout\": 0.1, \"embedding_dropout\": 0.2}", "'embedding_dropout' is not imported")]
    public void Values_without_an_equivalent_are_warnings(string json, string message)
    {
        var format = json.Contains("starcoder2", StringComparison.Ordinal) ? "starcoder2" : "llama";
        var warning = Assert.Single(Import(json, format, out var config));
        Assert.NotNull(config);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.CheckpointKeyIgnored), (warning.Severity, warning.Code));
        Assert.Contains(message, warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Qwen2_imports_an_enabled_sliding_window()
    {
        Import("{\"use_sliding_window\": true, \"sliding_window\": 4096, \"max_window_layers\": 21}", "qwen2", out var config);
        Assert.Equal("4096", (TreeText.At(config!, "base_model.transformer.window_size") as ConfigScalar)?.Value);
        Assert.Equal("21", (TreeText.At(config!, "base_model.transformer.max_window_layers") as ConfigScalar)?.Value);
    }

    [Fact]
    public void An_architecture_the_format_cannot_express_is_an_export_error_naming_the_field()
    {
        var model = Checkpoint.Model("model:\n  base_model:\n    transformer:\n      num_experts: 4\n      num_experts_per_token: 2\n").Config.Model;
        var exception = Assert.Throws<ConfigException>(() => CheckpointConfigWriter.Write(model, "llama"));
        Assert.Contains(exception.Diagnostics, d => d.Path == "model.base_model.transformer.num_experts" && d.Message.Contains("a dense MLP", StringComparison.Ordinal));
        Assert.Contains(exception.Diagnostics, d => d.Path == "model.base_model.transformer.rotary.type");
        Assert.Contains(exception.Diagnostics, d => d.Path == "model.base_model.transformer.normalization.type");
    }

    [Fact]
    public void A_training_value_the_format_cannot_express_is_left_out_with_a_warning()
    {
        var model = Resolved("llama-3-8b", "llama", "model:\n  base_model:\n    transformer:\n      window_size: 4096\n").Model;
        var diagnostics = new List<Diagnostic>();
        var json = CheckpointConfigWriter.Write(model, "llama", diagnostics);
        var warning = Assert.Single(diagnostics);
        Assert.Equal(("model.base_model.transformer.window_size", DiagnosticSeverity.Warning), (warning.Path, warning.Severity));
        Assert.DoesNotContain("window", json, StringComparison.Ordinal);
    }

    [Fact]
    public void A_multi_token_llama_round_trips_through_the_mtp_llama_format_with_its_custom_code_map()
    {
        var model = Resolved("llama-3-8b", "llama", "model:\n  base_model:\n    prediction_heads: 3\n").Model;
        using var temp = new TemporaryDirectory();
        var file = CheckpointConfigWriter.Save(model, temp.Path, "mtp_llama");
        var exported = Assert.IsType<ConfigMap>(JsonDocumentReader.Load(file).Root);
        Assert.Equal("3", (TreeText.At(exported, "prediction_heads") as ConfigScalar)?.Value);
        Assert.Equal("modeling_mtp_llama.MTPLlamaForCausalLM", (TreeText.At(exported, "auto_map.AutoModelForCausalLM") as ConfigScalar)?.Value);

        var r = Checkpoint.Model("pretrained:\n  format: auto\n  path: '" + temp.Path + "'\n");
        Assert.Empty(ConfigComparer.Compare(model.BaseModel, r.Config.Model.BaseModel));
        var remark = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Info, DiagnosticCodes.CheckpointKeyIgnored), (remark.Severity, remark.Code));
    }

    [Fact]
    public void Auto_cannot_be_written()
    {
        var exception = Assert.Throws<ConfigException>(() => CheckpointConfigWriter.Write(Resolved("llama-3-8b", "llama").Model, "auto"));
        Assert.Contains("name the format to write", Assert.Single(exception.Diagnostics).Message, StringComparison.Ordinal);
    }

    private static PretrainedGPTModelConfig Resolved(string name, string format, string user = "") =>
        Checkpoint.Model("pretrained:\n  format: " + format + "\n  path: " + name + "\n" + user).Config;

    private static ConfigMap Export(GPTModelConfig model, string format, string? transformersVersion = null)
    {
        var text = CheckpointConfigWriter.Write(model, format, transformersVersion: transformersVersion);
        return Assert.IsType<ConfigMap>(JsonDocumentReader.Parse(text, "exported.json").Root);
    }

    private static List<Diagnostic> Import(string json, string format, out ConfigMap? config)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "config.json", json);
        (config, var diagnostics) = Checkpoint.Read(path, format);
        return diagnostics;
    }

    /// <summary>The file name and position of a diagnostic.</summary>
    private static string Place(Diagnostic diagnostic) =>
        diagnostic.Origin is { } o ? Path.GetFileName(o.Source) + ":" + o.Line + ":" + o.Column : "?";

    /// <summary>Whether two JSON values are the same: numbers by value, objects key by key.</summary>
    private static bool SameJson(ConfigNode left, ConfigNode right) => (left, right) switch
    {
        (ConfigScalar a, ConfigScalar b) when a.Style == ScalarStyle.Plain && b.Style == ScalarStyle.Plain && a.Value is { } x && b.Value is { } y
            && Strata.Schema.ScalarText.TryParseDouble(x, out var dx) && Strata.Schema.ScalarText.TryParseDouble(y, out var dy) => dx.Equals(dy),
        (ConfigScalar a, ConfigScalar b) => a.Value == b.Value && a.Style == b.Style,
        (ConfigSequence a, ConfigSequence b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(p => SameJson(p.First, p.Second)),
        (ConfigMap a, ConfigMap b) => a.Count == b.Count && a.Entries.All(e => b.TryGetValue(e.Key, out var other) && SameJson(e.Value, other)),
        _ => false,
    };
}
