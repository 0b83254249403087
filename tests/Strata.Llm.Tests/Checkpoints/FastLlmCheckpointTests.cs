using Strata.Llm.Checkpoints;
using Strata.Llm.Engine;
using Strata.Llm.Models;

namespace Strata.Llm.Tests.Checkpoints;

/// <summary>
/// Fast-LLM's own checkpoints (<c>metadata.yaml</c>), read by the built-in reader: the scenario of Fast-LLM PR #211 — a saved
/// model of hidden size 1024 whose config is updated by a user config of hidden size 512 — for each <c>load_config</c>.
/// </summary>
public sealed class FastLlmCheckpointTests
{
    private const string UserModel = "model:\n  base_model:\n    transformer:\n      hidden_size: 512\n";

    private static readonly IReadOnlyDictionary<string, string?> s_machine = Resolve.Environment(("WORLD_SIZE", "2"), ("LOCAL_WORLD_SIZE", "2"));

    public static TheoryData<string, string> ExplicitOutputs => new()
    {
        {
            "none",
            """
            model:
              base_model:
                transformer:
                  hidden_size: 512
            pretrained:
              path: fast-llm-pr211
              load_config: none

            """
        },
        {
            "architecture",
            """
            model:
              base_model:
                transformer:
                  normalization:
                    type: rms_norm
                  num_layers: 12
                  hidden_size: 512
                  head_groups: 4
                  ffn_hidden_size: 4096
                  rotary:
                    type: default
                  activation_type: silu
                tie_word_embeddings: false
            pretrained:
              path: fast-llm-pr211
              load_config: architecture

            """
        },
        {
            "model",
            """
            model:
              base_model:
                transformer:
                  normalization:
                    type: rms_norm
                  num_layers: 12
                  hidden_size: 512
                  head_groups: 4
                  ffn_hidden_size: 4096
                  rotary:
                    type: default
                  activation_type: silu
                  window_size: 32
                tie_word_embeddings: false
            pretrained:
              path: fast-llm-pr211
              load_config: model

            """
        },
        {
            "fast_llm",
            """
            model:
              base_model:
                transformer:
                  normalization:
                    type: rms_norm
                  num_layers: 12
                  hidden_size: 512
                  head_groups: 4
                  ffn_hidden_size: 4096
                  rotary:
                    type: default
                  activation_type: silu
                  window_size: 32
                tie_word_embeddings: false
              multi_stage:
                zero_stage: 3
              distributed:
                training_dtype: bfloat16
            pretrained:
              path: fast-llm-pr211
              load_config: fast_llm

            """
        },
    };

    [Theory]
    [MemberData(nameof(ExplicitOutputs))]
    public void The_explicit_output_holds_the_checkpoint_values_that_load_config_keeps_and_the_user_values(string loadConfig, string expected)
    {
        Assert.Equal(expected, Load(loadConfig).ToYaml());
    }

    [Theory]
    [InlineData("none", 2048, 1, null)]
    [InlineData("architecture", 4096, 4, null)]
    [InlineData("model", 4096, 4, 32)]
    [InlineData("fast_llm", 4096, 4, 32)]
    public void Derived_values_are_derived_again_from_the_merged_inputs(string loadConfig, int ffnHiddenSize, int headGroups, int? windowSize)
    {
        var t = Load(loadConfig).Config.Model.BaseModel.Transformer;
        Assert.Equal(512, t.HiddenSize);

        // kv_channels was implicit in the checkpoint (1024 / 8 = 128): it is derived again from the new hidden size.
        Assert.Equal(64, t.KvChannels);
        Assert.False(t.IsExplicit(nameof(TransformerConfig.KvChannels)));

        // ffn_hidden_size was explicit in the checkpoint: it stays, unless nothing is loaded (4 × 512).
        Assert.Equal(ffnHiddenSize, t.FfnHiddenSize);
        Assert.Equal(loadConfig != "none", t.IsExplicit(nameof(TransformerConfig.FfnHiddenSize)));
        Assert.Equal(headGroups, t.HeadGroups);

        // window_size is not an architecture field: kept with model and fast_llm, dropped with architecture and none.
        Assert.Equal(windowSize, t.WindowSize);
    }

