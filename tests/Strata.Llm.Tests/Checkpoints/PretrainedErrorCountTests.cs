namespace Strata.Llm.Tests.Checkpoints;

/// <summary>A model error under a <c>pretrained:</c> section is reported once and counted once, whatever the checkpoint's format.</summary>
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
}
