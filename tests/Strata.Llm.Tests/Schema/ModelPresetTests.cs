using Strata.Llm.Tests.Checkpoints;

namespace Strata.Llm.Tests.Schema;

/// <summary>
/// The model architectures shipped as presets are what importing the Hugging Face config of each checkpoint gives, and
/// they are used from a file or the command line with their origin shown as <c>preset NAME</c>.
/// </summary>
public sealed class ModelPresetTests
{
    [Theory]
    [InlineData("llama-3-8b", "llama-3-8b")]
    [InlineData("llama-3.1-8b", "llama-3.1-8b")]
    [InlineData("mistral-7b", "mistral-7b-v0.1")]
    [InlineData("mixtral-8x7b", "mixtral-8x7b-v0.1")]
    [InlineData("qwen2-7b", "qwen2-7b")]
    [InlineData("starcoder2-7b", "starcoder2-7b")]
    public void A_model_preset_is_the_architecture_that_importing_its_checkpoint_gives(string preset, string fixture)
    {
        var imported = new ConfigResolver<PretrainedGPTModelConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddOverride("pretrained.path=" + Path.Combine(Checkpoint.Fixtures, fixture))
            .AddOverride("pretrained.format=auto")
            .Resolve();
        var fromPreset = new ConfigResolver<PretrainedGPTModelConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddOverride("model=@preset:" + preset)
            .Resolve();

        Assert.Equal(Model(imported.ToYaml(Verbosity.All)), Model(fromPreset.ToYaml(Verbosity.All)));
    }

    [Fact]
    public void A_preset_included_by_a_trainer_file_goes_to_the_model_and_its_values_say_so()
    {
        var resolved = Resolve.Trainer("include: [preset:llama-3-8b]\ntraining:\n  train_iters: 5\n", "model.base_model.transformer.num_layers=2");

        Assert.Equal((2, 4096), (resolved.Config.Model.BaseModel.Transformer.NumLayers, resolved.Config.Model.BaseModel.Transformer.HiddenSize));
        var hidden = resolved.Explain().Single(static p => p.Path == "model.base_model.transformer.hidden_size");
        Assert.Equal(("preset llama-3-8b", true), (hidden.Origin.ToString(), hidden.IsExplicit));
        Assert.Equal(["preset llama-3-8b at model", "file train.yaml", "override model.base_model.transformer.num_layers=2"], resolved.Layers.Select(static l => l.ToString().Trim()));
    }

    /// <summary>The <c>model:</c> section of a resolved gpt-model document.</summary>
    private static string Model(string yaml)
    {
        var start = yaml.IndexOf("model:", StringComparison.Ordinal);
        var end = yaml.IndexOf("\npretrained:", StringComparison.Ordinal);
        return yaml[start..(end < 0 ? yaml.Length : end)];
    }
}
