using System.Text.Json;
using Strata.Cli.Tests.Hosting;

namespace Strata.Cli.Tests.Process;

/// <summary>The built <c>strata</c> as users run it: exit codes, streams, JSON shapes, help, colour, files.</summary>
public sealed class CliProcessTests
{
    private const string Example = "examples/from-scratch.yaml";

    [Fact]
    public async Task Resolving_the_example_exits_0_with_the_document_on_stdout_and_nothing_on_stderr()
    {
        var result = await StrataProcess.Run("resolve", "gpt-trainer", "-c", Example);

        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("run:\n  experiment_dir: runs/mistral-from-scratch\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("      num_layers: 32\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_example_loads_unchanged_from_fast_llm_and_its_output_resolves_to_the_same_config()
    {
        var first = await StrataProcess.Run("resolve", "gpt-trainer", "-c", Example, "--format", "json", "--show", "all");
        using var dir = new TempDirectory();
        var saved = dir.Write("saved.yaml", (await StrataProcess.Run("resolve", "gpt-trainer", "-c", Example)).Output);

        var second = await StrataProcess.Run("resolve", "gpt-trainer", "-c", saved, "--format", "json", "--show", "all");

        Assert.Equal(0, second.ExitCode);
        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task A_response_file_of_overrides_applies_in_order()
    {
        var result = await StrataProcess.Run("resolve", "gpt-trainer", "-c", Example, "@examples/overrides.txt", "training.train_iters=30");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  train_iters: 30\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("      num_layers: 4\n", result.Output, StringComparison.Ordinal);
        Assert.Contains("  experiment_dir: runs/mistral-smoke\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_value_exits_1_with_diagnostics_on_stderr_only()
    {
        var result = await StrataProcess.Run("resolve", "gpt-trainer", "-c", Example, "model.base_model.transformer.num_layers=-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(
            "cli arg #1: error STR0103: model.base_model.transformer.num_layers: must be >= 0, got -1\n1 error, 0 warnings\n",
            result.Error);
    }

    [Fact]
    public async Task An_error_in_a_file_points_at_its_line_and_column()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("bad.yaml", "training:\n  train_iters: 10\n  trian_iters: 3\n");

        var result = await StrataProcess.Run("validate", "gpt-trainer", "-c", file);

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith(file + ":3:3: error STR0101: training.trian_iters: ", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resolve", "gpt-trainers")]
    [InlineData("resolv", "gpt-trainer")]
    [InlineData("resolve", "gpt-trainer", "--bogus")]
    [InlineData("explain", "gpt-trainer", "--format", "yaml")]
    public async Task Usage_errors_exit_2_with_nothing_on_stdout(params string[] args)
    {
        var result = await StrataProcess.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith("strata: error: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_directory_given_as_a_config_file_is_an_input_error_without_a_stack_trace()
    {
        var result = await StrataProcess.Run("resolve", "gpt-trainer", "-c", "examples");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error STR0007", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_json_has_the_documented_shape()
    {
        var result = await StrataProcess.Run("explain", "gpt-trainer", "-c", Example, "training.train_iters=5", "training.train_iters", "batch.sequential_micro_batches", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["training.train_iters", "batch.sequential_micro_batches"], entries.Select(static e => e.GetProperty("path").GetString()));
        foreach (var entry in entries)
        {
            // A derived value also names the values it was derived from.
            string[] keys = entry.GetProperty("origin").GetProperty("kind").GetString() == "derived"
                ? ["path", "value", "text", "origin", "history", "depends_on"]
                : ["path", "value", "text", "origin", "history"];
            Assert.Equal(keys, entry.EnumerateObject().Select(static p => p.Name));
        }

        var iters = entries[0];
        Assert.Equal(5, iters.GetProperty("value").GetInt32());
        Assert.Equal("5", iters.GetProperty("text").GetString());
        Assert.Equal(["default", "file", "cli"], iters.GetProperty("history").EnumerateArray().Select(static h => h.GetProperty("kind").GetString()));
        var file = iters.GetProperty("history")[1];
        Assert.Equal(Example, file.GetProperty("file").GetString());
        Assert.True(file.GetProperty("line").GetInt32() > 0);
        Assert.True(file.GetProperty("column").GetInt32() > 0);
        Assert.Equal(1, iters.GetProperty("origin").GetProperty("arg").GetInt32());
        Assert.Equal("derived", entries[1].GetProperty("origin").GetProperty("kind").GetString());
        Assert.Contains("batch.batch_size", entries[1].GetProperty("depends_on").EnumerateArray().Select(static d => d.GetString()));
    }

    [Fact]
    public async Task Explain_text_is_a_table_with_the_history()
    {
        var result = await StrataProcess.Run("explain", "gpt-trainer", "-c", Example, "training.train_iters=5", "training.train_iters");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Matches(@"^PATH +VALUE +ORIGIN +HISTORY$", lines[0]);
        Assert.Matches(@"^training\.train_iters +5 +cli arg #1 \(training\.train_iters=…\) +default → examples/from-scratch\.yaml:\d+:\d+ → cli arg #1$", lines[1]);
    }

    [Fact]
    public async Task Kinds_lists_the_gpt_kinds()
    {
        var result = await StrataProcess.Run("kinds");

        Assert.Equal(0, result.ExitCode);
        Assert.StartsWith("gpt-trainer  ", result.Output, StringComparison.Ordinal);
        Assert.Contains("\ngpt-model    ", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnostics_are_plain_when_stderr_is_redirected()
    {
        var result = await StrataProcess.Run("validate", "gpt-trainer", "bogus=1");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Error);
        Assert.StartsWith("cli arg #1: error STR0101: bogus: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnostics_are_coloured_on_a_terminal_unless_NO_COLOR_is_set()
    {
        var coloured = await StrataProcess.RunInTerminal(new Dictionary<string, string?>(), "validate", "gpt-trainer", "bogus=1");
        var plain = await StrataProcess.RunInTerminal(new Dictionary<string, string?> { ["NO_COLOR"] = "1" }, "validate", "gpt-trainer", "bogus=1");
        Assert.SkipWhen(coloured is null || plain is null, "no `script` to give the tool a terminal");

        Assert.Contains("\u001b[1;31merror\u001b[0m STR0101", coloured, StringComparison.Ordinal);
        Assert.Contains("error STR0101: bogus: ", plain, StringComparison.Ordinal);
        Assert.DoesNotContain("\u001b[1;31m", plain, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Output_file_is_written_and_an_input_is_never_overwritten()
    {
        using var dir = new TempDirectory();
        var input = dir.Write("train.yaml", File.ReadAllText(Path.Combine(StrataProcess.RepositoryRoot, Example)));
        var before = File.ReadAllText(input);
        var output = Path.Combine(dir.Path, "resolved.yaml");

        var refused = await StrataProcess.Run("resolve", "gpt-trainer", "-c", input, "--show", "all", "-o", input);
        var written = await StrataProcess.Run("resolve", "gpt-trainer", "-c", input, "-o", output);

        Assert.Equal(2, refused.ExitCode);
        Assert.Contains("refusing to write the output to", refused.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(input));
        Assert.Equal(0, written.ExitCode);
        Assert.Equal(string.Empty, written.Output);
        Assert.StartsWith("run:\n", File.ReadAllText(output), StringComparison.Ordinal);
        Assert.Equal(["resolved.yaml", "train.yaml"], Directory.GetFiles(dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("help.txt", "--help")]
    [InlineData("resolve-help.txt", "resolve", "--help")]
    [InlineData("explain-help.txt", "explain", "--help")]
    [InlineData("diff-help.txt", "diff", "--help")]
    [InlineData("sweep-help.txt", "sweep", "--help")]
    [InlineData("completion-help.txt", "completion", "--help")]
    public async Task Help_text_matches_the_approved_snapshot(string snapshot, params string[] args)
    {
        var result = await StrataProcess.Run(args);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Snapshot.Match(snapshot, result.Output);
    }

    [Theory]
    [InlineData("gpt-trainer")]
    [InlineData("gpt-model")]
    public async Task Schema_of_a_gpt_kind_is_json_with_a_definition_per_config_class(string kind)
    {
        var result = await StrataProcess.Run("schema", kind);

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var definitions = json.RootElement.GetProperty("$defs");
        Assert.True(definitions.TryGetProperty("TransformerConfig", out var transformer));
        Assert.Equal(0, transformer.GetProperty("properties").GetProperty("num_layers").GetProperty("minimum").GetDouble());
    }
}
