using System.Diagnostics;

namespace Strata.Robustness.Tests.Infrastructure;

/// <summary>
/// Starts the built <c>strata</c> (src/Strata.Cli/bin/&lt;configuration&gt;/net10.0/Strata.Cli, or the binary named by
/// <c>STRATA_EXE</c>, such as the NativeAOT one) with both streams captured and a given environment.
/// </summary>
internal static class StrataProcess
{
    private static readonly Lazy<string> s_root = new(FindRoot);

    public static string RepositoryRoot => s_root.Value;

    public static string Executable
    {
        get
        {
            var configured = Environment.GetEnvironmentVariable("STRATA_EXE");
            if (!string.IsNullOrEmpty(configured))
            {
                return Path.GetFullPath(configured);
            }

            var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent?.Name ?? "Debug";
            return Path.Combine(RepositoryRoot, "src", "Strata.Cli", "bin", configuration, tfm, OperatingSystem.IsWindows() ? "Strata.Cli.exe" : "Strata.Cli");
        }
    }

    public static Task<CliResult> Run(params string[] args) => Run(null, TimeSpan.FromSeconds(30), args);

    public static Task<CliResult> Run(IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, params string[] args) =>
        Run([], RepositoryRoot, environment, timeout, args);

    /// <summary>
    /// Runs strata through <paramref name="wrapper"/> (a command and its arguments, such as <c>sh -c 'exec "$0" "$@" &gt; FILE'</c>
    /// or <c>setpriv --reuid=...</c>; strata's path and arguments follow it), in <paramref name="workingDirectory"/>.
    /// </summary>
    public static async Task<CliResult> Run(IReadOnlyList<string> wrapper, string workingDirectory, IReadOnlyDictionary<string, string?>? environment, TimeSpan timeout, params string[] args)
    {
        var start = new ProcessStartInfo(wrapper.Count > 0 ? wrapper[0] : Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in wrapper.Count > 0 ? [.. wrapper.Skip(1), Executable, .. args] : args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            if (value is null)
            {
                start.Environment.Remove(name);
            }
            else
            {
                start.Environment[name] = value;
            }
        }

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Executable);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(timeout);
        try
        {
            await process.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail("strata " + string.Join(' ', args) + " ran for more than " + timeout.TotalSeconds + " s");
        }

        return new CliResult(process.ExitCode, await output, await error, clock.Elapsed, 0);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Strata.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Strata.slnx not found above " + AppContext.BaseDirectory);
    }
}
