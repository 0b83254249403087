namespace Strata.Llm.Tests.Checkpoints;

/// <summary>
/// A model error under a <c>pretrained:</c> section is reported once and counted once, whatever the checkpoint's format
/// and the kind; a value its field cannot read (<c>theta: 500_000</c> before digit separators were read, <c>vocab_size:
/// x</c>) overrides nothing, so it gives its error alone, without the architecture-override warning (STR0122) that a
/// value the field reads gives.
/// </summary>
public sealed class PretrainedErrorCountTests
{
    [Theory]
    [InlineData("llama-3.1-8b", "llama", "transformer:\n      num_layers: -1", "STR0103")]
    [InlineData("llama-3.1-8b", "llama", "transformer:\n      use_flash_attention: maybe", "STR0102")]
    [InlineData("llama-3.1-8b", "auto", "transformer:\n      hiden_size: 3", "STR0101")]
    [InlineData("qwen2-7b", "qwen2", "vocab_size: x", "STR0102")]
    [InlineData("fast-llm-pr211", "fast_llm", "transformer:\n      num_layers: -1", "STR0103")]
    public void A_model_error_with_a_pretrained_section_is_one_error_for_the_trainer_and_for_the_model(string checkpoint, string format, string field, string code)
    {
        var yaml = "pretrained:\n  path: " + checkpoint + "\n  format: " + format + "\nmodel:\n  base_model:\n    " + field + "\n";
        var trainer = new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options()).AddYaml(yaml, "train.yaml");
        var model = new ConfigResolver<PretrainedGPTModelConfig>(Checkpoint.Options()).AddYaml(yaml, "train.yaml");

        Assert.False(trainer.TryResolve(out _, out var trainerDiagnostics));
        Assert.False(model.TryResolve(out _, out var modelDiagnostics));

        Assert.Equal(code, Assert.Single(trainerDiagnostics, static d => d.Severity == DiagnosticSeverity.Error).Code);
        Assert.Equal(code, Assert.Single(modelDiagnostics, static d => d.Severity == DiagnosticSeverity.Error).Code);
    }

    [Theory]
    [InlineData("transformer:\n      num_layers: x", "model.base_model.transformer.num_layers", "STR0102")]
    [InlineData("transformer:\n      num_layers: 1__0", "model.base_model.transformer.num_layers", "STR0102")]
    [InlineData("transformer:\n      rotary:\n        theta: 5e5x", "model.base_model.transformer.rotary.theta", "STR0102")]
    [InlineData("transformer:\n      gated: maybe", "model.base_model.transformer.gated", "STR0102")]
    [InlineData("transformer:\n      activation_type: swish", "model.base_model.transformer.activation_type", "STR0105")]
    [InlineData("vocab_size: 99999999999", "model.base_model.vocab_size", "STR0104")]
    public void A_value_its_field_cannot_read_over_a_checkpoint_is_one_error_and_no_override_warning(string field, string path, string code)
    {
        var yaml = "pretrained:\n  path: llama-3.1-8b\n  format: llama\nmodel:\n  base_model:\n    " + field + "\n";
        Assert.False(new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options()).AddYaml(yaml, "train.yaml").TryResolve(out _, out var diagnostics));

        var only = Assert.Single(diagnostics, d => d.Path == path);
        Assert.Equal((DiagnosticSeverity.Error, code), (only.Severity, only.Code));
        Assert.DoesNotContain(diagnostics, static d => d.Code == DiagnosticCodes.ArchitectureOverride);
    }

    [Fact]
    public void A_value_its_field_reads_over_a_checkpoint_warns_naming_both_values()
    {
        var yaml = "pretrained:\n  path: llama-3.1-8b\n  format: llama\nmodel:\n  base_model:\n    transformer:\n      num_layers: 1_0\n";
        var resolved = new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options()).AddYaml(yaml, "train.yaml").Resolve();

        var warning = Assert.Single(resolved.Diagnostics, static d => d.Code == DiagnosticCodes.ArchitectureOverride);
        Assert.Contains("1_0 (train.yaml:7:19) replaces 32 (checkpoint ", warning.Message, StringComparison.Ordinal);
        Assert.Equal(10, resolved.Config.Model.BaseModel.Transformer.NumLayers);
    }
}
