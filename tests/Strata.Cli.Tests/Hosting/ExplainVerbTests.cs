using System.Text.Json;
using Strata.Cli.Tests.Convert;

namespace Strata.Cli.Tests.Hosting;

public sealed class ExplainVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Explain_shows_value_origin_and_history_from_default_to_file_to_override()
    {
        var file = _dir.Write("job.yaml", "steps: 10\n");

        var result = await TestHost.Run("explain", "job", "-c", file, "steps=20", "steps");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.StartsWith("PATH", lines[0], StringComparison.Ordinal);
        Assert.Equal("steps  20     cli arg #1 (steps=…)  default → " + file + ":1:8 → cli arg #1", lines[1]);
    }

    [Fact]
    public async Task Explain_without_paths_lists_every_leaf_and_computed_field()
    {
        var result = await TestHost.Run("explain", "job");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("network.ffn_hidden", result.Output, StringComparison.Ordinal);
        Assert.Contains("network.mlp_parameters", result.Output, StringComparison.Ordinal);
        Assert.Contains("learning_rate", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_of_a_section_lists_the_leaves_under_it()
    {
        var result = await TestHost.Run("explain", "job", "network");

        var paths = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(static l => l.Split(' ')[0]).ToList();
        Assert.Equal(["network.layers", "network.hidden", "network.ffn_hidden", "network.mlp_parameters"], paths);
    }

    [Fact]
    public async Task Explain_json_is_an_array_of_path_value_origin_and_history()
    {
        var file = _dir.Write("job.yaml", "network:\n  hidden: 32\n");

        var result = await TestHost.Run("explain", "job", "-c", file, "network.hidden=48", "network.hidden", "network.ffn_hidden", "steps", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(3, entries.Count);

        var hidden = entries[0];
        Assert.Equal("network.hidden", hidden.GetProperty("path").GetString());
        Assert.Equal(48, hidden.GetProperty("value").GetInt32());
        Assert.Equal("48", hidden.GetProperty("text").GetString());
        var origin = hidden.GetProperty("origin");
        Assert.Equal("cli", origin.GetProperty("kind").GetString());
        Assert.Equal(JsonValueKind.Null, origin.GetProperty("file").ValueKind);
        Assert.Equal(JsonValueKind.Null, origin.GetProperty("line").ValueKind);
        Assert.Equal(1, origin.GetProperty("arg").GetInt32());
        var history = hidden.GetProperty("history").EnumerateArray().ToList();
        Assert.Equal(["default", "file", "cli"], history.Select(static h => h.GetProperty("kind").GetString()));
        Assert.Equal(file, history[1].GetProperty("file").GetString());
        Assert.Equal(2, history[1].GetProperty("line").GetInt32());
        Assert.Equal(JsonValueKind.Null, history[1].GetProperty("arg").ValueKind);

        var ffn = entries[1];
        Assert.Equal(192, ffn.GetProperty("value").GetInt32());
        Assert.Equal("derived", ffn.GetProperty("origin").GetProperty("kind").GetString());

        var steps = entries[2];
        Assert.Equal("default", steps.GetProperty("origin").GetProperty("kind").GetString());
        Assert.Single(steps.GetProperty("history").EnumerateArray());
    }

    [Fact]
    public async Task Explain_json_carries_every_origin_key_on_every_origin()
    {
        var result = await TestHost.Run("explain", "job", "--format", "json");

        using var json = JsonDocument.Parse(result.Output);
        foreach (var entry in json.RootElement.EnumerateArray())
        {
            foreach (var origin in entry.GetProperty("history").EnumerateArray().Append(entry.GetProperty("origin")))
            {
                Assert.Equal(["kind", "file", "line", "column", "arg", "text"], origin.EnumerateObject().Select(static p => p.Name));
            }
        }
    }

    [Fact]
    public async Task Explain_json_values_are_typed_and_the_text_is_the_table_value()
    {
        var file = _dir.Write("job.yaml", "learning_rate: 1.0e-05\nname: \"x: 1\"\n");

        var result = await TestHost.Run("explain", "job", "-c", file, "steps=7", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var byPath = json.RootElement.EnumerateArray().ToDictionary(static e => e.GetProperty("path").GetString()!);
        Assert.Equal(7, byPath["steps"].GetProperty("value").GetInt32());
        Assert.Equal("7", byPath["steps"].GetProperty("text").GetString());
        Assert.Equal("1.0e-05", byPath["learning_rate"].GetProperty("value").GetRawText());
        Assert.Equal("x: 1", byPath["name"].GetProperty("value").GetString());
        Assert.Equal("\"x: 1\"", byPath["name"].GetProperty("text").GetString());
        Assert.Equal(256, byPath["network.ffn_hidden"].GetProperty("value").GetInt32());
        Assert.Equal(32768, byPath["network.mlp_parameters"].GetProperty("value").GetInt64());
    }

    [Fact]
    public async Task Explain_json_values_are_the_json_values_resolve_writes_at_the_same_paths()
    {
        var example = Path.Combine(StrataHost.Root, "examples", "from-scratch.yaml");

        var explained = await StrataHost.Run("explain", "gpt-trainer", "-c", example, "--format", "json");
        var resolved = await StrataHost.Run("resolve", "gpt-trainer", "-c", example, "--show", "all", "--format", "json");

        Assert.Equal(0, explained.ExitCode);
        using var explainJson = JsonDocument.Parse(explained.Output);
        using var resolveJson = JsonDocument.Parse(resolved.Output);
        var compared = 0;
        var kinds = new HashSet<JsonValueKind>();
        foreach (var entry in explainJson.RootElement.EnumerateArray())
        {
            var value = entry.GetProperty("value");
            if (TryGet(resolveJson.RootElement, entry.GetProperty("path").GetString()!, out var written))
            {
                Assert.Equal(written.GetRawText(), value.GetRawText());
                kinds.Add(value.ValueKind);
                compared++;
            }
        }

        Assert.True(compared > 200, compared + " values compared");
        Assert.Superset(
            new HashSet<JsonValueKind> { JsonValueKind.Number, JsonValueKind.True, JsonValueKind.False, JsonValueKind.String, JsonValueKind.Null, JsonValueKind.Array, JsonValueKind.Object },
            kinds);
    }

    [Theory]
    [InlineData("token=hunter2", "***")]
    [InlineData("token=", "(unset)")]
    [InlineData("steps=1", "(unset)")]
    public async Task Explain_json_shows_a_secret_as_set_or_unset_and_never_its_value(string argument, string shown)
    {
        var result = await TestHost.Run("explain", "job", argument, "token", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("hunter2", result.Output, StringComparison.Ordinal);
        using var json = JsonDocument.Parse(result.Output);
        var token = Assert.Single(json.RootElement.EnumerateArray().ToList());
        Assert.Equal(shown, token.GetProperty("value").GetString());
        Assert.Equal(shown, token.GetProperty("text").GetString());
    }

    [Fact]
    public async Task The_explain_table_and_why_write_format_and_control_characters_of_a_value_as_escapes()
    {
        var file = _dir.Write("j\u202eob.yaml", "name: \"a\u202eb\\u001bc\u200bd\"\n");

        var table = await TestHost.Run("explain", "job", "-c", file, "name");
        var why = await TestHost.Run("explain", "job", "-c", file, "name", "--why");
        var json = await TestHost.Run("explain", "job", "-c", file, "name", "--format", "json");

        Assert.True(table.ExitCode == 0, table.Error);
        Assert.Contains("a\\u202eb\\u001bc\\u200bd", table.Output, StringComparison.Ordinal);
        Assert.Contains(file.Replace("\u202e", "\\u202e", StringComparison.Ordinal), table.Output, StringComparison.Ordinal);
        Assert.True(why.ExitCode == 0, why.Error);
        Assert.Contains("a\\u202eb\\u001bc\\u200bd", why.Output, StringComparison.Ordinal);
        foreach (var output in new[] { table.Output, why.Output })
        {
            Assert.DoesNotContain('\u202e', output);
            Assert.DoesNotContain('\u001b', output);
            Assert.DoesNotContain('\u200b', output);
        }

        // JSON is data: its strings are exact.
        using var document = JsonDocument.Parse(json.Output);
        Assert.Equal("a\u202eb\u001bc\u200bd", document.RootElement[0].GetProperty("value").GetString());
    }

    [Fact]
    public async Task Diff_writes_format_characters_of_values_as_escapes()
    {
        var left = _dir.Write("a.yaml", "name: \"a\u202eb\"\n");
        var right = _dir.Write("b.yaml", "name: \"c\u2066d\"\n");

        var result = await TestHost.Run("diff", "job", left, right);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("a\\u202eb → c\\u2066d\n", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202e', result.Output);
    }

    [Fact]
    public async Task Explain_of_an_unknown_path_exits_1_with_a_suggestion()
    {
        var result = await TestHost.Run("explain", "job", "network.hiden");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("error STR0101: network.hiden: no value at this path; did you mean 'network.hidden'?", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_path_to_explain_is_placed_at_its_argument_typed_or_read_from_a_response_file()
    {
        var rsp = _dir.Write("paths.rsp", "steps\nnetwork.hiden\n");

        var typed = await TestHost.Run("explain", "job", "steps=1", "steps", "network.nope", "name=x");
        var read = await TestHost.Run("explain", "job", "@" + rsp);

        Assert.Equal(1, typed.ExitCode);
        Assert.StartsWith("cli path #2: error STR0101: network.nope: no value at this path\n", typed.Error, StringComparison.Ordinal);
        Assert.Equal(1, read.ExitCode);
        Assert.StartsWith(rsp + ":2: error STR0101: network.hiden: no value at this path; did you mean 'network.hidden'?\n", read.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_redacts_secrets()
    {
        var result = await TestHost.Run("explain", "job", "token=hunter2", "token");

        Assert.DoesNotContain("hunter2", result.Output, StringComparison.Ordinal);
    }

    /// <summary>The value at a dotted path of a JSON object (keys only: a leaf under a list is not compared).</summary>
    private static bool TryGet(JsonElement root, string path, out JsonElement value)
    {
        value = root;
        foreach (var key in path.Split('.'))
        {
            if (value.ValueKind != JsonValueKind.Object || !value.TryGetProperty(key, out value))
            {
                return false;
            }
        }

        return true;
    }

    [Fact]
    public async Task Explain_as_html_writes_one_self_contained_page_to_the_output_file()
    {
        var file = _dir.Write("job.yaml", "steps: 10\n");
        var page = Path.Combine(_dir.Path, "report.html");

        var result = await TestHost.Run("explain", "job", "-c", file, "steps=20", "--format", "html", "-o", page);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var html = File.ReadAllText(page);
        Assert.StartsWith("<!DOCTYPE html>", html, StringComparison.Ordinal);
        Assert.Contains("<title>Strata explain: job</title>", html, StringComparison.Ordinal);
        Assert.Contains("\"path\":\"steps\",\"steps\":[\"steps\"],\"value\":\"20\",\"kind\":\"cli\"", html, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(_dir.Path, "report*"));
    }

    [Fact]
    public async Task Explain_as_html_of_some_paths_is_a_usage_error_that_points_to_the_page_filter()
    {
        var result = await TestHost.Run("explain", "job", "steps", "--format", "html");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--format html shows the whole config", result.Error, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Output);
    }

    [Fact]
    public async Task Explain_as_html_of_a_path_is_refused_before_the_config_is_resolved_so_that_the_usage_error_stands_alone()
    {
        // An invalid config and an unknown path: neither is reported, the usage error comes first and alone.
        var result = await TestHost.Run("explain", "job", "steps=-5", "no_such_path", "--format", "html");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("jobs: error: --format html shows the whole config", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("STR0", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_refuses_to_write_its_output_over_an_input()
    {
        var file = _dir.Write("job.yaml", "steps: 10\n");

        var result = await TestHost.Run("explain", "job", "-c", file, "--format", "html", "-o", file);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("steps: 10\n", File.ReadAllText(file));
    }

    [Fact]
    public async Task Diff_as_html_writes_both_sides_and_the_differing_paths()
    {
        var page = Path.Combine(_dir.Path, "diff.html");

        var result = await TestHost.Run("diff", "job", "--left", "steps=1", "--right", "steps=2", "--format", "html", "-o", page);

        Assert.Equal(0, result.ExitCode);
        var html = File.ReadAllText(page);
        Assert.Contains("<title>Strata diff: job</title>", html, StringComparison.Ordinal);
        Assert.Contains("\"differences\":[\"steps\"]", html, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"steps=1\"", html, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"steps=2\"", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_names_what_a_derived_value_was_derived_from_with_its_place()
    {
        var file = _dir.Write("job.yaml", "network:\n  hidden: 32\n");

        var result = await TestHost.Run("explain", "job", "-c", file, "network.ffn_hidden");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("network.ffn_hidden  128    derived from hidden (" + file + ":2:11)  default → derived", lines[1]);
    }

    [Fact]
    public async Task Explain_json_gives_each_derived_value_its_depends_on_as_full_paths()
    {
        var result = await TestHost.Run("explain", "job", "network.ffn_hidden", "network.mlp_parameters", "network.hidden", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        var entries = json.RootElement.EnumerateArray().ToList();
        Assert.Equal(["network.hidden"], entries[0].GetProperty("depends_on").EnumerateArray().Select(static d => d.GetString()));
        Assert.Equal(["network.hidden", "network.ffn_hidden"], entries[1].GetProperty("depends_on").EnumerateArray().Select(static d => d.GetString()));
        Assert.False(entries[2].TryGetProperty("depends_on", out _));
    }

    [Fact]
    public async Task Explain_why_walks_a_computed_field_back_to_the_override_that_set_its_input()
    {
        var result = await TestHost.Run("explain", "job", "network.hidden=48", "--why", "network.mlp_parameters");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(
            "network.mlp_parameters = 18432  (derived)\n"
            + "  network.hidden = 48  (cli arg #1 (network.hidden=…))\n"
            + "  network.ffn_hidden = 192  (derived)\n"
            + "    network.hidden  (shown above)\n",
            result.Output);
    }

    [Fact]
    public async Task Explain_why_in_json_lists_each_value_of_the_chain_once_with_its_depends_on()
    {
        var result = await TestHost.Run("explain", "job", "--why", "network.mlp_parameters", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = JsonDocument.Parse(result.Output);
        Assert.Equal(
            ["network.mlp_parameters", "network.hidden", "network.ffn_hidden"],
            json.RootElement.EnumerateArray().Select(static e => e.GetProperty("path").GetString()));
    }

    [Fact]
    public async Task Explain_why_without_a_path_is_a_usage_error()
    {
        var result = await TestHost.Run("explain", "job", "--why");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--why needs the PATH of a value to explain", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Explain_why_of_an_unknown_path_is_an_error_that_suggests_the_closest()
    {
        var result = await TestHost.Run("explain", "job", "--why", "network.ffn_hiden");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("did you mean 'network.ffn_hidden'?", result.Error, StringComparison.Ordinal);
    }
}
