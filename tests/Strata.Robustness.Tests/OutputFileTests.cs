using Strata.Hosting;
using Strata.Robustness.Tests.Infrastructure;

namespace Strata.Robustness.Tests;

/// <summary>
/// Every file the command line writes (<c>resolve -o</c>, <c>docs -o</c>) goes to a temporary file in the target's
/// directory and is renamed into place: a fault in the middle of the write leaves the old file as it was and no
/// temporary file behind, and an output that is one of the inputs is refused.
/// </summary>
public sealed class OutputFileTests : IDisposable
{
    private const string Old = "old: content\n";
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static async Task<CliResult> RunWithFault(Action<string> fault, params string[] args)
    {
        OutputFile.FaultAfterPartialWrite = fault;
        try
        {
            return await StrataCli.Run(args);
        }
        finally
        {
            OutputFile.FaultAfterPartialWrite = null;
        }
    }

    public static TheoryData<string[]> Writers => new(
        ["resolve", "gpt-trainer", "training.train_iters=5"],
        ["resolve", "gpt-trainer", "training.train_iters=5", "--format", "json", "--show", "all"],
        ["docs", "gpt-model"]);

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task A_fault_in_the_middle_of_a_write_leaves_the_old_file_intact(string[] args)
    {
        var target = _dir.Write("out.txt", Old);
        string? temporary = null;

        var result = await RunWithFault(
            path =>
            {
                temporary = path;
                Assert.True(File.Exists(path));
                Assert.Equal(Old, File.ReadAllText(target));
                throw new IOException("No space left on device (injected)");
            },
            [.. args, "-o", target]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("strata: error: cannot write '" + target + "': No space left on device (injected)\n", result.Error, StringComparison.Ordinal);
        Expect.NoStackTrace(result.Error);
        Assert.Equal(Old, File.ReadAllText(target));
        Assert.NotNull(temporary);
        Assert.Equal(Path.GetDirectoryName(target), Path.GetDirectoryName(temporary));
        Assert.Equal([target], Directory.GetFiles(_dir.Path));
    }

    [Theory]
    [MemberData(nameof(Writers))]
    public async Task A_write_replaces_the_file_whole_and_leaves_no_temporary_file(string[] args)
    {
        var target = _dir.Write("out.txt", Old);
        string? seenMidway = null;

        var result = await RunWithFault(_ => seenMidway = File.ReadAllText(target), [.. args, "-o", target]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(Old, seenMidway);
        Assert.NotEqual(Old, File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_dir.Path));
    }

    [Fact]
    public async Task A_directory_as_the_output_is_an_error_and_stays_a_directory()
    {
        var target = Directory.CreateDirectory(_dir.File("out")).FullName;

        var result = await StrataCli.Run("resolve", "gpt-trainer", "-o", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("it is a directory", result.Error, StringComparison.Ordinal);
        Assert.True(Directory.Exists(target));
        Expect.NoStackTrace(result.Error);
    }

    [Fact]
    public async Task An_output_through_a_regular_file_is_an_error_without_a_stack_trace()
    {
        var file = _dir.Write("file.yaml", Old);

        var result = await StrataCli.Run("resolve", "gpt-trainer", "-o", Path.Combine(file, "out.yaml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("strata: error: cannot write '", result.Error, StringComparison.Ordinal);
        Assert.Equal(Old, File.ReadAllText(file));
        Expect.NoStackTrace(result.Error);
    }

    public static TheoryData<string> InputSpellings => new("same", "dot-dot", "symlink", "response-file");

    [Theory]
    [MemberData(nameof(InputSpellings))]
    public async Task An_output_that_is_an_input_is_refused_and_the_input_kept(string spelling)
    {
        var input = _dir.Write("train.yaml", "training:\n  train_iters: 7\n");
        var args = _dir.Write("args.txt", "training.train_iters=8\n");
        Directory.CreateDirectory(_dir.File("sub"));
        var link = _dir.File("link.yaml");
        File.CreateSymbolicLink(link, input);
        var (output, extra) = spelling switch
        {
            "same" => (input, Array.Empty<string>()),
            "dot-dot" => (Path.Combine(_dir.Path, "sub", "..", "train.yaml"), []),
            "symlink" => (link, []),
            _ => (args, ["@" + args]),
        };

        var result = await StrataCli.Run(["resolve", "gpt-trainer", "-c", input, .. extra, "-o", output]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("refusing to write the output to", result.Error, StringComparison.Ordinal);
        Assert.Equal("training:\n  train_iters: 7\n", File.ReadAllText(input));
        Assert.Equal("training.train_iters=8\n", File.ReadAllText(args));
    }

    [Fact]
    public async Task An_invalid_config_never_touches_the_output()
    {
        var target = _dir.Write("out.yaml", Old);
        var calls = 0;

        var result = await RunWithFault(_ => calls++, "resolve", "gpt-trainer", "model.base_model.transformer.num_layers=-1", "-o", target);

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(0, calls);
        Assert.Equal(Old, File.ReadAllText(target));
    }
}

/// <summary>Checkpoint config writes (<c>CheckpointConfigWriter.Save</c>) replace the file whole or not at all.</summary>
public sealed class CheckpointWriteTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    private static Strata.Llm.Models.GPTModelConfig Model() =>
        new ConfigResolver<Strata.Llm.PretrainedGPTModelConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() })
            .AddOverride("pretrained.path=\"" + Path.Combine(StrataProcess.RepositoryRoot, "examples", "checkpoints", "tiny-llama") + "\"")
            .AddOverride("pretrained.format=llama")
            .Resolve().Config.Model;

    [Theory]
    [InlineData("llama", "config.json")]
    [InlineData("fast_llm", "metadata.yaml")]
    public void A_write_replaces_the_config_whole_and_leaves_no_temporary_file(string format, string file)
    {
        var target = _dir.Write(file, "old\n");

        var written = Strata.Llm.Checkpoints.CheckpointConfigWriter.Save(Model(), _dir.Path, format);

        Assert.Equal(target, written);
        Assert.NotEqual("old\n", File.ReadAllText(target));
        Assert.Equal([target], Directory.GetFiles(_dir.Path));
        var diagnostics = new List<Diagnostic>();
        Assert.NotNull(Strata.Llm.Checkpoints.CheckpointConfigReader.Default.ReadModelConfig(_dir.Path, format, diagnostics));
        Assert.DoesNotContain(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
    }

    [Theory]
    [InlineData("llama", "config.json")]
    [InlineData("fast_llm", "metadata.yaml")]
    public void A_failed_write_leaves_what_was_there_and_no_temporary_file(string format, string file)
    {
        // The target's name is taken by a directory with content: the final rename fails, after the whole write.
        var blocker = Directory.CreateDirectory(_dir.File(file)).FullName;
        File.WriteAllText(Path.Combine(blocker, "keep.txt"), "kept\n");

        var error = Record.Exception(() => Strata.Llm.Checkpoints.CheckpointConfigWriter.Save(Model(), _dir.Path, format));

        Assert.True(error is IOException or UnauthorizedAccessException, error?.ToString());
        Assert.Equal("kept\n", File.ReadAllText(Path.Combine(blocker, "keep.txt")));
        Assert.Empty(Directory.GetFiles(_dir.Path));
    }
}
