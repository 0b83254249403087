using System.Globalization;
using BenchmarkDotNet.Attributes;
using Strata.Sources;

namespace Strata.Benchmarks;

/// <summary>
/// Parsing 10⁴ overrides alone, one after another as the resolver does: plain values (the shortcut), and values that
/// need a YAML reader (quoted, flow collections, non-ASCII, tags), whose cost per override must stay small.
/// </summary>
[MemoryDiagnoser]
public class OverrideParseBenchmarks
{
    private const int Count = 10_000;
    private string[] _plain = [];
    private string[] _yaml = [];

    /// <summary>Generates the overrides.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _plain = ScalingWorkload.Overrides(ScalingWorkload.DistinctOverrides, Count);
        string[] values = ["'q'", "[1, 2]", "é", "!!str 7", "{a: 1}", "\"x y\""];
        _yaml = new string[Count];
        for (var i = 0; i < Count; i++)
        {
            _yaml[i] = "training.evaluations.e" + i.ToString(CultureInfo.InvariantCulture) + ".interval=" + values[i % values.Length];
        }
    }

    /// <summary>10⁴ plain values.</summary>
    [Benchmark]
    public int Plain10k() => Parse(_plain);

    /// <summary>10⁴ values read by a YAML reader.</summary>
    [Benchmark]
    public int Yaml10k() => Parse(_yaml);

    /// <summary>Parses overrides one after another; returns how many are valid.</summary>
    /// <param name="arguments">The overrides.</param>
    public static int Parse(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var valid = 0;
        for (var i = 0; i < arguments.Count; i++)
        {
            valid += OverrideParser.TryParse(arguments[i], i + 1, out _, out _) ? 1 : 0;
        }

        return valid;
    }
}
