using System.Diagnostics;
using Strata.Hosting;

namespace Strata.Robustness.Tests.Infrastructure;

/// <summary>The real <c>strata</c> host (<c>Strata.Cli.Program.CreateHost</c>), run in process with captured streams.</summary>
internal static class StrataCli
{
    /// <summary>The time any single run may take before the test fails.</summary>
    public static readonly TimeSpan DefaultTimeout = TimeSpan.FromSeconds(5);

    public static ConfigHost CreateHost() => Strata.Cli.Program.CreateHost();

    public static Task<CliResult> Run(params string[] args) => Run(CreateHost(), DefaultTimeout, args);

    public static Task<CliResult> Run(TimeSpan timeout, params string[] args) => Run(CreateHost(), timeout, args);

    /// <summary>
    /// Runs the host on a pool thread and gives up after <paramref name="timeout"/> (the run itself is synchronous, so
    /// waiting on the calling thread could not time out).
    /// </summary>
    public static async Task<CliResult> Run(ConfigHost host, TimeSpan timeout, params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        var allocated = GC.GetTotalAllocatedBytes(precise: false);
        var clock = Stopwatch.StartNew();
        var run = Task.Run(() => host.RunAsync(args, output, error, TestContext.Current.CancellationToken));
        int code;
        try
        {
            code = await run.WaitAsync(timeout, TestContext.Current.CancellationToken);
        }
        catch (TimeoutException)
        {
            Assert.Fail("strata " + string.Join(' ', args) + " ran for more than " + timeout.TotalSeconds + " s");
            throw;
        }

        clock.Stop();
        return new CliResult(code, output.ToString(), error.ToString(), clock.Elapsed, GC.GetTotalAllocatedBytes(precise: false) - allocated);
    }
}
