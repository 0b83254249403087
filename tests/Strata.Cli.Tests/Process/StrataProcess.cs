using System.Diagnostics;
using Strata.Cli.Tests.Hosting;

namespace Strata.Cli.Tests.Process;

/// <summary>
/// Starts the built <c>strata</c> (src/Strata.Cli/bin/&lt;configuration&gt;/net10.0, or the binary named by
/// <c>STRATA_EXE</c>, such as the NativeAOT one) from the repository root, with both streams captured.
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

            // The test binary lives in tests/Strata.Cli.Tests/bin/<configuration>/<tfm>/; the tool is built alongside.
            var tfm = new DirectoryInfo(AppContext.BaseDirectory).Name;
            var configuration = new DirectoryInfo(AppContext.BaseDirectory).Parent!.Name;
            var name = OperatingSystem.IsWindows() ? "Strata.Cli.exe" : "Strata.Cli";
            return Path.Combine(RepositoryRoot, "src", "Strata.Cli", "bin", configuration, tfm, name);
        }
    }

    public static Task<HostResult> Run(params string[] args) => Run(null, args);

    public static Task<HostResult> Run(IReadOnlyDictionary<string, string?>? environment, params string[] args) => Run(RepositoryRoot, environment, args);

    /// <summary>Runs the tool in another working directory.</summary>
    public static Task<HostResult> RunIn(string workingDirectory, params string[] args) => Run(workingDirectory, null, args);

    private static async Task<HostResult> Run(string workingDirectory, IReadOnlyDictionary<string, string?>? environment, string[] args)
    {
        var start = new ProcessStartInfo(Executable)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in args)
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("NO_COLOR");
        foreach (var (name, value) in environment ?? new Dictionary<string, string?>())
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("cannot start " + Executable);
        process.StandardInput.Close();
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return new HostResult(process.ExitCode, await output, await error);
    }

    /// <summary>Runs the tool under <c>script</c>, which gives it a terminal: the terminal's text, both streams mixed.</summary>
    public static async Task<string?> RunInTerminal(IReadOnlyDictionary<string, string?> environment, params string[] args)
    {
        if (OperatingSystem.IsWindows() || !File.Exists("/usr/bin/script"))
        {
            return null;
        }

        var command = string.Join(' ', new[] { Executable }.Concat(args).Select(static a => "'" + a.Replace("'", "'\\''", StringComparison.Ordinal) + "'"));
        var start = new ProcessStartInfo("/usr/bin/script")
        {
            WorkingDirectory = RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        foreach (var a in new[] { "-q", "-e", "-c", command, "/dev/null" })
        {
            start.ArgumentList.Add(a);
        }

        start.Environment.Remove("NO_COLOR");
        start.Environment["TERM"] = "xterm";
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = System.Diagnostics.Process.Start(start) ?? throw new InvalidOperationException("cannot start script");
        process.StandardInput.Close();
        var output = await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return output;
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
