using BenchmarkDotNet.Running;

namespace Strata.Benchmarks;

/// <summary>
/// Runs the benchmarks chosen on the command line (BenchmarkDotNet's switches: --filter, --job, --inProcess...), or
/// with <c>--probe [name filter]</c> a quick look at each without BenchmarkDotNet.
/// </summary>
public static class Program
{
    /// <summary>The entry point.</summary>
    /// <param name="args">BenchmarkDotNet's arguments.</param>
    public static void Main(string[] args)
    {
        ArgumentNullException.ThrowIfNull(args);
        if (args.Length > 0 && args[0] == "--probe")
        {
            Probe.Run(args.Length > 1 ? args[1] : null);
            return;
        }

        BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args, BenchmarkSetup.Config);
    }
}
