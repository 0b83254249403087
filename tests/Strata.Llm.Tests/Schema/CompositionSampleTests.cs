namespace Strata.Llm.Tests.Schema;

/// <summary>The composition sample of docs/engine.md, compiled and run.</summary>
public sealed class CompositionSampleTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "strata-composition-" + Guid.NewGuid().ToString("N"));

    public CompositionSampleTests() => Directory.CreateDirectory(_directory);

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_composition_sample_of_the_engine_guide_resolves_as_it_says()
    {
        File.WriteAllText(Path.Combine(_directory, "base.yaml"), "training: {train_iters: 1000}\n");
        File.WriteAllText(Path.Combine(_directory, "run.yaml"), "include: [base.yaml, preset:llama-3-8b]\nmodel: {base_model: {transformer: {num_layers: 4}}}\n");
        var run = Path.Combine(_directory, "run.yaml");

        var resolved = new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddFile(run)                                      // resolves its includes
            .AddOverride("data.datasets+={validation: {type: memmap, path: /data/web}}")
            .AddOverride("~training.train_iters")              // back to the default, the removal in the history
            .Resolve();

        Assert.Equal((4096, 4), (resolved.Config.Model.BaseModel.Transformer.HiddenSize, resolved.Config.Model.BaseModel.Transformer.NumLayers));
        Assert.Equal("preset llama-3-8b", resolved.Explain().Single(static p => p.Path == "model.base_model.transformer.hidden_size").Origin.ToString());
        Assert.Equal(
            ["include " + Path.Combine(_directory, "base.yaml"), "preset llama-3-8b at model", "file " + run, "override data.datasets+={validation: {type: memmap, path: /data/web}}", "override ~training.train_iters"],
            resolved.Layers.Select(static l => l.ToString().Trim()));
        Assert.DoesNotContain("train_iters", resolved.ToYaml(), StringComparison.Ordinal);
        Assert.DoesNotContain("include", resolved.ToYaml(), StringComparison.Ordinal);
    }
}
