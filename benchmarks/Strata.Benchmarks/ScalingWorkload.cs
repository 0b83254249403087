using System.Collections.Concurrent;
using System.Globalization;
using System.Text;
using BenchmarkDotNet.Running;
using Strata.Sources;

namespace Strata.Benchmarks;

/// <summary>
/// Generated inputs for the scaling benchmarks: a second file layer with many leaf values on top of the trainer config,
/// or many overrides.
/// </summary>
public static class ScalingWorkload
{
    /// <summary>One training dataset concatenating N memmap datasets (a list of polymorphic configs, 4 leaves each).</summary>
    public const string ListShape = "list";

    /// <summary>N named memmap datasets and N evaluations of the same names (two dictionaries of configs, 4 leaves per name).</summary>
    public const string DictionaryShape = "dict";

    /// <summary>Overrides that each add an evaluation: <c>training.evaluations.eN.interval=500</c> (a wide dictionary).</summary>
    public const string DistinctOverrides = "distinct";

    /// <summary>The 10 workload overrides again and again (the same paths set many times, a long history per leaf).</summary>
    public const string RepeatedOverrides = "repeated";

    private const int LeavesPerItem = 4;

    private static readonly ConcurrentDictionary<(string, int, bool), int> s_leaves = new();

    /// <summary>A YAML layer of about <paramref name="leaves"/> leaf values, of the given shape.</summary>
    /// <param name="shape"><see cref="ListShape"/> or <see cref="DictionaryShape"/>.</param>
    /// <param name="leaves">The number of leaves wanted.</param>
    public static string Layer(string shape, int leaves)
    {
        var count = Math.Max(1, leaves / LeavesPerItem);
        var sb = new StringBuilder(count * 96);
        switch (shape)
        {
            case ListShape:
                sb.Append("data:\n  datasets:\n    training:\n      type: concatenated\n      datasets:\n");
                for (var i = 0; i < count; i++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"      - type: memmap\n        path: data/shard_{i}\n        num_documents: {1000 + i}\n        num_tokens: {1_000_000 + i}\n");
                }

                break;
            case DictionaryShape:
                sb.Append("data:\n  datasets:\n");
                for (var i = 0; i < count; i++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    eval_{i}:\n      type: memmap\n      path: data/eval_{i}\n");
                }

                sb.Append("training:\n  evaluations:\n");
                for (var i = 0; i < count; i++)
                {
                    sb.Append(CultureInfo.InvariantCulture, $"    eval_{i}:\n      interval: 500\n      iterations: 25\n");
                }

                break;
            default:
                throw new ArgumentException("Unknown shape '" + shape + "'.", nameof(shape));
        }

        return sb.ToString();
    }

    /// <summary><paramref name="count"/> overrides of the given shape.</summary>
    /// <param name="shape"><see cref="DistinctOverrides"/> or <see cref="RepeatedOverrides"/>.</param>
    /// <param name="count">The number of overrides.</param>
    public static string[] Overrides(string shape, int count) => shape switch
    {
        DistinctOverrides => [.. Enumerable.Range(0, count).Select(static i => string.Create(CultureInfo.InvariantCulture, $"training.evaluations.e{i}.interval=500"))],
        RepeatedOverrides => [.. Enumerable.Range(0, count).Select(static i => Workload.Overrides[i % Workload.Overrides.Count])],
        _ => throw new ArgumentException("Unknown shape '" + shape + "'.", nameof(shape)),
    };

    /// <summary>The leaf values a scaling benchmark case resolves, or <see langword="null"/> for another benchmark.</summary>
    /// <param name="benchmarkCase">The case.</param>
    public static int? LeavesOf(BenchmarkCase benchmarkCase)
    {
        ArgumentNullException.ThrowIfNull(benchmarkCase);
        var shape = benchmarkCase.Parameters.Items.FirstOrDefault(static p => p.Name == "Shape")?.Value as string;
        if (shape is null)
        {
            return null;
        }

        if (benchmarkCase.Parameters.Items.FirstOrDefault(static p => p.Name == nameof(FieldScalingBenchmarks.Fields))?.Value is int fields)
        {
            return s_leaves.GetOrAdd((shape, fields, true), static k => TrainerLeaves + LayerLeaves(k.Item1, k.Item2) + Workload.Overrides.Count);
        }

        if (benchmarkCase.Parameters.Items.FirstOrDefault(static p => p.Name == nameof(OverrideScalingBenchmarks.Overrides))?.Value is int overrides)
        {
            return TrainerLeaves + overrides;
        }

        return null;
    }

    /// <summary>The leaves of the trainer config file.</summary>
    public static int TrainerLeaves => s_leaves.GetOrAdd((string.Empty, 0, false), static _ => LeavesOfYaml(Workload.TrainerText));

    private static int LayerLeaves(string shape, int leaves) => LeavesOfYaml(Layer(shape, leaves));

    private static int LeavesOfYaml(string yaml) =>
        YamlDocumentReader.Parse(yaml, "count.yaml").Root is { } root ? Workload.CountLeaves(root) : 0;
}
