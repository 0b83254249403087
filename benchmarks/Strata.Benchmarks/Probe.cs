using System.Diagnostics;
using System.Globalization;
using System.Runtime;

namespace Strata.Benchmarks;

/// <summary>
/// A quick look at every benchmark without BenchmarkDotNet (<c>--probe [filter]</c>): the best and the median time of
/// batches of operations, and the bytes allocated per operation. Meant for profiling sessions on a busy machine, where
/// the best batch and the CPU time are the figures least disturbed by other processes; the figures to publish come from
/// BenchmarkDotNet.
/// </summary>
internal static class Probe
{
    private const int Batches = 40;
    private static readonly TimeSpan s_batchTarget = TimeSpan.FromMilliseconds(20);

    public static void Run(string? filter)
    {
        foreach (var entry in BenchmarkCatalog.Entries())
        {
            if (filter is not null && !entry.Name.Contains(filter, StringComparison.OrdinalIgnoreCase))
            {
                continue;
            }

            entry.GlobalSetup();
            if (entry.IterationSetup is null)
            {
                Measure(entry.Name, entry.Operation);
            }
            else
            {
                MeasureWithSetup(entry);
            }
        }
    }

    private static void Measure(string name, Action operation)
    {
        WarmUp(operation);

        var perBatch = 1;
        var clock = Stopwatch.StartNew();
        while (true)
        {
            clock.Restart();
            for (var i = 0; i < perBatch; i++)
            {
                operation();
            }

            if (clock.Elapsed >= s_batchTarget || perBatch >= 1 << 20)
            {
                break;
            }

            perBatch *= 2;
        }

        var times = new double[Batches];
        var cpu = new double[Batches];
        var bytes = long.MaxValue;
        var collections = GC.CollectionCount(0);
        var collections1 = GC.CollectionCount(1);
        var collections2 = GC.CollectionCount(2);
        var pause = GC.GetTotalPauseDuration();
        for (var b = 0; b < Batches; b++)
        {
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadClock.Now();
            clock.Restart();
            for (var i = 0; i < perBatch; i++)
            {
                operation();
            }

            times[b] = clock.Elapsed.TotalMicroseconds / perBatch;
            cpu[b] = (ThreadClock.Now() - cpuBefore) / perBatch;
            bytes = Math.Min(bytes, (GC.GetAllocatedBytesForCurrentThread() - before) / perBatch);
        }

        Report(name, times, bytes, cpu);
        var operations = (double)Batches * perBatch;
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{string.Empty,-56} collections per 1000 operations gen0 {1000 * (GC.CollectionCount(0) - collections) / operations:F1} gen1 {1000 * (GC.CollectionCount(1) - collections1) / operations:F1} gen2 {1000 * (GC.CollectionCount(2) - collections2) / operations:F1}, GC pause per operation {(GC.GetTotalPauseDuration() - pause).TotalMicroseconds / operations:F1} us"));
    }

    /// <summary>
    /// Runs the operation until tiered compilation has reached its optimized code: at least a second, then until no method
    /// was compiled for half a second (on a busy machine the background compiler lags by seconds; the anchors warm up for
    /// ten), at most ten seconds.
    /// </summary>
    private static void WarmUp(Action operation)
    {
        var warmup = Stopwatch.StartNew();
        var quiet = Stopwatch.StartNew();
        var compiled = JitInfo.GetCompiledMethodCount();
        while (warmup.ElapsedMilliseconds < 1000 || (quiet.ElapsedMilliseconds < 500 && warmup.ElapsedMilliseconds < 10_000))
        {
            operation();
            var now = JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                quiet.Restart();
            }
        }
    }

    private static void MeasureWithSetup(CatalogEntry entry)
    {
        var times = new double[Batches];
        var cpu = new double[Batches];
        var bytes = long.MaxValue;
        for (var w = 0; w < 10; w++)
        {
            entry.IterationSetup!();
            entry.Operation();
        }

        var clock = new Stopwatch();
        for (var b = 0; b < Batches; b++)
        {
            entry.IterationSetup!();
            var before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = ThreadClock.Now();
            clock.Restart();
            entry.Operation();
            times[b] = clock.Elapsed.TotalMicroseconds / entry.OperationsPerInvoke;
            cpu[b] = (ThreadClock.Now() - cpuBefore) / entry.OperationsPerInvoke;
            bytes = Math.Min(bytes, (GC.GetAllocatedBytesForCurrentThread() - before) / entry.OperationsPerInvoke);
        }

        Report(entry.Name, times, bytes, cpu);
    }

    private static void Report(string name, double[] times, long bytes, double[]? cpu)
    {
        Array.Sort(times);
        var cpuText = string.Empty;
        if (cpu is not null && ThreadClock.IsAvailable)
        {
            // The thread's CPU time: not disturbed by other processes taking turns on the cores.
            Array.Sort(cpu);
            cpuText = string.Create(CultureInfo.InvariantCulture, $"   thread cpu best {cpu[0],10:F2} us   median {cpu[cpu.Length / 2],10:F2} us");
        }

        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"{name,-56} best {times[0],10:F2} us   median {times[times.Length / 2],10:F2} us   {bytes,10} B/op{cpuText}"));
    }
}
