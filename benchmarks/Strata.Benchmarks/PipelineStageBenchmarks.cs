using BenchmarkDotNet.Attributes;
using Strata.Llm;
using Strata.Resolution;
using Strata.Tree;

namespace Strata.Benchmarks;

/// <summary>
/// The stages that change the objects they run on, each timed on fresh objects: a batch of graphs is bound (and, for
/// freezing, prepared, derived and validated) before each iteration, outside the measurement, and each operation
/// runs the stage on one of them.
/// </summary>
[MemoryDiagnoser]
[InvocationCount(1, 1)]
public class PipelineStageBenchmarks
{
    /// <summary>The graphs prepared per iteration; each iteration measures this many operations.</summary>
    public const int Batch = 256;

    private readonly (ConfigObject Root, ResolutionState State)[] _graphs = new (ConfigObject, ResolutionState)[Batch];
    private ConfigMap _merged = null!;

    /// <summary>Merges the workload once.</summary>
    [GlobalSetup]
    public void Setup()
    {
        var parsed = (ConfigMap)Strata.Sources.YamlDocumentReader.Parse(Workload.TrainerText, "trainer.yaml").Root!;
        _merged = new ConfigResolver<GPTTrainerConfig>(Workload.Options).AddTree(parsed).AddOverrides(Workload.Overrides).MergeLayers(new ResolutionState(Workload.Options))
            ?? throw new InvalidOperationException("The workload does not merge.");
    }

    /// <summary>Binds a fresh batch.</summary>
    [IterationSetup(Target = nameof(PrepareDeriveValidate))]
    public void BindBatch() => Fill(derived: false);

    /// <summary>Binds, prepares, derives and validates a fresh batch.</summary>
    [IterationSetup(Target = nameof(Freeze))]
    public void DeriveBatch() => Fill(derived: true);

    /// <summary>Prepare (top-down), derive (bottom-up, environment first) and validate (every rule) one bound graph.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int PrepareDeriveValidate()
    {
        var errors = 0;
        foreach (var (root, state) in _graphs)
        {
            ConfigPipeline.Prepare(root, state);
            ConfigPipeline.Derive(root, state);
            ConfigPipeline.Validate(root, state);
            errors += state.Diagnostics.ErrorCount;
        }

        return errors;
    }

    /// <summary>Freezes one validated graph (collections become read-only, setters throw).</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int Freeze()
    {
        foreach (var (root, _) in _graphs)
        {
            ConfigPipeline.Freeze(root);
        }

        return _graphs.Length;
    }

    private void Fill(bool derived)
    {
        for (var i = 0; i < _graphs.Length; i++)
        {
            var state = new ResolutionState(Workload.Options);
            var root = state.Binder.Bind(GPTTrainerConfig.TypeInfo, _merged, state.ReadContext)
                ?? throw new InvalidOperationException("The workload does not bind.");
            if (derived)
            {
                ConfigPipeline.Prepare(root, state);
                ConfigPipeline.Derive(root, state);
                ConfigPipeline.Validate(root, state);
            }

            _graphs[i] = (root, state);
        }
    }
}