    [Theory]
    [InlineData("architecture")]
    [InlineData("model")]
    [InlineData("fast_llm")]
    public void Checkpoint_values_stay_explicit_with_their_checkpoint_origin(string loadConfig)
    {
        var t = Load(loadConfig).Config.Model.BaseModel.Transformer;
        Assert.True(t.IsExplicit(nameof(TransformerConfig.NumLayers)));
        var origin = t.GetOrigin(nameof(TransformerConfig.NumLayers));
        Assert.Equal(OriginKind.Checkpoint, origin.Kind);
        Assert.EndsWith("fast-llm-pr211/metadata.yaml:10:19", origin.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_user_override_keeps_the_checkpoint_value_in_its_history()
    {
        var history = Assert.Single(Load("model").Explain("model.base_model.transformer.hidden_size")).History;
        Assert.Collection(
            history,
            o => Assert.EndsWith("metadata.yaml:8:20", o.ToString(), StringComparison.Ordinal),
            o => Assert.Equal("model.yaml:7:20", o.ToString()));
        Assert.Equal(OriginKind.Checkpoint, history[0].Kind);
    }

    [Fact]
    public void The_multi_stage_and_distributed_settings_come_only_with_fast_llm()
    {
        var model = Load("model").Config.Model;
        Assert.Null(model.MultiStage.ZeroStage);
        Assert.Equal(DataType.Float32, model.Distributed.TrainingDtype);

        var fastLlm = Load("fast_llm").Config.Model;
        Assert.Equal(3, fastLlm.MultiStage.ZeroStage);
        Assert.Equal(2, fastLlm.MultiStage.NumWeightBuffers);
        Assert.Equal(DataType.Bfloat16, fastLlm.Distributed.TrainingDtype);
    }

    [Fact]
    public void The_world_size_and_rank_of_the_checkpoint_are_ignored_with_an_info_at_their_position()
    {
        var r = Load("fast_llm");
        var d = r.Config.Model.Distributed;
        Assert.Equal((2, 0, 2), (d.WorldSize, d.Rank, d.LocalWorldSize));
        Assert.Equal(OriginKind.Environment, d.GetOrigin(nameof(DistributedConfig.WorldSize)).Kind);
        var ignored = r.Diagnostics.Where(x => x.Code == DiagnosticCodes.CheckpointValueIgnored).ToList();
        Assert.Equal(["model.distributed.local_world_size", "model.distributed.rank", "model.distributed.world_size"], ignored.Select(x => x.Path));
        Assert.All(ignored, x => Assert.Equal(DiagnosticSeverity.Info, x.Severity));
        Assert.EndsWith("metadata.yaml:13:85", ignored[2].Origin?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_old_checkpoint_with_legacy_keys_and_a_flat_model_config_loads()
    {
        var r = Checkpoint.Model("pretrained:\n  path: fast-llm-legacy\n  format: distributed\n  load_config: fast_llm\n", s_machine);
        var model = r.Config.Model;
        var t = model.BaseModel.Transformer;
        Assert.Equal((4, 256, 4), (t.NumLayers, t.HiddenSize, t.NumAttentionHeads));
        Assert.Equal(NormalizationType.RmsNorm, t.Normalization.Type);
        Assert.Equal(RotaryEmbeddingType.Default, t.Rotary.Type);
        Assert.Equal(1000, model.BaseModel.VocabSize);
        Assert.Equal(2, model.MultiStage.ZeroStage);
        Assert.Equal(DataType.Bfloat16, model.Distributed.TrainingDtype);

        // The saved world of 8 processes, rank 3, is not this machine's.
        Assert.Equal((2, 0, 2), (model.Distributed.WorldSize, model.Distributed.Rank, model.Distributed.LocalWorldSize));
        var worldSize = Assert.Single(r.Diagnostics, x => x.Path == "model.distributed.world_size");
        Assert.Equal(DiagnosticCodes.CheckpointValueIgnored, worldSize.Code);
        Assert.Contains("value 8 is ignored", worldSize.Message, StringComparison.Ordinal);
        Assert.EndsWith("fast-llm-legacy/metadata.yaml:7:15", worldSize.Origin?.ToString(), StringComparison.Ordinal);
        Assert.Contains(r.Diagnostics, x => x.Code == DiagnosticCodes.RenamedKey && x.Message.Contains("'checkpoint_type' read as 'format'", StringComparison.Ordinal));
    }

    [Fact]
    public void A_checkpoint_is_judged_by_its_content_not_its_version()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "metadata.yaml", "fast_llm_version: 0.9.1\nformat: fast_llm\nmodel: gpt\nconfig:\n  base_model:\n    vocab_size: 1000\n");
        Assert.Equal(1000, Checkpoint.Model(PretrainedAt(path)).Config.Model.BaseModel.VocabSize);
    }

    [Fact]
    public void A_config_that_does_not_fit_the_schema_is_an_error_at_its_checkpoint_position()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "metadata.yaml", "fast_llm_version: 0.9.1\nconfig:\n  base_model:\n    vocab_sise: 1000\n");
        var error = Assert.Single(Checkpoint.ModelDiagnostics(PretrainedAt(path)), x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
        Assert.Equal(OriginKind.Checkpoint, error.Origin?.Kind);
        Assert.EndsWith("ckpt/metadata.yaml:4:5", error.Origin?.ToString(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("config: 5\n", "1:9", "'config' must be a mapping")]
    [InlineData("model: bert\nconfig: {}\n", "1:8", "names the model 'bert'")]
    [InlineData("format: llama\nconfig: {}\n", "1:9", "belongs to the fast_llm or distributed format")]
    [InlineData("fast_llm_version: [1]\nconfig: {}\n", "1:19", "'fast_llm_version' must be a version string")]
    [InlineData("shards: weights\nconfig: {}\n", "1:9", "'shards' must be a list")]
    [InlineData("metadata: 3\nconfig: {}\n", "1:11", "'metadata' must be a mapping")]
    [InlineData("fast_llm_version: 0.2.0\n", "1:1", "has no 'config'")]
    [InlineData("checkpoint_type: distributed\nformat: distributed\nconfig: {}\n", "1:1", "both the legacy key 'checkpoint_type'")]
    public void A_wrongly_shaped_metadata_file_is_an_error_at_its_position(string metadata, string position, string message)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "metadata.yaml", metadata);
        var error = Assert.Single(Checkpoint.ModelDiagnostics(PretrainedAt(path)), x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.CheckpointInvalid, error.Code);
        Assert.Equal("pretrained", error.Path);
        Assert.EndsWith("ckpt/metadata.yaml:" + position, error.Origin?.ToString(), StringComparison.Ordinal);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_malformed_metadata_file_is_a_syntax_error_at_its_position()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "metadata.yaml", "config:\n  base_model: [1,\n");
        var error = Assert.Single(Checkpoint.ModelDiagnostics(PretrainedAt(path)), x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.Syntax, error.Code);
        Assert.Equal(OriginKind.Checkpoint, error.Origin?.Kind);
        Assert.Contains("ckpt/metadata.yaml:", error.Origin?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_directory_without_metadata_is_an_error_at_the_checkpoint_path()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "config.json", "{}");
        var error = Assert.Single(Checkpoint.ModelDiagnostics(PretrainedAt(path)), x => x.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.CheckpointInvalid, "pretrained.path", "model.yaml:2:9"), (error.Code, error.Path, error.Origin?.ToString()));
        Assert.Contains("has no metadata.yaml", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_unknown_metadata_key_is_a_warning_at_its_position()
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "metadata.yaml", "config: {}\nextra: 1\n");
        var warning = Assert.Single(Checkpoint.ModelDiagnostics(PretrainedAt(path), expectSuccess: true), x => x.Severity == DiagnosticSeverity.Warning);
        Assert.Equal(DiagnosticCodes.CheckpointKeyIgnored, warning.Code);
        Assert.EndsWith("ckpt/metadata.yaml:2:1", warning.Origin?.ToString(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_metadata_file_holds_the_explicit_values_sorted_and_loads_back_to_the_same_model()
    {
        var model = Load("fast_llm").Config.Model;
        using var temp = new TemporaryDirectory();
        var directory = Path.Combine(temp.Path, "saved");
        var file = CheckpointConfigWriter.Save(model, directory, GPTCheckpointFormats.FastLlm);
        Assert.Equal(Path.Combine(directory, "metadata.yaml"), file);
        Assert.Equal(
            """
            config:
              base_model:
                tie_word_embeddings: false
                transformer:
                  activation_type: silu
                  ffn_hidden_size: 4096
                  head_groups: 4
                  hidden_size: 512
                  normalization:
                    type: rms_norm
                  num_layers: 12
                  rotary:
                    type: default
                  window_size: 32
              distributed:
                training_dtype: bfloat16
              multi_stage:
                zero_stage: 3
            fast_llm_version: 0.2.0
            format: fast_llm
            metadata:
              state_index: {}
            model: gpt

            """,
            File.ReadAllText(file));
        Assert.Equal([file], Directory.GetFiles(directory));

        var reloaded = Checkpoint.Model(PretrainedAt(directory, "fast_llm"), s_machine).Config.Model;
        Assert.Empty(ConfigComparer.Compare(model, reloaded));
    }

    [Fact]
    public void Saving_replaces_an_existing_metadata_file()
    {
        using var temp = new TemporaryDirectory();
        var directory = temp.Write("saved", "metadata.yaml", "old");
        CheckpointConfigWriter.Save(Load("model").Config.Model, directory, GPTCheckpointFormats.Distributed);
        var text = File.ReadAllText(Path.Combine(directory, "metadata.yaml"));
        Assert.Contains("format: distributed\n", text, StringComparison.Ordinal);
        Assert.Contains("metadata: {}\n", text, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(directory));
    }

    private static Resolved<PretrainedGPTModelConfig> Load(string loadConfig) =>
        Checkpoint.Model("pretrained:\n  path: fast-llm-pr211\n  load_config: " + loadConfig + "\n" + UserModel, s_machine);

    private static string PretrainedAt(string path, string loadConfig = "model") => "pretrained:\n  path: '" + path + "'\n  load_config: " + loadConfig + "\n";
}
