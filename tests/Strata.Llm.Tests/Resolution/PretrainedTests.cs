using Strata.Llm.Checkpoints;
using Strata.Llm.Engine;
using Strata.Llm.Models;

namespace Strata.Llm.Tests.Resolution;

public sealed class PretrainedTests
{
    /// <summary>The metadata.yaml Fast-LLM 0.2 writes for the test model of PR #211 (explicit values only).</summary>
    private const string Metadata = """
        config:
          base_model:
            tie_word_embeddings: false
            transformer:
              activation_type: silu
              ffn_hidden_size: 4096
              head_groups: 4
              hidden_size: 1024
              normalization: {type: rms_norm}
              num_layers: 12
              rotary: {type: default}
              window_size: 32
          distributed: {local_world_size: 1, rank: 0, training_dtype: bfloat16, world_size: 1}
          multi_stage: {zero_stage: 3}
        fast_llm_version: 0.2.0
        format: fast_llm
        metadata: {state_index: {}}
        model: gpt
        """;

    private static Resolved<PretrainedGPTModelConfig> Load(string loadConfig, string user = "", IReadOnlyDictionary<string, string?>? environment = null) =>
        Resolve.Model("pretrained:\n  path: ckpt\n  load_config: " + loadConfig + "\n" + user, new FakeCheckpointReader(Metadata), environment);

    [Fact]
    public void The_user_model_updates_the_whole_base_model_of_the_checkpoint_by_default()
    {
        var r = Resolve.Model("pretrained:\n  path: ckpt\nmodel:\n  base_model:\n    transformer:\n      hidden_size: 512\n", new FakeCheckpointReader(Metadata));
        var t = r.Config.Model.BaseModel.Transformer;
        Assert.Equal(512, t.HiddenSize);
        Assert.Equal(64, t.KvChannels);
        Assert.Equal(4096, t.FfnHiddenSize);
        Assert.Equal(32, t.WindowSize);
        Assert.Equal(NormalizationType.RmsNorm, t.Normalization.Type);
        Assert.False(r.Config.Model.BaseModel.TieWordEmbeddings);
        Assert.Equal(OriginKind.Checkpoint, t.GetOrigin(nameof(TransformerConfig.NumLayers)).Kind);
        Assert.Equal(DataType.Float32, r.Config.Model.Distributed.TrainingDtype);
        Assert.Null(r.Config.Model.MultiStage.ZeroStage);
    }

    [Fact]
    public void Overriding_an_architecture_value_of_the_checkpoint_warns_with_both_origins()
    {
        var r = Resolve.Model("pretrained:\n  path: ckpt\nmodel:\n  base_model:\n    transformer:\n      hidden_size: 512\n", new FakeCheckpointReader(Metadata));
        var warning = Assert.Single(r.Diagnostics, d => d.Path == "model.base_model.transformer.hidden_size" && d.Severity == DiagnosticSeverity.Warning);
        Assert.Contains("metadata.yaml", warning.Message, StringComparison.Ordinal);
        Assert.Equal(OriginKind.File, warning.Origin?.Kind);
    }

    [Fact]
    public void Loading_the_architecture_drops_the_other_fields()
    {
        var t = Load("architecture").Config.Model.BaseModel.Transformer;
        Assert.Null(t.WindowSize);
        Assert.Equal(ActivationType.Silu, t.ActivationType);
        Assert.Equal(4, t.HeadGroups);
    }

    [Fact]
    public void Loading_nothing_keeps_the_defaults()
    {
        Assert.Equal(1024, Load("none", "model:\n  base_model:\n    transformer:\n      hidden_size: 1024\n").Config.Model.BaseModel.Transformer.HiddenSize);
        Assert.Equal(1, Load("none").Config.Model.BaseModel.Transformer.HeadGroups);
    }

    [Fact]
    public void Loading_fast_llm_settings_never_takes_the_world_size_of_the_checkpoint()
    {
        var r = Load("fast_llm", environment: Resolve.Environment(("WORLD_SIZE", "2"), ("RANK", "1"), ("LOCAL_WORLD_SIZE", "2")));
        var d = r.Config.Model.Distributed;
        Assert.Equal(DataType.Bfloat16, d.TrainingDtype);
        Assert.Equal((2, 1, 2), (d.WorldSize, d.Rank, d.LocalWorldSize));
        Assert.Equal(3, r.Config.Model.MultiStage.ZeroStage);
        Assert.Equal(2, r.Config.Model.MultiStage.NumWeightBuffers);
    }

    [Fact]
    public void Without_a_checkpoint_reader_the_built_in_one_reports_a_missing_directory_at_the_path()
    {
        var ok = new ConfigResolver<PretrainedGPTModelConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml("pretrained:\n  path: no-such-ckpt\n", "model.yaml")
            .TryResolve(out _, out var diagnostics);
        Assert.False(ok);
        var error = Assert.Single(diagnostics, d => d.Code == DiagnosticCodes.CheckpointInvalid);
        Assert.Equal("pretrained.path", error.Path);
        Assert.Equal("model.yaml:2:9", error.Origin?.ToString());
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_trainer_merges_its_pretrained_model_before_sizing_the_batch()
    {
        var reader = new FakeCheckpointReader(Metadata);
        var r = Resolve.TrainerWith("pretrained:\n  path: ckpt\n  load_config: fast_llm\nbatch:\n  batch_size: 8\n", reader, Resolve.Environment(("WORLD_SIZE", "2"), ("LOCAL_WORLD_SIZE", "2")));
        Assert.Equal(1, reader.Reads);
        Assert.Equal(4, r.Config.Batch.MicroBatchSize);
        Assert.Equal(3, r.Config.Model.MultiStage.ZeroStage);
        Assert.Same(r.Config.Model.Distributed, r.Config.Batch.Distributed);
    }

    [Fact]
    public void The_distributed_format_needs_a_config_to_load()
    {
        var ok = new ConfigResolver<PretrainedGPTModelConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml("pretrained:\n  format: distributed\n  load_config: none\n")
            .TryResolve(out _, out var diagnostics);
        Assert.False(ok);
        Assert.Contains(diagnostics, d => d.Path == "pretrained.load_config");
    }

    [Fact]
    public void The_default_load_config_is_the_whole_model()
    {
        Assert.Equal(ModelConfigType.Model, Resolve.Model("model:\n  base_model:\n    vocab_size: 100\n").Config.Pretrained.LoadConfig);
    }
}
