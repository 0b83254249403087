using System.Diagnostics;
using Strata.Robustness.Tests.Infrastructure;

namespace Strata.Robustness.Tests;

/// <summary>
/// Hostile command lines to the real <c>strata</c> process (the cases a corpus row cannot carry: raw bytes, a 90 KB
/// argument): each ends with its exit code and one diagnostic with its place, quickly and without a stack trace.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class CommandLineTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task An_override_path_45_000_levels_deep_is_one_nesting_error_not_a_stack_overflow()
    {
        var result = await StrataProcess.Run("validate", "gpt-trainer", "a" + string.Concat(Enumerable.Repeat(".x", 44_999)) + "=1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal("cli arg #1: error STR0005: the path of the override nests deeper than the limit of 128 levels\n1 error, 0 warnings\n", result.Error);
        Assert.True(result.Elapsed < TimeSpan.FromSeconds(10), "took " + result.Elapsed);
    }

    [Theory]
    [InlineData("\\377", "byte 0xFF at byte 22")]
    [InlineData("caf\\351", "byte 0xE9 at byte 25")]
    [InlineData("\\355\\240\\200", "byte 0xED at byte 22")]
    public async Task An_argument_that_is_not_utf8_is_a_usage_error_naming_it(string bytes, string where)
    {
        var result = await RunThroughShell("exec \"$0\" validate gpt-trainer \"$(printf 'training.train_iters=" + bytes + "')\"");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("strata: error: argument #3: the argument is not valid UTF-8 (" + where + ")\nRun 'strata --help' for usage.\n", result.Error);
        Expect.NoStackTrace(result.Error);
    }

    [Fact]
    public async Task A_replacement_character_typed_as_utf8_is_an_ordinary_value()
    {
        var result = await RunThroughShell("exec \"$0\" resolve gpt-trainer \"$(printf 'run.experiment_name=a\\357\\277\\275b')\"");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("experiment_name: a\uFFFDb\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Response_files_that_include_each_other_end_with_the_chain()
    {
        var a = _dir.File("a.rsp");
        var b = _dir.Write("b.rsp", "@" + a + "\n");
        _dir.Write("a.rsp", "training.train_iters=5\n@" + b + "\n");

        var result = await StrataProcess.Run("validate", "gpt-trainer", "@" + a);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("strata: error: " + b + ":1: response files include each other: " + a + " -> " + b + " -> " + a + "\nRun 'strata --help' for usage.\n", result.Error);
    }

    /// <summary>Runs <c>strata</c> from <c>sh</c>, whose <c>printf</c> can pass bytes that .NET strings cannot.</summary>
    private static async Task<CliResult> RunThroughShell(string script)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = StrataProcess.RepositoryRoot,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(StrataProcess.Executable);
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("cannot start sh");
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        limit.CancelAfter(TimeSpan.FromSeconds(30));
        await process.WaitForExitAsync(limit.Token);
        return new CliResult(process.ExitCode, await output, await error, clock.Elapsed, 0);
    }
}
