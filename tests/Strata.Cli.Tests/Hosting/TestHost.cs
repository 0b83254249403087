using Strata.Cli.Tests.Model;
using Strata.Hosting;

namespace Strata.Cli.Tests.Hosting;

/// <summary>A host with the test kinds, run in process with captured streams and an empty environment.</summary>
internal static class TestHost
{
    public static ConfigHost Create(Func<Resolved<JobConfig>, CancellationToken, int>? run = null) =>
        new ConfigHost("jobs", "Runs test jobs.") { Environment = new Dictionary<string, string?>() }
            .AddKind<JobConfig>("job", "A training job.", run ?? ((_, _) => 0))
            .AddKind<NetworkConfig>("network", "A network alone.");

    public static Task<HostResult> Run(params string[] args) => Run(Create(), args);

    public static async Task<HostResult> Run(ConfigHost host, params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var code = await host.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return new HostResult(code, output.ToString(), error.ToString());
    }
}
