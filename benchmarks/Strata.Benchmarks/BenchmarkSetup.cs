using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Diagnosers;

namespace Strata.Benchmarks;

/// <summary>The configuration of every run: medians with their spread, allocations, and the per-leaf columns of the scaling benchmarks.</summary>
public static class BenchmarkSetup
{
    /// <summary>BenchmarkDotNet's default configuration, plus the columns this project reports.</summary>
    public static IConfig Config { get; } = DefaultConfig.Instance
        .AddDiagnoser(MemoryDiagnoser.Default)
        .AddColumn(StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Q1, StatisticColumn.Q3, StatisticColumn.Max)
        .AddColumn(new LeafColumn(), new PerLeafColumn(marginal: false), new PerLeafColumn(marginal: true))
        .WithOption(ConfigOptions.JoinSummary, true);
}
