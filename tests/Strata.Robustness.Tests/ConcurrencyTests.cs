using Strata.Llm;
using Strata.Robustness.Tests.Infrastructure;

namespace Strata.Robustness.Tests;

/// <summary>
/// Resolving on many threads from the shared schema metadata gives what resolving one at a time gives, and a resolved
/// config can be read (fingerprint, YAML, JSON, provenance) from any number of threads at once.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class ConcurrencyTests
{
    private const int Threads = 8;
    private const int ResolvesPerThread = 200;

    /// <summary>Everything a resolved config shows, as one string.</summary>
    private static string Snapshot(Resolved<GPTTrainerConfig> resolved) =>
        resolved.Fingerprint + "\n" + resolved.ToYaml() + "\n" + resolved.ToYaml(Verbosity.All) + "\n" + resolved.ToJson(Verbosity.All) + "\n"
        + string.Join("\n", resolved.Explain().Select(static p => p.Path + "=" + p.Value + " @ " + string.Join(" > ", p.History)));

    [Fact]
    public void Eight_threads_resolving_the_workloads_get_the_same_results_as_one_thread()
    {
        var workloads = Workload.All;
        var expected = workloads.Select(static w => Snapshot(w.Resolve())).ToArray();
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        using var start = new Barrier(Threads);
        var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
        {
            start.SignalAndWait();
            for (var i = 0; i < ResolvesPerThread; i++)
            {
                var index = (t + i) % workloads.Count;
                try
                {
                    var actual = Snapshot(workloads[index].Resolve());
                    if (actual != expected[index])
                    {
                        failures.Add("thread " + t + ", resolve " + i + " of " + workloads[index] + " differs");
                    }
                }
                catch (Exception e)
                {
                    failures.Add("thread " + t + ", resolve " + i + " of " + workloads[index] + ": " + e);
                }
            }
        })).ToList();

        threads.ForEach(static t => t.Start());
        threads.ForEach(static t => t.Join());

        Assert.Empty(failures);
    }

    [Fact]
    public void One_resolved_config_reads_the_same_from_many_threads_at_once()
    {
        foreach (var workload in Workload.All)
        {
            var expected = Snapshot(workload.Resolve());
            var shared = workload.Resolve();   // fresh: its fingerprint is computed by the racing threads
            var results = new string[Threads * 4];
            using var start = new Barrier(Threads);
            var threads = Enumerable.Range(0, Threads).Select(t => new Thread(() =>
            {
                start.SignalAndWait();
                for (var i = 0; i < 4; i++)
                {
                    results[(t * 4) + i] = Snapshot(shared);
                }
            })).ToList();

            threads.ForEach(static t => t.Start());
            threads.ForEach(static t => t.Join());

            Assert.All(results, r => Assert.Equal(expected, r));
        }
    }

    [Fact]
    public async Task The_command_line_host_runs_concurrently_with_the_same_output()
    {
        var workload = Workload.All[1];
        string[] args = ["resolve", "gpt-trainer", .. workload.Arguments, "--show", "all"];
        var expected = await StrataCli.Run(args);

        var results = await Task.WhenAll(Enumerable.Range(0, 32).Select(_ => StrataCli.Run(TimeSpan.FromSeconds(30), args)));

        Assert.Equal(0, expected.ExitCode);
        Assert.All(results, r => Assert.Equal((expected.ExitCode, expected.Output, expected.Error), (r.ExitCode, r.Output, r.Error)));
    }

    [Fact]
    public async Task Threads_that_start_together_in_a_fresh_process_agree_with_one_thread()
    {
        // In this process the schema metadata is already built; a fresh process has every lazy table still to build.
        var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
        var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
        var exe = Path.Combine(StrataProcess.RepositoryRoot, "fuzz", "Strata.Fuzz", "bin", configuration, tfm, "Strata.Fuzz");
        Assert.True(File.Exists(exe), exe + " is not built");
        var start = new System.Diagnostics.ProcessStartInfo(exe) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "stress", "--threads", "8", "--resolves", "40" }.Concat(Workload.All.SelectMany(static w => w.Files).Distinct()))
        {
            start.ArgumentList.Add(a);
        }

        using var process = System.Diagnostics.Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 0, await output + await error);
        Assert.Contains("8 threads x 40 resolves", await output, StringComparison.Ordinal);
        Assert.Contains(", 0 differing", await output, StringComparison.Ordinal);
    }
}
