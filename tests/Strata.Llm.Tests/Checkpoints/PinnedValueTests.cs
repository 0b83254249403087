namespace Strata.Llm.Tests.Checkpoints;

/// <summary>
/// Every value a Hugging Face format fixes is recorded with the checkpoint's origin, like a mapped key: overriding it is
/// overriding the checkpoint's architecture (STR0122), and explain names the checkpoint.
/// </summary>
public sealed class PinnedValueTests
{
    [Theory]
    [InlineData("llama-3.1-8b", "llama", "transformer.num_experts", "8", "1")]
    [InlineData("mistral-7b-v0.1", "mistral", "transformer.num_experts", "4", "1")]
    [InlineData("qwen2-7b", "qwen2", "transformer.num_experts", "8", "1")]
    [InlineData("starcoder2-7b", "starcoder2", "transformer.num_experts", "2", "1")]
    [InlineData("llama-3.1-8b", "llama", "transformer.gated", "false", "true")]
    [InlineData("llama-3.1-8b", "llama", "use_position_embeddings", "true", "false")]
    [InlineData("mixtral-8x7b-v0.1", "mixtral", "transformer.num_shared_experts", "1", "0")]
    public void Overriding_a_value_the_format_pins_warns_naming_the_checkpoint(string checkpoint, string format, string field, string value, string pinned)
    {
        var yaml = "pretrained:\n  path: " + checkpoint + "\n  format: " + format + "\n";
        var path = "model.base_model." + field;
        var resolved = new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options()).AddYaml(yaml, "train.yaml").AddOverride(path + "=" + value);

        _ = resolved.TryResolve(out _, out var diagnostics);

        var warning = Assert.Single(diagnostics, d => d.Code == "STR0122" && d.Path == path);
        Assert.Contains("replaces " + pinned + " (checkpoint ", warning.Message, StringComparison.Ordinal);
        Assert.Contains(Path.Combine(checkpoint, "config.json"), warning.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void An_interpolation_over_an_architecture_field_of_the_checkpoint_warns_once_on_its_effective_value_in_the_order_of_places()
    {
        const string Yaml = """
            pretrained:
              path: llama-3.1-8b
              format: llama
            training:
              train_iters: 8
            model:
              base_model:
                use_position_embeddings: ${model.base_model.transformer.gated}
                transformer:
                  num_experts: ${training.train_iters}
                  gated: false
            """;
        var resolver = new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options()).AddYaml(Yaml, "train.yaml")
            .AddOverride("model.base_model.transformer.num_shared_experts=${training.train_iters}");

        _ = resolver.TryResolve(out _, out var diagnostics);

        var warnings = diagnostics.Where(static d => d.Code == "STR0122").ToList();
        Assert.Equal(
            ["model.base_model.transformer.num_experts", "model.base_model.transformer.gated", "model.base_model.transformer.num_shared_experts"],
            warnings.Select(static d => d.Path));
        Assert.Equal(("train.yaml", 10), (warnings[0].Origin!.Source, warnings[0].Origin!.Line));
        Assert.StartsWith("overrides the architecture of the pretrained checkpoint: 8 (interpolation of training.train_iters (train.yaml:10:20)) replaces 1 (checkpoint ", warnings[0].Message, StringComparison.Ordinal);
        Assert.Equal(OriginKind.CommandLine, warnings[2].Origin!.Kind);
        Assert.StartsWith("overrides the architecture of the pretrained checkpoint: 8 (interpolation of training.train_iters (cli arg #1)) replaces 0 (checkpoint ", warnings[2].Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_pinned_values_of_a_dense_format_come_from_the_checkpoint()
    {
        var resolved = Checkpoint.Trainer("pretrained:\n  path: llama-3.1-8b\n  format: llama\n");

        foreach (var (path, value) in new[]
        {
            ("model.base_model.transformer.num_experts", "1"), ("model.base_model.transformer.num_shared_experts", "0"),
            ("model.base_model.transformer.window_size", "null"), ("model.base_model.transformer.hidden_dropout", "0.0"),
            ("model.base_model.transformer.normalization.zero_centered", "false"), ("model.base_model.prediction_heads", "1"),
            ("model.base_model.use_position_embeddings", "false"), ("model.base_model.transformer.gated", "true"),
        })
        {
            var entry = Assert.Single(resolved.Explain(path));
            Assert.Equal((path, value, OriginKind.Checkpoint), (entry.Path, entry.Value, entry.Origin.Kind));
        }
    }
}
