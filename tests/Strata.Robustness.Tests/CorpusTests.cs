using Strata.Robustness.Tests.Infrastructure;

namespace Strata.Robustness.Tests;

/// <summary>
/// Every input of Corpus/manifest.tsv through the real <c>strata</c> host: the exit code, the first diagnostic with its
/// code and place, nothing on standard output after a failure, no stack trace, no control character, and bounded time
/// and allocations. A sample also runs as a real process.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class CorpusTests : IDisposable
{
    /// <summary>No case may allocate more than this (the largest inputs are 16 MiB; see docs/robustness.md).</summary>
    private const long MaxAllocatedBytes = 1L << 30;

    private readonly TempDirectory _dir = new();

    public static TheoryData<string> Cases => new(CorpusCase.All.Select(static c => c.Name));

    public static TheoryData<string> ProcessCases => new(CorpusCase.All.Where(static c => c.AsProcess).Select(static c => c.Name));

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Each_input_is_accepted_or_rejected_with_its_code_and_place(string name)
    {
        var c = CorpusCase.All.Single(x => x.Name == name);
        var input = InputPath(c);

        var host = c.Environment is { } environment ? Strata.Cli.Program.CreateHost(environment) : StrataCli.CreateHost();
        var result = await StrataCli.Run(host, TimeoutOf(c), c.Expand(input, _dir.Path));

        Check(c, input, result);
        Assert.True(result.AllocatedBytes < MaxAllocatedBytes, name + " allocated " + result.AllocatedBytes + " bytes");
    }

    [Theory]
    [MemberData(nameof(ProcessCases))]
    public async Task Sampled_inputs_behave_the_same_in_a_real_process(string name)
    {
        var c = CorpusCase.All.Single(x => x.Name == name);
        var input = InputPath(c);

        var result = await StrataProcess.Run(c.Environment, TimeoutOf(c) + TimeSpan.FromSeconds(10), c.Expand(input, _dir.Path));

        Check(c, input, result);
    }

    [Fact]
    public void Every_corpus_file_is_in_the_manifest()
    {
        var listed = CorpusCase.All.Select(static c => c.Input).ToHashSet(StringComparer.Ordinal);
        var files = Directory.EnumerateFiles(CorpusCase.CorpusDirectory, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(CorpusCase.CorpusDirectory, f).Replace('\\', '/'))
            // The inputs kept from fuzzing (fuzz/) are run by FuzzSmokeTests through their target, not by the manifest.
            .Where(static f => f != "manifest.tsv" && !f.EndsWith(".md", StringComparison.Ordinal) && !f.StartsWith("fuzz/", StringComparison.Ordinal))
            .Where(f => !listed.Contains(f) && !listed.Any(l => f.StartsWith(l + "/", StringComparison.Ordinal)));
        Assert.Empty(files);
    }

    [Fact]
    public void Case_names_are_unique()
    {
        var duplicates = CorpusCase.All.GroupBy(static c => c.Name).Where(static g => g.Count() > 1).Select(static g => g.Key);
        Assert.Empty(duplicates);
    }

    /// <summary>
    /// 5 s per case; the FIFO waits for <see cref="Sources.SourceLimits.MaxReadTime"/> first, and the two inputs at the
    /// size and node limits (16 MB, a million nodes: about 2 s on an idle core, twice that with both cores busy) get 15 s
    /// so that a loaded CI machine does not fail them (docs/robustness.md); so do the 60 000 unknown paths of
    /// <c>explain</c> (60 000 closest-path searches and 60 000 printed diagnostics: about 1.5 s of CPU in a process), and
    /// the shard index that is <c>/dev/zero</c> (read to its size limit, 100 MB, before it is refused).
    /// </summary>
    private static TimeSpan TimeoutOf(CorpusCase c) => c.Input switch
    {
        "gen:fifo.yaml" => StrataCli.DefaultTimeout + Sources.SourceLimits.Default.MaxReadTime + TimeSpan.FromSeconds(5),
        "gen:many-nodes.yaml" or "gen:largest-within-limits.yaml" or "gen:unknown-explain-paths.rsp" or "gen:weights-index-dev-zero" => TimeSpan.FromSeconds(15),
        _ => StrataCli.DefaultTimeout,
    };

    private string? InputPath(CorpusCase c) => c.Input switch
    {
        "-" => null,
        ['g', 'e', 'n', ':', .. var generated] => GeneratedInputs.Create(generated, _dir),
        _ => Path.Combine(CorpusCase.CorpusDirectory, c.Input),
    };

    private static void Check(CorpusCase c, string? input, CliResult result)
    {
        var context = c.Name + "\n--- stderr ---\n" + result.Error + "--- stdout ---\n" + Truncate(result.Output);
        Assert.True(c.ExitCode == result.ExitCode, "exit " + result.ExitCode + ", expected " + c.ExitCode + ": " + context);
        Expect.NoStackTrace(result.Error);
        Expect.NoStackTrace(result.Output);
        Expect.PrintableLines(result.Error);
        Expect.PrintableLines(result.Output, "output");
        if (c.ExitCode != 0 && c.Arguments.Split(' ')[0] != "inspect-weights")
        {
            Assert.True(result.Output.Length == 0, "output after a failure: " + context);
        }

        var lines = result.Error.Split('\n');

        // However many problems an input holds, the error stream is a screenful: the printer shows at most
        // MaxShownLines diagnostics and counts the rest (a few lines more for a sweep's summary and warnings).
        Assert.True(lines.Length <= Hosting.CommandLine.DiagnosticPrinter.MaxShownLines + 10, lines.Length + " lines on the error stream: " + Truncate(context));
        if (c.ExpectedLine(input) is { } expected)
        {
            var first = lines.FirstOrDefault(static l => l.Contains("error", StringComparison.Ordinal)) ?? string.Empty;
            Assert.True(first.StartsWith(expected, StringComparison.Ordinal), "expected a line starting with '" + expected + "': " + context);
        }
        else
        {
            Assert.True(!lines.Any(static l => l.Contains(": error", StringComparison.Ordinal) || l.StartsWith("error", StringComparison.Ordinal)), "an error for a valid input: " + context);
        }
    }

    private static string Truncate(string text) => text.Length > 2000 ? text[..2000] + "…" : text;
}
