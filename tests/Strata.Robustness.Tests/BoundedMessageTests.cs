using System.Globalization;
using Strata.Robustness.Tests.Infrastructure;

namespace Strata.Robustness.Tests;

/// <summary>
/// A value, key, path or token of a million characters, fed to every stage that reports about what it read (a wrong
/// type, a number out of range, a big integer, a float, an enum name, a rule, an unknown key, an unknown type, an
/// override that cannot be parsed, an environment value, an unknown path in <c>explain</c>, a usage error): the run
/// exits with the code of the contract, and every printed line is short, quotes a bounded part of the input and says
/// how long it was.
/// </summary>
[Collection(nameof(SerialCollection))]
public sealed class BoundedMessageTests : IDisposable
{
    /// <summary>The length of the hostile inputs: within <c>SourceLimits.MaxScalarLength</c>, so that every stage sees them.</summary>
    private const int Long = 1_000_000;

    /// <summary>No printed line may be longer: a diagnostic quotes at most a few inputs of 200 characters each.</summary>
    private const int MaxLine = 1000;

    private static readonly string s_letters = new('x', Long);
    private static readonly string s_digits = new('1', Long);

    private readonly TempDirectory _dir = new();

    public static TheoryData<string> Stages => new(
        "wrong type", "int out of range", "big integer past the digit limit", "float out of range", "enum name", "rule",
        "unknown key", "unknown type", "override syntax", "environment value", "explain unknown path", "file value",
        "duplicate key", "not an override");

    public void Dispose() => _dir.Dispose();

    [Theory]
    [MemberData(nameof(Stages))]
    public async Task A_million_character_input_gives_a_short_line_that_says_how_long_it_was(string stage)
    {
        var (environment, exit, code, length, args) = Case(stage);

        var result = await StrataCli.Run(Strata.Cli.Program.CreateHost(environment), StrataCli.DefaultTimeout, args);

        var context = stage + ": exit " + result.ExitCode + "\n" + Head(result.Error);
        Assert.True(result.ExitCode == exit, context);
        Assert.True(result.Output.Length == 0, context);
        Expect.NoStackTrace(result.Error);
        var lines = result.Error.Split('\n');
        Assert.All(lines, line => Assert.True(line.Length <= MaxLine, "a line of " + line.Length + " characters: " + context));
        var first = Assert.Single(lines, l => l.Contains(code, StringComparison.Ordinal));
        Assert.Contains("(" + length.ToString(CultureInfo.InvariantCulture) + " characters)", first, StringComparison.Ordinal);
        Assert.True(result.AllocatedBytes < 256L << 20, stage + " allocated " + result.AllocatedBytes + " bytes");
    }

    [Fact]
    public async Task A_parse_error_of_the_command_line_library_is_capped_at_the_length_of_a_message()
    {
        var result = await StrataCli.Run("validate", s_letters);

        Assert.Equal(2, result.ExitCode);
        Assert.All(result.Error.Split('\n'), line => Assert.True(line.Length <= MessageText.MaxMessageLength + 100, "a line of " + line.Length + " characters"));
        Assert.Contains(" characters)", result.Error, StringComparison.Ordinal);
    }

    private (IReadOnlyDictionary<string, string?>? Environment, int Exit, string Code, int Length, string[] Args) Case(string stage) => stage switch
    {
        "wrong type" => (null, 1, "STR0102", Long, ["validate", "gpt-trainer", "training.train_iters=" + s_letters]),
        "int out of range" => (null, 1, "STR0104", Long, ["validate", "gpt-trainer", "training.train_iters=" + s_digits]),
        "big integer past the digit limit" => (null, 1, "STR0104", Long, ["validate", "gpt-trainer", "model.distributed.dp_seed_shift=" + s_digits]),
        "float out of range" => (null, 1, "STR0104", Long, ["validate", "gpt-trainer", "optimizer.learning_rate.base=" + s_digits]),
        "enum name" => (null, 1, "STR0105", Long, ["validate", "gpt-trainer", "model.base_model.transformer.activation_type=" + s_letters]),
        "rule" => (null, 1, "STR0103", Long, ["validate", "gpt-trainer", "pretrained.format=" + s_letters]),
        "unknown key" => (null, 1, "STR0101", 1000, ["validate", "gpt-trainer", "training." + new string('x', 1000) + "=1"]),
        "unknown type" => (null, 1, "STR0106", Long, ["validate", "gpt-trainer", "data.datasets.training.type=" + s_letters]),
        "override syntax" => (null, 1, "STR0010", Long + 22, ["validate", "gpt-trainer", "training.train_iters=[" + s_letters]),
        "environment value" => (new Dictionary<string, string?> { ["WORLD_SIZE"] = s_letters }, 1, "STR0118", Long, ["validate", "gpt-trainer"]),
        "explain unknown path" => (null, 1, "STR0101", Long + 6, ["explain", "gpt-trainer", "model." + s_letters]),
        "file value" => (null, 1, "STR0102", Long, ["validate", "gpt-trainer", "-c", _dir.Write("value.yaml", "training:\n  train_iters: '" + s_letters + "'\n")]),
        "duplicate key" => (null, 1, "STR0002", 1024, ["validate", "gpt-trainer", "-c", _dir.Write("keys.yaml", "? " + new string('k', 1024) + "\n: 1\n? " + new string('k', 1024) + "\n: 2\n")]),
        "not an override" => (null, 2, "is not a KEY=VALUE override", Long, ["validate", "gpt-trainer", s_letters]),
        _ => throw new ArgumentException("no stage " + stage, nameof(stage)),
    };

    private static string Head(string text) => text.Length > 3000 ? text[..3000] + "…" : text;
}
