using System.Text.Json;
using Strata.Cli.Tests.Convert;

namespace Strata.Cli.Tests.Hosting;

/// <summary><c>${path}</c> on the command line: resolve keeps the expression, explain shows both origins, errors exit 1.</summary>
public sealed class InterpolationVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Resolve_writes_the_expression_an_override_set_and_the_effective_value_with_show_all()
    {
        var explicitOnly = await TestHost.Run("resolve", "job", "network.hidden=32", "network.ffn_hidden=${network.hidden}");
        var all = await TestHost.Run("resolve", "job", "network.hidden=32", "network.ffn_hidden=${network.hidden}", "--show", "all");

        Assert.Equal((0, 0), (explicitOnly.ExitCode, all.ExitCode));
        Assert.Contains("ffn_hidden: ${network.hidden}", explicitOnly.Output, StringComparison.Ordinal);
        Assert.Contains("ffn_hidden: 32", all.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_shows_the_interpolation_at_its_place_then_the_history_of_the_value_it_took()
    {
        var file = _dir.Write("job.yaml", "network:\n  hidden: 32\n  ffn_hidden: ${network.hidden}\n");

        var result = await TestHost.Run("explain", "job", "-c", file, "network.ffn_hidden");

        Assert.Equal(0, result.ExitCode);
        var line = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries)[1];
        Assert.Equal(
            "network.ffn_hidden  32     interpolation of network.hidden (" + file + ":3:15)  default → interpolation of network.hidden (" + file + ":3:15) ⇐ network.hidden: default → " + file + ":2:11",
            line);
    }

    [Fact]
    public async Task Explain_json_gives_the_typed_value_the_place_and_the_referenced_path()
    {
        var result = await TestHost.Run("explain", "job", "steps=7", "network.layers=${steps}", "network.layers", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var entry = Assert.Single(json.RootElement.EnumerateArray());
        Assert.Equal(7, entry.GetProperty("value").GetInt32());
        var origin = entry.GetProperty("origin");
        Assert.Equal("interpolation", origin.GetProperty("kind").GetString());
        Assert.Equal(2, origin.GetProperty("arg").GetInt32());
        Assert.Equal("interpolation of steps (cli arg #2)", origin.GetProperty("text").GetString());
        Assert.Equal(["steps"], entry.GetProperty("interpolates").EnumerateArray().Select(static e => e.GetString()));
    }

    [Fact]
    public async Task An_interpolation_error_exits_1_with_the_diagnostic_at_its_place()
    {
        var result = await TestHost.Run("validate", "job", "steps=${step}");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("cli arg #1: error STR0127: steps: unknown field `step` in JobConfig (did you mean `steps`?)", result.Error, StringComparison.Ordinal);
    }
}
