using BenchmarkDotNet.Attributes;
using Strata.Llm;

namespace Strata.Benchmarks;

/// <summary>
/// One whole in-process resolve, as DESIGN §8 counts it: read <c>trainer.yaml</c>, apply the 10 overrides, bind, prepare,
/// derive, validate, freeze, and serialize the explicit config to YAML.
/// </summary>
[MemoryDiagnoser]
public class ResolveBenchmarks
{
    /// <summary>Checks that the workload resolves (a benchmark of a failing resolution would measure nothing useful).</summary>
    [GlobalSetup]
    public void Setup() => _ = Trainer();

    /// <summary>trainer.yaml + overrides.txt, from the file to the YAML of the explicit config.</summary>
    [Benchmark(Baseline = true)]
    public string Trainer() =>
        new ConfigResolver<GPTTrainerConfig>(Workload.Options)
            .AddFile(Workload.TrainerPath)
            .AddOverrides(Workload.Overrides)
            .Resolve()
            .ToYaml();
}
