using BenchmarkDotNet.Attributes;
using Strata.Llm;

namespace Strata.Benchmarks;

/// <summary>
/// A whole resolve (parse, merge, bind, prepare, derive, validate, freeze, serialize) of the trainer config with a
/// generated layer of 10² to 10⁵ leaf values on top, and the 10 overrides: the cost per leaf must stay flat.
/// </summary>
[MemoryDiagnoser]
public class FieldScalingBenchmarks
{
    private string _trainer = string.Empty;
    private string _layer = string.Empty;

    /// <summary>How the leaves are laid out: a list of configs, or dictionaries of configs.</summary>
    [Params(ScalingWorkload.ListShape, ScalingWorkload.DictionaryShape)]
    public string Shape { get; set; } = ScalingWorkload.ListShape;

    /// <summary>The number of leaf values in the generated layer.</summary>
    [Params(100, 1_000, 10_000, 100_000)]
    public int Fields { get; set; } = 100;

    /// <summary>Generates the layer (outside the measurement) and checks that it resolves.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _trainer = Workload.TrainerText;
        _layer = ScalingWorkload.Layer(Shape, Fields);
        _ = Resolve();
    }

    /// <summary>Resolves trainer.yaml, the generated layer and the overrides, and writes the explicit config as YAML.</summary>
    [Benchmark]
    public string Resolve() =>
        new ConfigResolver<GPTTrainerConfig>(Workload.Options)
            .AddYaml(_trainer, "trainer.yaml")
            .AddYaml(_layer, "scaling.yaml")
            .AddOverrides(Workload.Overrides)
            .Resolve()
            .ToYaml();
}
