using System.Globalization;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace Strata.Benchmarks;

/// <summary>The number of leaf values a scaling benchmark resolves (blank for the other benchmarks).</summary>
internal sealed class LeafColumn : IColumn
{
    public string Id => nameof(LeafColumn);

    public string ColumnName => "Leaves";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Params;

    public int PriorityInCategory => 10;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => "Leaf values (scalars) in the merged input: files and overrides";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
        ScalingWorkload.LeavesOf(benchmarkCase) is { } leaves ? leaves.ToString(CultureInfo.InvariantCulture) : "-";

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(static c => ScalingWorkload.LeavesOf(c) is not null);
}

/// <summary>
/// The time per leaf value of a scaling benchmark: the median divided by the leaves, or (marginal) the growth of the
/// median from the next smaller size divided by the leaves added, which leaves the fixed cost of a resolution out.
/// </summary>
internal sealed class PerLeafColumn(bool marginal) : IColumn
{
    public string Id => nameof(PerLeafColumn) + (marginal ? ".Marginal" : string.Empty);

    public string ColumnName => marginal ? "Marginal ns/leaf" : "ns/leaf";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => marginal ? 2 : 1;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Dimensionless;

    public string Legend => marginal
        ? "(median - median of the next smaller size) / (leaves - leaves of the next smaller size), in nanoseconds"
        : "Median / leaves, in nanoseconds";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, summary.Style);

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
    {
        if (ScalingWorkload.LeavesOf(benchmarkCase) is not { } leaves || summary[benchmarkCase]?.ResultStatistics?.Median is not { } median)
        {
            return "-";
        }

        if (!marginal)
        {
            return Format(median / leaves);
        }

        var smaller = summary.BenchmarksCases
            .Where(c => c.Descriptor == benchmarkCase.Descriptor && SameShape(c, benchmarkCase))
            .Select(c => (Case: c, Leaves: ScalingWorkload.LeavesOf(c) ?? 0))
            .Where(c => c.Leaves < leaves && summary[c.Case]?.ResultStatistics is not null)
            .OrderByDescending(static c => c.Leaves)
            .FirstOrDefault();
        if (smaller.Case is null)
        {
            return "-";
        }

        var previous = summary[smaller.Case]!.ResultStatistics!.Median;
        return Format((median - previous) / (leaves - smaller.Leaves));
    }

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => summary.BenchmarksCases.Any(static c => ScalingWorkload.LeavesOf(c) is not null);

    private static bool SameShape(BenchmarkCase a, BenchmarkCase b) =>
        Equals(a.Parameters.Items.FirstOrDefault(static p => p.Name == "Shape")?.Value, b.Parameters.Items.FirstOrDefault(static p => p.Name == "Shape")?.Value)
        && a.Job.DisplayInfo == b.Job.DisplayInfo;

    private static string Format(double value) => value.ToString("F1", CultureInfo.InvariantCulture);
}
