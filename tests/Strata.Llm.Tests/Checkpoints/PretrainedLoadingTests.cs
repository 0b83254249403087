using Strata.Llm.Models;

namespace Strata.Llm.Tests.Checkpoints;

/// <summary>Pretrained loading (rule R9) through the trainer and its reference models, with the built-in reader.</summary>
public sealed class PretrainedLoadingTests
{
    private const string Llama = "data:\n  datasets:\n    training:\n      type: random\npretrained:\n  format: llama\n  path: llama-3-8b\n";

    [Fact]
    public void Overriding_an_architecture_value_of_a_checkpoint_warns_with_both_values_and_origins()
    {
        var r = Checkpoint.Trainer(Llama + "model:\n  base_model:\n    transformer:\n      num_layers: 4\n");
        Assert.Equal(4, r.Config.Model.BaseModel.Transformer.NumLayers);
        var warning = Assert.Single(r.Diagnostics, static d => d.Severity == DiagnosticSeverity.Warning);
        Assert.Equal((DiagnosticCodes.ArchitectureOverride, "model.base_model.transformer.num_layers"), (warning.Code, warning.Path));
        Assert.Equal("train.yaml:11:19", warning.Origin?.ToString());
        Assert.Contains("4 (train.yaml:11:19) replaces 32 (checkpoint ", warning.Message, StringComparison.Ordinal);
        Assert.Contains("llama-3-8b/config.json:16:24)", warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_architecture_override_is_an_error_with_warnings_as_errors()
    {
        var ok = new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options(warningsAsErrors: true))
            .AddYaml(Llama + "model:\n  base_model:\n    transformer:\n      num_layers: 4\n", "train.yaml")
            .TryResolve(out _, out var diagnostics);
        Assert.False(ok);
        Assert.Equal(DiagnosticSeverity.Error, Assert.Single(diagnostics, static d => d.Code == DiagnosticCodes.ArchitectureOverride).Severity);
    }

    [Fact]
    public void Training_values_and_equal_values_update_the_checkpoint_without_a_warning()
    {
        var r = Checkpoint.Trainer(Llama + "model:\n  base_model:\n    vocab_size: 128256\n    transformer:\n      window_size: 4096\n      attention_dropout: 0.1\n");
        Assert.DoesNotContain(r.Diagnostics, static d => d.Severity != DiagnosticSeverity.Info);
        Assert.Equal((4096, 0.1), (r.Config.Model.BaseModel.Transformer.WindowSize, r.Config.Model.BaseModel.Transformer.AttentionDropout));
    }

    [Fact]
    public void A_user_override_of_an_imported_value_shows_the_checkpoint_then_the_file_in_its_history()
    {
        var r = Checkpoint.Trainer(Llama + "model:\n  base_model:\n    transformer:\n      init_method_std: 0.01\n");
        var value = Assert.Single(r.Explain("model.base_model.transformer.init_method_std"));
        Assert.Equal("0.01", value.Value);
        Assert.Collection(
            value.History,
            o => Assert.Equal("checkpoint " + Path.Combine(Checkpoint.Fixture("llama-3-8b"), "config.json") + ":11:24", o.ToString()),
            o => Assert.Equal("train.yaml:11:24", o.ToString()));
    }

    [Fact]
    public void Each_reference_model_loads_its_own_checkpoint_with_its_own_load_config()
    {
        var r = Checkpoint.Trainer(
            "pretrained:\n  format: mistral\n  path: mistral-7b-v0.1\n"
            + "reference_models:\n"
            + "  teacher:\n    pretrained:\n      format: auto\n      path: mixtral-8x7b-v0.1\n"
            + "  reference:\n    pretrained:\n      path: fast-llm-pr211\n      load_config: architecture\n    model:\n      base_model:\n        transformer:\n          hidden_size: 512\n");
        Assert.Equal(4096, r.Config.Model.BaseModel.Transformer.WindowSize);
        var teacher = r.Config.ReferenceModels["teacher"].Model.BaseModel.Transformer;
        Assert.Equal((8, 2), (teacher.NumExperts, teacher.NumExpertsPerToken));
        var reference = r.Config.ReferenceModels["reference"].Model.BaseModel.Transformer;
        Assert.Equal((512, 64, 4096, null), (reference.HiddenSize, reference.KvChannels, reference.FfnHiddenSize, reference.WindowSize));
        var warning = Assert.Single(r.Diagnostics, static d => d.Code == DiagnosticCodes.ArchitectureOverride);
        Assert.Equal("reference_models.reference.model.base_model.transformer.hidden_size", warning.Path);
    }

    [Fact]
    public void A_missing_reference_checkpoint_is_an_error_at_its_own_path()
    {
        var ok = new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options())
            .AddYaml("reference_models:\n  teacher:\n    pretrained:\n      format: llama\n      path: nowhere\n", "train.yaml")
            .TryResolve(out _, out var diagnostics);
        Assert.False(ok);
        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.CheckpointInvalid, "reference_models.teacher.pretrained.path", "train.yaml:5:13"), (error.Code, error.Path, error.Origin?.ToString()));
    }

    [Fact]
    public void A_checkpoint_reader_given_to_the_resolution_replaces_the_built_in_one()
    {
        var reader = new Resolution.FakeCheckpointReader("config:\n  base_model:\n    vocab_size: 7\n");
        var r = Resolve.Model("pretrained:\n  format: llama\n  path: anything\n", reader);
        Assert.Equal(1, reader.Reads);
        Assert.Equal(7, r.Config.Model.BaseModel.VocabSize);
    }
}
