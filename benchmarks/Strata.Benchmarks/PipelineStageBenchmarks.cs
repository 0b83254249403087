using BenchmarkDotNet.Attributes;
using Strata.Llm;
using Strata.Resolution;
using Strata.Tree;

namespace Strata.Benchmarks;

/// <summary>
/// The two walks that change the objects they run on, each timed on fresh objects: a batch of graphs is bound (and,
/// for validation and freezing, prepared and derived) before each iteration, outside the measurement, and each
/// operation runs the walk on one of them.
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
    [IterationSetup(Target = nameof(PrepareDerive))]
    public void BindBatch() => Fill(derived: false);

    /// <summary>Binds, prepares and derives a fresh batch.</summary>
    [IterationSetup(Target = nameof(ValidateFreeze))]
    public void DeriveBatch() => Fill(derived: true);

    /// <summary>Prepares (top-down) and derives (bottom-up, environment first) one bound graph, in one walk.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int PrepareDerive() => Run(static (root, state) => ConfigPipeline.PrepareAndDerive(root, state));

    /// <summary>Validates (every rule) and freezes (collections become read-only, setters throw) one derived graph, in one walk.</summary>
    [Benchmark(OperationsPerInvoke = Batch)]
    public int ValidateFreeze() => Run(static (root, state) => ConfigPipeline.ValidateAndFreeze(root, state));

    /// <summary>Runs a walk on each graph of the batch; the errors found, in all.</summary>
    private int Run(Action<ConfigObject, ResolutionState> walk)
    {
        var errors = 0;
        foreach (var (root, state) in _graphs)
        {
            walk(root, state);
            errors += state.Diagnostics.ErrorCount;
        }

        return errors;
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
                ConfigPipeline.PrepareAndDerive(root, state);
            }

            _graphs[i] = (root, state);
        }
    }
}
