namespace Strata.Benchmarks;

/// <summary>
/// Every benchmark as a plain operation (set up as BenchmarkDotNet would, then one call per operation), for the probe
/// (<c>--probe</c>) and for the smoke tests, which run each workload once without BenchmarkDotNet.
/// </summary>
public static class BenchmarkCatalog
{
    /// <summary>The benchmarks by name (<c>Class.Method(parameters)</c>), each set up and ready to run.</summary>
    public static IEnumerable<CatalogEntry> Entries()
    {
        var resolve = new ResolveBenchmarks();
        yield return new("ResolveBenchmarks.Trainer", resolve.Setup, () => resolve.Trainer());
        yield return new("ResolveBenchmarks.FinetuneHf", resolve.Setup, () => resolve.FinetuneHf());

        var stages = new StageBenchmarks();
        yield return new("StageBenchmarks.ReadAndParseYaml", stages.Setup, () => stages.ReadAndParseYaml());
        yield return new("StageBenchmarks.YamlDotNetEventsOnly", stages.Setup, () => stages.YamlDotNetEventsOnly());
        yield return new("StageBenchmarks.ParseYaml", stages.Setup, () => stages.ParseYaml());
        yield return new("StageBenchmarks.ParseYamlWithYamlDotNet", stages.Setup, () => stages.ParseYamlWithYamlDotNet());
        yield return new("StageBenchmarks.ParseOverrides", stages.Setup, () => stages.ParseOverrides());
        yield return new("StageBenchmarks.Merge", stages.Setup, () => stages.Merge());
        yield return new("StageBenchmarks.Bind", stages.Setup, () => stages.Bind());
        yield return new("StageBenchmarks.WriteTree", stages.Setup, () => stages.WriteTree());
        yield return new("StageBenchmarks.EmitYaml", stages.Setup, () => stages.EmitYaml());
        yield return new("StageBenchmarks.Serialize", stages.Setup, () => stages.Serialize());

        var parse = new OverrideParseBenchmarks();
        yield return new("OverrideParseBenchmarks.Plain10k", parse.Setup, () => parse.Plain10k());
        yield return new("OverrideParseBenchmarks.Yaml10k", parse.Setup, () => parse.Yaml10k());

        var pipeline = new PipelineStageBenchmarks();
        yield return new("PipelineStageBenchmarks.PrepareDerive", pipeline.Setup, () => pipeline.PrepareDerive())
        {
            IterationSetup = pipeline.BindBatch,
            OperationsPerInvoke = PipelineStageBenchmarks.Batch,
        };
        yield return new("PipelineStageBenchmarks.ValidateFreeze", pipeline.Setup, () => pipeline.ValidateFreeze())
        {
            IterationSetup = pipeline.DeriveBatch,
            OperationsPerInvoke = PipelineStageBenchmarks.Batch,
        };

        foreach (var shape in new[] { ScalingWorkload.ListShape, ScalingWorkload.DictionaryShape })
        {
            foreach (var fields in new[] { 100, 1_000, 10_000, 100_000 })
            {
                var scaling = new FieldScalingBenchmarks { Shape = shape, Fields = fields };
                yield return new($"FieldScalingBenchmarks.Resolve({shape}, {fields})", scaling.Setup, () => scaling.Resolve());
            }
        }

        foreach (var shape in new[] { ScalingWorkload.DistinctOverrides, ScalingWorkload.RepeatedOverrides })
        {
            foreach (var count in new[] { 1, 10, 100, 1_000, 10_000 })
            {
                var scaling = new OverrideScalingBenchmarks { Shape = shape, Overrides = count };
                yield return new($"OverrideScalingBenchmarks.Resolve({shape}, {count})", scaling.Setup, () => scaling.Resolve());
            }
        }
    }
}

/// <summary>One benchmark as plain delegates.</summary>
/// <param name="Name">The benchmark's name.</param>
/// <param name="GlobalSetup">Its global setup (call once first).</param>
/// <param name="Operation">One invocation.</param>
public sealed record CatalogEntry(string Name, Action GlobalSetup, Action Operation)
{
    /// <summary>What to run before each invocation, outside the measurement, if anything.</summary>
    public Action? IterationSetup { get; init; }

    /// <summary>How many operations one invocation performs.</summary>
    public int OperationsPerInvoke { get; init; } = 1;
}
