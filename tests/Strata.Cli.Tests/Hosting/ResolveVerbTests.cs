namespace Strata.Cli.Tests.Hosting;

public sealed class ResolveVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Resolve_writes_only_the_explicit_values_as_yaml_on_the_output()
    {
        var file = _dir.Write("job.yaml", "steps: 10\nnetwork:\n  hidden: 32\n");

        var result = await TestHost.Run("resolve", "job", "-c", file);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("network:\n  hidden: 32\nsteps: 10\n", result.Output);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task The_layers_list_writes_a_control_character_of_a_file_name_as_an_escape()
    {
        var file = _dir.Write("e\u001b[31m.yaml", "steps: 10\n");

        var result = await TestHost.Run("resolve", "job", "-c", file, "--show-layers");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  file " + file.Replace("\u001b", "\\u001b", StringComparison.Ordinal) + "\n", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u001b', result.Error);
    }

    [Fact]
    public async Task The_layers_list_writes_a_right_to_left_override_of_a_file_name_as_an_escape()
    {
        var file = _dir.Write("e\u202elmay.yaml", "steps: 10\n");

        var result = await TestHost.Run("resolve", "job", "-c", file, "--show-layers");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  file " + file.Replace("\u202e", "\\u202e", StringComparison.Ordinal) + "\n", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u202e', result.Error);
    }

    [Fact]
    public async Task A_diagnostic_writes_a_format_character_of_a_key_as_an_escape()
    {
        var file = _dir.Write("job.yaml", "\"st\u200beps\": 10\n");

        var result = await TestHost.Run("validate", "job", "-c", file);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error STR0101: st\\u200beps: unknown key `st\\u200beps`", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain('\u200b', result.Error);
    }

    [Fact]
    public async Task The_resolved_yaml_keeps_a_format_character_of_a_value_exactly()
    {
        var file = _dir.Write("job.yaml", "name: \"a\u202eb\"\n");

        var result = await TestHost.Run("resolve", "job", "-c", file, "--show", "explicit");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("name: a\u202eb\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overrides_are_accepted_before_between_and_after_options()
    {
        var a = _dir.Write("a.yaml", "steps: 10\n");
        var b = _dir.Write("b.yaml", "name: b\n");

        var result = await TestHost.Run("resolve", "job", "steps=1", "-c", a, "network.layers=3", "-c", b, "--show", "explicit", "name=cli");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("network:\n  layers: 3\nsteps: 1\nname: cli\n", result.Output);
    }

    [Fact]
    public async Task Later_files_win_and_overrides_win_over_files()
    {
        var a = _dir.Write("a.yaml", "steps: 10\nname: a\n");
        var b = _dir.Write("b.yaml", "steps: 20\n");

        var result = await TestHost.Run("resolve", "job", "-c", a, "-c", b, "name=c");

        Assert.Equal("steps: 20\nname: c\n", result.Output);
    }

    [Fact]
    public async Task Double_dash_ends_the_options()
    {
        var result = await TestHost.Run("resolve", "job", "--", "steps=5");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("steps: 5\n", result.Output);
    }

    [Fact]
    public async Task Show_all_writes_defaults_and_derived_defaults_but_never_computed_fields()
    {
        var result = await TestHost.Run("resolve", "job", "--show", "all");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("ffn_hidden: 256", result.Output, StringComparison.Ordinal);
        Assert.Contains("learning_rate: 0.001", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("mlp_parameters", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Show_core_leaves_out_optional_fields()
    {
        var result = await TestHost.Run("resolve", "job", "--show", "core");

        Assert.Contains("steps: 100", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("learning_rate", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Format_json_writes_a_json_object()
    {
        var result = await TestHost.Run("resolve", "job", "steps=7", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        using var json = System.Text.Json.JsonDocument.Parse(result.Output);
        Assert.Equal(7, json.RootElement.GetProperty("steps").GetInt32());
    }

    [Fact]
    public async Task The_output_of_resolve_resolves_to_the_same_config()
    {
        var file = _dir.Write("job.yaml", "steps: 10\nnetwork:\n  hidden: 32\n");
        var first = await TestHost.Run("resolve", "job", "-c", file, "name=x", "--show", "all");
        var saved = _dir.Write("saved.yaml", first.Output);

        var second = await TestHost.Run("resolve", "job", "-c", saved, "--show", "all");

        Assert.Equal(first.Output, second.Output);
    }

    [Fact]
    public async Task Secrets_are_kept_out_of_the_output()
    {
        var result = await TestHost.Run("resolve", "job", "token=hunter2", "--show", "all");

        Assert.Equal(0, result.ExitCode);
        Assert.DoesNotContain("hunter2", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sources_annotates_each_value_with_its_origin_and_stays_a_valid_input()
    {
        var file = _dir.Write("job.yaml", "steps: 10\n");

        var result = await TestHost.Run("resolve", "job", "-c", file, "name=x", "--sources");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("steps: 10  # " + file + ":1:8", lines[0]);
        Assert.Equal("name: x    # cli arg #1 (name=…)", lines[1]);
        var again = await TestHost.Run("resolve", "job", "-c", _dir.Write("annotated.yaml", result.Output));
        Assert.Equal("steps: 10\nname: x\n", again.Output);
    }

    [Fact]
    public async Task Sources_with_json_is_a_usage_error()
    {
        var result = await TestHost.Run("resolve", "job", "--sources", "--format", "json");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--sources needs --format yaml", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_config_exits_1_with_compiler_like_diagnostics_and_a_count_on_the_error_stream_only()
    {
        var file = _dir.Write("job.yaml", "steps: 0\nnetwork:\n  layerz: 3\n");

        var result = await TestHost.Run("resolve", "job", "-c", file, "learning_rate=-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Contains(lines, l => l.StartsWith(file + ":3:3: error STR0101: network.layerz: ", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("cli arg #1: error STR0103: learning_rate: ", StringComparison.Ordinal) || l.StartsWith("cli arg #1:", StringComparison.Ordinal));
        Assert.Equal("3 errors, 0 warnings", lines[^1]);
        Assert.DoesNotContain("   at ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_file_of_a_hundred_thousand_duplicate_keys_prints_a_hundred_diagnostics_and_counts_them_all()
    {
        // Each duplicate is a problem of its own; printing all of them made 11 MB of error text from a 1.9 MB file.
        var file = _dir.Write("dup.yaml", "steps: 1\n" + string.Concat(Enumerable.Repeat("steps: 2\n", 100_000)));

        var result = await TestHost.Run("resolve", "job", "-c", file);

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(101, lines.Length);
        Assert.All(lines[..^1], l => Assert.Contains(": error STR0002: steps: duplicate key 'steps'", l, StringComparison.Ordinal));
        Assert.StartsWith(file + ":2:1: error STR0002: ", lines[0], StringComparison.Ordinal);
        Assert.Equal("100000 errors, 0 warnings (99900 more not shown)", lines[^1]);
    }

    [Fact]
    public async Task Past_a_hundred_diagnostics_an_error_below_the_warnings_is_still_printed()
    {
        // Diagnostics come in the order of their places: 150 warnings above the one error would have hidden it.
        var unknown = new System.Text.StringBuilder();
        for (var i = 0; i < 150; i++)
        {
            unknown.Append("extra").Append(i).Append(": 1\n");
        }

        var file = _dir.Write("many.yaml", unknown + "steps: lots\n");

        var result = await TestHost.Run("resolve", "job", "-c", file, "--lenient");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(101, lines.Length);
        Assert.StartsWith(file + ":1:1: warning STR0101: extra0", lines[0], StringComparison.Ordinal);
        Assert.StartsWith(file + ":151:", lines[^2], StringComparison.Ordinal);
        Assert.Contains(": error ", lines[^2], StringComparison.Ordinal);
        Assert.Equal("1 error, 150 warnings (51 more not shown)", lines[^1]);
    }

    [Fact]
    public async Task A_missing_file_is_an_input_error_not_a_crash()
    {
        var result = await TestHost.Run("resolve", "job", "-c", Path.Combine(_dir.Path, "missing.yaml"));

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error STR0007", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("1 error, 0 warnings\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_override_is_an_input_error()
    {
        var result = await TestHost.Run("resolve", "job", "steps=lots");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("cli arg #1: error STR0102: steps: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lenient_turns_unknown_keys_into_warnings()
    {
        var result = await TestHost.Run("resolve", "job", "stepz=3", "--lenient");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("warning STR0101: stepz", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("0 errors, 1 warning\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Strict_unknown_is_the_default()
    {
        var strict = await TestHost.Run("resolve", "job", "stepz=3", "--strict-unknown");
        var plain = await TestHost.Run("resolve", "job", "stepz=3");

        Assert.Equal(1, strict.ExitCode);
        Assert.Equal(plain.Error, strict.Error);
        Assert.Contains("did you mean", plain.Error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Warnings_as_errors_fails_on_a_warning()
    {
        var result = await TestHost.Run("resolve", "job", "stepz=3", "--lenient", "--warnings-as-errors");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("error STR0101: stepz", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Lenient_and_strict_together_is_a_usage_error()
    {
        var result = await TestHost.Run("resolve", "job", "--lenient", "--strict-unknown");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("jobs: error: --lenient and --strict-unknown cannot be used together\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_positional_that_is_not_an_override_is_a_usage_error()
    {
        var result = await TestHost.Run("resolve", "job", "job.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'job.yaml' is not a KEY=VALUE override", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_key_and_its_value_given_without_the_equals_sign_suggest_the_override()
    {
        var result = await TestHost.Run("resolve", "job", "steps", "2");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("jobs: error: 'steps' is not a KEY=VALUE override: did you mean 'steps=2'?\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Every_positional_that_is_not_an_override_is_reported_in_the_order_of_the_command_line()
    {
        var result = await TestHost.Run("resolve", "job", "novalue", "steps=2", "other.yaml");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith(
            "jobs: error: 'novalue' is not a KEY=VALUE override (give config files with -c FILE)\n"
            + "jobs: error: 'other.yaml' is not a KEY=VALUE override (give config files with -c FILE)\n",
            result.Error,
            StringComparison.Ordinal);
    }

    [Fact]
    public async Task Diagnostics_are_printed_in_the_order_of_their_places_files_as_given_then_overrides_in_order()
    {
        // Found in another order: bind errors (learning_rate) before rule errors, fields in the order of the schema.
        var b = _dir.Write("b.yaml", "learning_rate: x\nsteps: 0\nnetwork:\n  hidden: 0\n");
        var a = _dir.Write("a.yaml", "network:\n  layers: -1\n");

        var result = await TestHost.Run("validate", "job", "-c", b, "-c", a, "name=[1]", "steps=-3");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            [b + ":1:16: error STR0102", b + ":4:11: error STR0103", a + ":2:11: error STR0103", "cli arg #1: error STR0102", "cli arg #2: error STR0103", "5 errors, 0 warnings"],
            result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(static line => line.Split(": ")[0] + (line.Contains(": error ", StringComparison.Ordinal) ? ": " + line.Split(": ")[1] : string.Empty)));
    }

    [Fact]
    public async Task Every_malformed_argument_is_reported_in_one_usage_error_positionals_and_overrides_that_do_not_parse()
    {
        var result = await TestHost.Run("resolve", "job", "novalue", "steps=2", "name=[1,", "token=[s3cr3t,");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith(
            "jobs: error: 'novalue' is not a KEY=VALUE override (give config files with -c FILE)\n"
            + "jobs: error: cli arg #2: name: cannot parse the override 'name=[1,' at column 6: invalid YAML: while parsing a node, did not find expected node content\n"
            + "jobs: error: cli arg #3: token: ",
            result.Error,
            StringComparison.Ordinal);
        Assert.DoesNotContain("s3cr3t", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Overrides_that_do_not_parse_without_another_mistake_are_config_errors_as_before()
    {
        var result = await TestHost.Run("resolve", "job", "steps=2", "name=[1,");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("cli arg #2: error STR0010: name: cannot parse the override 'name=[1,' at column 6", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_environment_of_the_host_feeds_declared_bindings()
    {
        var host = new Strata.Hosting.ConfigHost("jobs") { Environment = new Dictionary<string, string?> { ["STRATA_CLI_TEST_WORLD_SIZE"] = "8" } }
            .AddKind<Model.JobConfig>("job", "A job.");

        var result = await TestHost.Run(host, "explain", "job", "world_size", "--format", "json");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("\"value\": 8,\n    \"text\": \"8\"", result.Output, StringComparison.Ordinal);
        Assert.Contains("\"kind\": \"env\"", result.Output, StringComparison.Ordinal);
    }
}
