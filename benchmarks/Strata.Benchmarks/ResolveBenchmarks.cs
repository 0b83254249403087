using BenchmarkDotNet.Attributes;
using Strata.Llm;

namespace Strata.Benchmarks;

/// <summary>
/// One whole in-process resolve, as DESIGN §8 counts it: read <c>trainer.yaml</c>, apply the 10 overrides, bind, prepare,
/// derive, validate, freeze, and serialize the explicit config to YAML; and the same job from a Hugging Face checkpoint
/// (<c>finetune-hf.yaml</c>: its <c>config.json</c> is read, imported and merged under the user's model values).
/// </summary>
[MemoryDiagnoser]
public class ResolveBenchmarks
{
    /// <summary>Checks that the workload resolves (a benchmark of a failing resolution would measure nothing useful).</summary>
    [GlobalSetup]
    public void Setup()
    {
        _ = Trainer();
        _ = FinetuneHf();
    }

    /// <summary>trainer.yaml + overrides.txt, from the file to the YAML of the explicit config.</summary>
    [Benchmark(Baseline = true)]
    public string Trainer() =>
        new ConfigResolver<GPTTrainerConfig>(Workload.Options)
            .AddFile(Workload.TrainerPath)
            .AddOverrides(Workload.Overrides)
            .Resolve()
            .ToYaml();

    /// <summary>finetune-hf.yaml, from the file (and the checkpoint's config.json) to the YAML of the explicit config.</summary>
    [Benchmark]
    public string FinetuneHf() =>
        new ConfigResolver<GPTTrainerConfig>(Workload.FinetuneOptions)
            .AddFile(Workload.FinetuneHfPath)
            .Resolve()
            .ToYaml();
}
