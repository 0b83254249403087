using BenchmarkDotNet.Attributes;
using Strata.Llm;

namespace Strata.Benchmarks;

/// <summary>A whole resolve of the trainer config with 1 to 10⁴ overrides: the cost per override must stay flat.</summary>
[MemoryDiagnoser]
public class OverrideScalingBenchmarks
{
    private string _trainer = string.Empty;
    private string[] _overrides = [];

    /// <summary>Which overrides: each adding a key to one wide dictionary, or the workload's 10 paths set again and again.</summary>
    [Params(ScalingWorkload.DistinctOverrides, ScalingWorkload.RepeatedOverrides)]
    public string Shape { get; set; } = ScalingWorkload.DistinctOverrides;

    /// <summary>The number of overrides.</summary>
    [Params(1, 10, 100, 1_000, 10_000)]
    public int Overrides { get; set; } = 1;

    /// <summary>Generates the overrides (outside the measurement) and checks that they resolve.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _trainer = Workload.TrainerText;
        _overrides = ScalingWorkload.Overrides(Shape, Overrides);
        _ = Resolve();
    }

    /// <summary>Resolves trainer.yaml with the overrides and writes the explicit config as YAML.</summary>
    [Benchmark]
    public string Resolve() =>
        new ConfigResolver<GPTTrainerConfig>(Workload.Options)
            .AddYaml(_trainer, "trainer.yaml")
            .AddOverrides(_overrides)
            .Resolve()
            .ToYaml();
}
