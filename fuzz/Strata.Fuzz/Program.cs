using System.Diagnostics;
using System.Globalization;
using Strata.Fuzz.Engine;

namespace Strata.Fuzz;

/// <summary>
/// The fuzzing harness of Strata (docs/robustness.md).
/// <code>
/// Strata.Fuzz mutate [--target yaml|json|override|hf|safetensors|rsp|env|all] [--executions N] [--seconds S] [--seeds DIR]... [--findings DIR] [--random N]
/// Strata.Fuzz afl yaml|json|override|hf|safetensors|rsp|env          (under afl-fuzz, after `sharpfuzz Strata.dll`)
/// Strata.Fuzz replay yaml|json|override|hf|safetensors|rsp|env FILE...
/// Strata.Fuzz stress [--threads N] [--resolves N] FILE...   (cold-start concurrency: see docs/robustness.md)
/// Strata.Fuzz hold-output STRATA-ARGS...                     (an output held half-written, for the signal tests)
/// </code>
/// </summary>
internal static class Program
{
    private static long s_started = -1;
    private static byte[] s_current = [];

    private static int Main(string[] args)
    {
        if (args.Length == 0)
        {
            Console.Error.WriteLine("usage: Strata.Fuzz mutate|afl|replay ... (see docs/robustness.md)");
            return 2;
        }

        return args[0] switch
        {
            "mutate" => Mutate(args[1..]),
            "afl" when args.Length == 2 => Afl(ParseTarget(args[1])),
            "replay" when args.Length >= 3 => Replay(ParseTarget(args[1]), args[2..]),
            "stress" => Stress.Run(args[1..]),
            "hold-output" => HoldOutput.Run(args[1..]),
            _ => Usage("unknown command or missing arguments: " + string.Join(' ', args)),
        };
    }

    private static int Usage(string message)
    {
        Console.Error.WriteLine("Strata.Fuzz: " + message);
        return 2;
    }

    private static FuzzTarget ParseTarget(string name) => name switch
    {
        "yaml" => FuzzTarget.Yaml,
        "json" => FuzzTarget.Json,
        "override" => FuzzTarget.Override,
        "hf" => FuzzTarget.HuggingFace,
        "safetensors" => FuzzTarget.Safetensors,
        "rsp" => FuzzTarget.ResponseFile,
        "env" => FuzzTarget.Environment,
        "sweep" => FuzzTarget.Sweep,
        "completion" => FuzzTarget.Completion,
        _ => throw new ArgumentException("unknown target '" + name + "'", nameof(name)),
    };

    private static int Mutate(string[] args)
    {
        var targets = new List<FuzzTarget>();
        long executions = 100_000;
        double? seconds = null;
        var seedDirectories = new List<string>();
        var findings = "fuzz/findings";
        var random = 1;
        for (var i = 0; i < args.Length; i++)
        {
            var value = i + 1 < args.Length ? args[i + 1] : string.Empty;
            switch (args[i])
            {
                case "--target":
                    targets.AddRange(value == "all" ? Enum.GetValues<FuzzTarget>() : [ParseTarget(value)]);
                    i++;
                    break;
                case "--executions":
                    executions = long.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--seconds":
                    seconds = double.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                case "--seeds":
                    seedDirectories.Add(value);
                    i++;
                    break;
                case "--findings":
                    findings = value;
                    i++;
                    break;
                case "--random":
                    random = int.Parse(value, CultureInfo.InvariantCulture);
                    i++;
                    break;
                default:
                    return Usage("unknown option " + args[i]);
            }
        }

        if (targets.Count == 0)
        {
            targets.AddRange(Enum.GetValues<FuzzTarget>());
        }

        StartWatchdog(findings);
        var total = 0L;
        var failures = 0;
        var clock = Stopwatch.StartNew();
        foreach (var target in targets)
        {
            var seeds = SeedFiles.Load(target, seedDirectories);
            var runner = new FuzzRunner(target, seeds, random);
            var stats = runner.Run(executions, seconds is { } s ? TimeSpan.FromSeconds(s) : null, failure => Save(findings, failure), Track);
            total += stats.Executions;
            failures += stats.Failures;
            Console.WriteLine(string.Create(
                CultureInfo.InvariantCulture,
                $"{target,-12} executions={stats.Executions,10} seconds={stats.Elapsed.TotalSeconds,8:F1} rate={stats.Rate,8:F0}/s seeds={seeds.Count,4} pool={stats.PoolSize,5} features={stats.Features,5} failures={stats.Failures} slowest={stats.Slowest.TotalMilliseconds:F0}ms"));
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"total        executions={total,10} seconds={clock.Elapsed.TotalSeconds,8:F1} rate={total / clock.Elapsed.TotalSeconds,8:F0}/s failures={failures}"));
        return failures == 0 ? 0 : 1;
    }

    private static void Track(byte[] input)
    {
        s_current = input;
        Interlocked.Exchange(ref s_started, Stopwatch.GetTimestamp());
    }

    /// <summary>An input that runs for 30 seconds is a hang: save it and stop, since a running call cannot be interrupted.</summary>
    private static void StartWatchdog(string findings)
    {
        var thread = new Thread(() =>
        {
            while (true)
            {
                Thread.Sleep(1000);
                var started = Interlocked.Read(ref s_started);
                if (started > 0 && Stopwatch.GetElapsedTime(started) > TimeSpan.FromSeconds(30))
                {
                    Save(findings, new FuzzFailure(FuzzTarget.Yaml, "hang", s_current, "ran for more than 30 s"));
                    Environment.Exit(3);
                }
            }
        })
        { IsBackground = true, Name = "fuzz watchdog" };
        thread.Start();
    }

    private static void Save(string directory, FuzzFailure failure)
    {
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, failure.Name);
        File.WriteAllBytes(path + ".input", failure.Input);
        File.WriteAllText(path + ".txt", failure.Target + " " + failure.Kind + "\n" + failure.Details + "\n");
        Console.WriteLine("FAILURE " + failure.Name + ": " + failure.Details.Split('\n')[0]);
    }

    private static int Replay(FuzzTarget target, string[] files)
    {
        var failed = 0;
        foreach (var file in files)
        {
            var failure = FuzzRunner.Execute(target, File.ReadAllBytes(file), out _);
            Console.WriteLine(file + ": " + (failure is null ? "ok" : failure.Kind + "\n" + failure.Details));
            failed += failure is null ? 0 : 1;
        }

        return failed == 0 ? 0 : 1;
    }

    /// <summary>
    /// AFL++ entry point: SharpFuzz runs the target in a loop inside this process and reports the coverage of the
    /// instrumented assemblies; an exception (a broken invariant included) is a crash.
    /// </summary>
    private static int Afl(FuzzTarget target)
    {
        SharpFuzz.Fuzzer.OutOfProcess.Run(stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            FuzzTargets.Run(target, buffer.ToArray());
        });
        return 0;
    }
}
