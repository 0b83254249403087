using System.Reflection;
using BenchmarkDotNet.Attributes;

namespace Strata.Benchmarks.Tests;

/// <summary>
/// Every benchmark's workload resolves: each benchmark is set up and run once, directly, without BenchmarkDotNet (the
/// figures come from the benchmark runs, never from tests).
/// </summary>
public sealed class WorkloadSmokeTests
{
    public static TheoryData<string> Benchmarks() => [.. BenchmarkCatalog.Entries().Select(static e => e.Name)];

    [Theory]
    [MemberData(nameof(Benchmarks))]
    public void Each_benchmark_runs_once_after_its_setup(string name)
    {
        var entry = BenchmarkCatalog.Entries().Single(e => e.Name == name);

        entry.GlobalSetup();
        entry.IterationSetup?.Invoke();
        entry.Operation();
    }

    [Fact]
    public void Every_benchmark_method_is_in_the_catalog()
    {
        var names = BenchmarkCatalog.Entries().Select(static e => e.Name).ToList();
        var methods = typeof(BenchmarkCatalog).Assembly.GetTypes()
            .SelectMany(static t => t.GetMethods().Where(static m => m.GetCustomAttribute<BenchmarkAttribute>() is not null).Select(m => t.Name + "." + m.Name))
            .ToList();

        Assert.NotEmpty(methods);
        Assert.All(methods, method => Assert.Contains(names, name => name == method || name.StartsWith(method + "(", StringComparison.Ordinal)));
    }

    [Fact]
    public void The_trainer_workload_writes_its_explicit_config_with_the_overrides_applied()
    {
        var yaml = new ResolveBenchmarks().Trainer();

        Assert.Contains("train_iters: 1000\n", yaml, StringComparison.Ordinal);
        Assert.Contains("experiment_name: llama3-8b-sft-short\n", yaml, StringComparison.Ordinal);
        Assert.Contains("micro_batch_size: 2\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void The_stages_give_the_same_config_as_the_whole_resolve()
    {
        var stages = new StageBenchmarks();
        stages.Setup();

        Assert.Equal(new ResolveBenchmarks().Trainer(), stages.Serialize());
        Assert.NotNull(stages.Bind());
        Assert.Equal(10, stages.ParseOverrides());
    }

    [Fact]
    public void Prepared_derived_and_validated_graphs_have_no_errors()
    {
        var pipeline = new PipelineStageBenchmarks();
        pipeline.Setup();
        pipeline.BindBatch();
        Assert.Equal(0, pipeline.PrepareDerive());

        pipeline.DeriveBatch();
        Assert.Equal(0, pipeline.ValidateFreeze());
    }

    [Theory]
    [InlineData(ScalingWorkload.ListShape, 1_000)]
    [InlineData(ScalingWorkload.DictionaryShape, 1_000)]
    public void Scaling_layers_have_about_the_leaves_asked_for(string shape, int fields)
    {
        var leaves = Workload.CountLeaves(Strata.Sources.YamlDocumentReader.Parse(ScalingWorkload.Layer(shape, fields), "scaling.yaml").Root!);

        Assert.InRange(leaves, fields, fields + 1);
    }
}
