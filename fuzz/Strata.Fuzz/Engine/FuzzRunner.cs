using System.Diagnostics;
using System.Security.Cryptography;

namespace Strata.Fuzz.Engine;

/// <summary>One input that broke an invariant, threw, or ran longer than the slow threshold.</summary>
internal sealed record FuzzFailure(FuzzTarget Target, string Kind, byte[] Input, string Details)
{
    /// <summary>A short, stable name for the input: the target and the first hex digits of its SHA-256.</summary>
    public string Name => Target.ToString().ToLowerInvariant() + "-" + Kind + "-" + Convert.ToHexStringLower(SHA256.HashData(Input))[..12];
}

/// <summary>What a run did.</summary>
internal sealed record FuzzStatistics(FuzzTarget Target, long Executions, TimeSpan Elapsed, int PoolSize, int Features, int Failures, TimeSpan Slowest)
{
    public double Rate => Elapsed.TotalSeconds > 0 ? Executions / Elapsed.TotalSeconds : 0;
}

/// <summary>
/// The in-process mutation fuzzer: starting from seed inputs, it mutates a random member of its pool, runs the target,
/// and keeps the input in the pool when it shows a new feature (a new combination of outcome and diagnostic codes), a
/// cheap stand-in for coverage. Failures are reported once per distinct signature.
/// </summary>
internal sealed class FuzzRunner
{
    private const int MaxPool = 2048;
    private readonly FuzzTarget _target;
    private readonly List<byte[]> _pool;
    private readonly Random _random;
    private readonly Mutator _mutator;
    private readonly HashSet<ulong> _features = [];
    private readonly HashSet<string> _signatures = new(StringComparer.Ordinal);

    public FuzzRunner(FuzzTarget target, IEnumerable<byte[]> seeds, int randomSeed)
    {
        _target = target;
        _pool = [.. seeds];
        if (_pool.Count == 0)
        {
            _pool.Add([]);
        }

        _random = new Random(randomSeed);
        _mutator = new Mutator(_random);
    }

    /// <summary>An execution longer than this is a failure of kind <c>slow</c>.</summary>
    public TimeSpan SlowThreshold { get; init; } = TimeSpan.FromSeconds(2);

    /// <summary>Runs until <paramref name="executions"/> inputs ran or <paramref name="duration"/> passed.</summary>
    /// <param name="executions">The most executions.</param>
    /// <param name="duration">The longest run, or <see langword="null"/>.</param>
    /// <param name="onFailure">Receives each new failure.</param>
    /// <param name="current">Receives each input before it runs (for a watchdog that saves a hanging input).</param>
    public FuzzStatistics Run(long executions, TimeSpan? duration, Action<FuzzFailure> onFailure, Action<byte[]>? current = null)
    {
        var clock = Stopwatch.StartNew();
        var slowest = TimeSpan.Zero;
        var failures = 0;
        long done = 0;

        // The seeds run first, unmutated.
        var seeds = _pool.ToArray();
        for (; done < executions && (duration is null || clock.Elapsed < duration); done++)
        {
            var input = done < seeds.Length ? seeds[done] : _mutator.Mutate(_pool[_random.Next(_pool.Count)], _pool);
            current?.Invoke(input);
            var started = clock.Elapsed;
            var failure = Execute(input, out var feature);
            var took = clock.Elapsed - started;
            slowest = took > slowest ? took : slowest;
            if (failure is null && took > SlowThreshold)
            {
                failure = new FuzzFailure(_target, "slow", input, "took " + took.TotalMilliseconds.ToString("F0", System.Globalization.CultureInfo.InvariantCulture) + " ms");
            }

            if (failure is not null)
            {
                if (_signatures.Add(Signature(failure)))
                {
                    failures++;
                    onFailure(failure);
                }

                continue;
            }

            if (_features.Add(feature) && done >= seeds.Length)
            {
                if (_pool.Count >= MaxPool)
                {
                    _pool[_random.Next(_pool.Count)] = input;
                }
                else
                {
                    _pool.Add(input);
                }
            }
        }

        return new FuzzStatistics(_target, done, clock.Elapsed, _pool.Count, _features.Count, failures, slowest);
    }

    /// <summary>Runs one input; returns the failure, or <see langword="null"/> when the target held its invariants.</summary>
    public static FuzzFailure? Execute(FuzzTarget target, byte[] input, out ulong feature)
    {
        try
        {
            feature = FuzzTargets.Run(target, input);
            return null;
        }
        catch (FuzzFinding finding)
        {
            feature = 0;
            return new FuzzFailure(target, "invariant", input, finding.Message);
        }
        catch (Exception e)
        {
            feature = 0;
            return new FuzzFailure(target, "crash", input, e.ToString());
        }
    }

    private FuzzFailure? Execute(byte[] input, out ulong feature) => Execute(_target, input, out feature);

    /// <summary>Failures with the same kind and first line (digits removed) count once.</summary>
    private static string Signature(FuzzFailure failure)
    {
        var first = failure.Details.Split('\n')[0];
        var stack = failure.Details.Split('\n').FirstOrDefault(static l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)) ?? string.Empty;
        var text = failure.Kind + "|" + first + "|" + stack;
        return new string(text.Where(static c => !char.IsDigit(c)).ToArray());
    }
}
