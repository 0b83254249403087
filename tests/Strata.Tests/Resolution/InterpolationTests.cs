using Strata.Serialization;
using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>
/// <c>${path}</c> takes the effective value of another field, read by the type of the field that holds it; inside a
/// longer string of a str or path field it is written into the string; <c>$${</c> is a literal <c>${</c>. Every problem
/// is one STR0127 at the place of the expression.
/// </summary>
public sealed class InterpolationTests
{
    [Fact]
    public void A_whole_value_takes_the_referenced_value_typed_by_the_field_that_holds_it()
    {
        var r = Resolve.Yaml("iterations: 6\nlayers:\n  num_layers: ${iterations}\n  epsilon: ${iterations}\nname: ${iterations}\n");

        Assert.Equal(6, r.Config.Layers.NumLayers);
        Assert.Equal(6.0, r.Config.Layers.Epsilon);
        Assert.Equal("6", r.Config.Name);
        Assert.True(r.Config.Layers.IsExplicit(nameof(LayerConfig.NumLayers)));
    }

    [Fact]
    public void A_reference_to_a_field_no_layer_set_takes_its_class_default()
    {
        var r = Resolve.Yaml("layers:\n  heads: ${batch_size}\n  hidden_size: 64\n");

        Assert.Equal(8, r.Config.Layers.Heads);
    }

    [Fact]
    public void A_value_the_holding_field_cannot_take_is_one_type_error_at_the_expression()
    {
        var error = Assert.Single(Resolve.Errors("name: abc\nlayers:\n  heads: ${name}\n"));

        Assert.Equal(DiagnosticCodes.Interpolation, error.Code);
        Assert.Equal("layers.heads", error.Path);
        Assert.Equal("run.yaml:3:10", error.Origin?.ToString());
        Assert.Equal("the value of `name` does not fit int: expected an integer, got the string \"abc\"", error.Message);
    }

    [Fact]
    public void A_float_is_not_an_integer_and_a_string_of_digits_is_not_a_number()
    {
        var errors = Resolve.Errors("name: '7'\nlearning_rate: 0.5\nlayers:\n  heads: ${learning_rate}\n  num_layers: ${name}\n");

        Assert.Equal(2, errors.Count);
        Assert.All(errors, static e => Assert.Equal(DiagnosticCodes.Interpolation, e.Code));
        Assert.Equal(["layers.heads", "layers.num_layers"], errors.Select(static e => e.Path));
    }

    [Fact]
    public void Inside_a_longer_string_the_values_are_written_as_resolve_writes_them()
    {
        var r = Resolve.Yaml("name: exp\nlearning_rate: 0.0003\noutput_dir: runs/${name}/lr${learning_rate}/${layers.num_layers}\n");

        Assert.Equal("runs/exp/lr0.0003/12", r.Config.OutputDir?.Value);
    }

    [Fact]
    public void Inside_a_longer_string_a_field_that_is_not_a_string_or_a_path_is_an_error()
    {
        var error = Assert.Single(Resolve.Errors("iterations: 1${batch_size}\n"));

        Assert.Equal((DiagnosticCodes.Interpolation, "iterations"), (error.Code, error.Path));
        Assert.Contains("only for str and path fields", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_list_cannot_be_written_into_a_string_and_null_is_refused_there()
    {
        var errors = Resolve.Errors("name: a${split}\nschedule: x${teacher.heads}\noutput_dir: /x/${name}\n");

        Assert.Contains(errors, static e => e.Path == "name" && e.Message.Contains("cannot be written into a string", StringComparison.Ordinal));
        Assert.Contains(errors, static e => e.Path == "schedule" && e.Message.Contains("`teacher` is not set", StringComparison.Ordinal));
    }

    [Fact]
    public void A_doubled_dollar_escapes_the_interpolation_and_the_saved_config_keeps_it_escaped()
    {
        var r = Resolve.Yaml("name: cost $${HOME} and $5\n");

        Assert.Equal("cost ${HOME} and $5", r.Config.Name);
        var saved = r.ToYaml();
        Assert.Contains("$${HOME}", saved, StringComparison.Ordinal);
        Assert.Equal("cost ${HOME} and $5", Resolve.Yaml(saved).Config.Name);
    }

    [Theory]
    [InlineData("'\\${HOME}'", "${HOME}")]
    [InlineData("'a\\${iterations}b'", "a${iterations}b")]
    [InlineData("'a\\\\${iterations}b'", "a\\5b")]
    [InlineData("'a\\\\\\${iterations}b'", "a\\${iterations}b")]
    [InlineData("'a\\b\\$${x}'", "a\\b\\${x}")]
    [InlineData("'C:\\dir\\${iterations}'", "C:\\dir${iterations}")]
    public void A_backslash_escapes_an_interpolation_as_in_OmegaConf_and_backslashes_before_one_pair_up(string yaml, string name)
    {
        var r = Resolve.Yaml("iterations: 5\nname: " + yaml + "\n");

        Assert.Equal(name, r.Config.Name);
        Assert.Equal(name, Resolve.Yaml(r.ToYaml()).Config.Name);
        Assert.Equal(name, Resolve.Yaml(r.ToYaml(Verbosity.All)).Config.Name);
    }

    [Theory]
    [InlineData("a\\${b}")]
    [InlineData("a\\\\${b}\\")]
    [InlineData("\\$${b}")]
    public void A_literal_string_with_backslashes_before_a_dollar_brace_reads_back_as_itself(string name)
    {
        var config = new RunConfig { Name = name };

        Assert.Equal(name, Resolve.Yaml(ConfigSerializer.ToYaml(config, Verbosity.Explicit, SecretHandling.Omit)).Config.Name);
    }

    [Fact]
    public void A_literal_string_holding_an_interpolation_is_escaped_in_every_output_that_is_an_input()
    {
        var config = new RunConfig { Name = "${not.a.reference}" };

        Assert.Contains("$${not.a.reference}", ConfigSerializer.ToYaml(config, Verbosity.Explicit, SecretHandling.Omit), StringComparison.Ordinal);
        Assert.Contains("$${not.a.reference}", ConfigSerializer.ToYaml(config, Verbosity.All, SecretHandling.Omit), StringComparison.Ordinal);
        Assert.Equal("${not.a.reference}", Resolve.Yaml(ConfigSerializer.ToYaml(config, Verbosity.Explicit, SecretHandling.Omit)).Config.Name);
        Assert.Equal("${not.a.reference}", Resolve.Yaml("name: $${not.a.reference}\n").Explain().Single(static e => e.Path == "name").Value);
    }

    [Fact]
    public void The_saved_config_keeps_the_expression_and_reads_back_to_the_same_effective_values()
    {
        var r = Resolve.Yaml("iterations: 9\nlayers:\n  num_layers: ${iterations}\noutput_dir: out/${iterations}\n");

        var saved = r.ToYaml();
        Assert.Contains("${iterations}", saved, StringComparison.Ordinal);
        Assert.Contains("out/${iterations}", saved, StringComparison.Ordinal);
        var again = Resolve.Yaml(saved);
        Assert.Equal(r.Fingerprint, again.Fingerprint);
        Assert.Equal(r.ToYaml(Verbosity.All), again.ToYaml(Verbosity.All));
    }

    [Fact]
    public void Every_output_but_the_saved_config_writes_the_effective_value()
    {
        var r = Resolve.Yaml("iterations: 9\nlayers:\n  num_layers: ${iterations}\n");

        var all = r.ToYaml(Verbosity.All);
        Assert.DoesNotContain("${", all, StringComparison.Ordinal);
        Assert.Contains("num_layers: 9", all, StringComparison.Ordinal);
    }

    [Fact]
    public void The_fingerprint_is_of_effective_values()
    {
        var interpolated = Resolve.Yaml("iterations: 9\nlayers:\n  num_layers: ${iterations}\n");
        var literal = Resolve.Yaml("iterations: 9\nlayers:\n  num_layers: 9\n");

        Assert.Equal(literal.Fingerprint, interpolated.Fingerprint);
    }

    [Fact]
    public void A_cycle_is_one_error_at_its_first_place_naming_the_chain()
    {
        var error = Assert.Single(Resolve.Errors("iterations: ${batch_size}\nbatch_size: ${layers.heads}\nlayers:\n  heads: ${iterations}\n"));

        Assert.Equal((DiagnosticCodes.Interpolation, "iterations", "run.yaml:1:13"), (error.Code, error.Path, error.Origin?.ToString()));
        Assert.Equal("interpolation cycle: iterations → batch_size → layers.heads → iterations", error.Message);
    }

    [Fact]
    public void A_field_that_refers_to_itself_is_a_cycle()
    {
        var error = Assert.Single(Resolve.Errors("iterations: ${iterations}\n"));

        Assert.Equal("interpolation cycle: iterations → iterations", error.Message);
    }

    [Fact]
    public void An_unknown_path_is_an_error_with_the_closest_field_suggested()
    {
        var error = Assert.Single(Resolve.Errors("iterations: ${layers.num_layer}\n"));

        Assert.Equal((DiagnosticCodes.Interpolation, "iterations"), (error.Code, error.Path));
        Assert.Equal("unknown field `num_layer` in LayerConfig (at `layers`) (did you mean `layers.num_layers`?)", error.Message);
    }

    [Fact]
    public void A_path_an_interpolation_message_names_is_quoted_and_cut_as_every_quoted_input()
    {
        // The path holds a dictionary key of the input: the message shows it as MessageText.Quoted shows every input.
        var key = new string('k', 400);
        var error = Assert.Single(Resolve.Errors("datasets:\n  " + key + ":\n    type: random\nschedule: ${datasets." + key + ".weigth}\n"));

        var path = MessageText.Quoted("datasets." + key, '`', '`');
        Assert.Equal("unknown field `weigth` in RandomDatasetConfig (at " + path + ") (did you mean " + MessageText.Quoted("datasets." + key + ".weight", '`', '`') + "?)", error.Message);
        Assert.True(error.Message.Length < 600, error.Message.Length.ToString(System.Globalization.CultureInfo.InvariantCulture));
    }

    [Theory]
    [InlineData("${", "column 1 of the value: `${` is not closed by `}`")]
    [InlineData("a ${}", "column 3 of the value: `${}` names no field")]
    [InlineData("${a b}", "column 1 of the value: '${a b}' is not a path (keys joined by `.`)")]
    [InlineData("${${name}}", "column 1 of the value: nested interpolations are not supported")]
    [InlineData("x ${.iterations}", "column 3 of the value: a relative path (OmegaConf's `${.key}`) is not supported: write the path from the root of the config")]
    [InlineData("${oc.env:HOME}", "column 1 of the value: resolvers (OmegaConf's `${oc.env:NAME}`) are not supported: an interpolation names a field (a field bound to an environment variable reads it)")]
    [InlineData("${layers..hidden_size}", "column 1 of the value: a key is missing (empty step in the path)")]
    [InlineData("${layers.}", "column 1 of the value: a key is missing (empty step in the path)")]
    public void A_malformed_expression_is_one_error_with_its_column(string value, string message)
    {
        var error = Assert.Single(Resolve.Errors("schedule: '" + value + "'\n"));

        Assert.Equal((DiagnosticCodes.Interpolation, "schedule"), (error.Code, error.Path));
        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_with_a_derived_default_cannot_be_taken_unless_a_layer_set_it()
    {
        var error = Assert.Single(Resolve.Errors("iterations: ${layers.ffn_hidden_size}\n"));
        Assert.Equal((DiagnosticCodes.Interpolation, "iterations"), (error.Code, error.Path));
        Assert.StartsWith("`layers.ffn_hidden_size` is derived (4 × hidden_size)", error.Message, StringComparison.Ordinal);

        Assert.Equal(100, Resolve.Yaml("iterations: ${layers.ffn_hidden_size}\nlayers:\n  ffn_hidden_size: 100\n").Config.Iterations);
    }

    [Fact]
    public void A_computed_field_cannot_be_taken()
    {
        var error = Assert.Single(Resolve.Errors("iterations: ${layers.projection_size}\n"));

        Assert.StartsWith("`layers.projection_size` is derived (computed from other fields)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_a_derive_hook_sets_after_it_was_taken_is_an_error_no_cycle_through_hooks()
    {
        // RunConfig.Derive sets world_size to 1 when no layer and no environment did.
        var error = Assert.Single(Resolve.Errors("iterations: ${world_size}\n"));

        Assert.Equal((DiagnosticCodes.Interpolation, "iterations"), (error.Code, error.Path));
        Assert.StartsWith("`world_size` is derived (a derivation set it after this interpolation took it)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_derived_default_sees_the_interpolated_value()
    {
        var r = Resolve.Yaml("batch_size: 16\nlayers:\n  hidden_size: ${batch_size}\n");

        Assert.Equal(16, r.Config.Layers.HiddenSize);
        Assert.Equal(64, r.Config.Layers.FfnHiddenSize);
        Assert.Equal(2, r.Config.Layers.KvChannels);
    }

    [Fact]
    public void A_field_bound_to_an_environment_variable_gives_the_value_of_the_environment()
    {
        var environment = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = "4" };
        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = environment })
            .AddYaml("iterations: ${world_size}\n", "run.yaml")
            .Resolve();

        Assert.Equal(4, r.Config.Iterations);
        Assert.Equal(4, r.Config.WorldSize);
        Assert.Equal("env STRATA_TEST_WORLD_SIZE", r.Config.GetOrigin(nameof(RunConfig.WorldSize)).ToString());
        Assert.Contains("STRATA_TEST_WORLD_SIZE", r.EnvironmentRead.Keys);
    }

    [Fact]
    public void A_bad_environment_value_taken_by_an_interpolation_is_one_error_at_env_NAME()
    {
        var environment = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = "0x8" };
        var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = environment })
            .AddYaml("iterations: ${world_size}\n", "run.yaml")
            .TryResolve(out _, out var diagnostics);

        Assert.False(ok);
        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.EnvironmentValue, "env STRATA_TEST_WORLD_SIZE"), (error.Code, error.Origin?.ToString()));
    }

    [Fact]
    public void The_origin_is_the_interpolation_at_its_place_and_the_history_keeps_the_layers_beneath()
    {
        var r = Resolve.Yaml("iterations: 5\nlayers:\n  num_layers: 3\n", "layers.num_layers=${iterations}");

        var origin = r.Config.Layers.GetOrigin(nameof(LayerConfig.NumLayers));
        Assert.Equal(OriginKind.Interpolation, origin.Kind);
        Assert.Equal("interpolation of iterations (cli arg #1)", origin.ToString());
        Assert.True(origin.IsExplicit);
        Assert.Equal(["run.yaml:3:15", "interpolation of iterations (cli arg #1)"], origin.History.Select(static o => o.ToString()));
        Assert.Equal(5, r.Config.Layers.NumLayers);
    }

    [Fact]
    public void A_removed_field_gives_its_default()
    {
        var r = Resolve.Yaml("iterations: 5\nbatch_size: ${iterations}\n", "~iterations");

        Assert.Equal(0, r.Config.BatchSize);
    }

    [Fact]
    public void Configs_in_lists_and_dictionaries_and_polymorphic_types_are_reached_and_hold_interpolations()
    {
        var r = Resolve.Yaml(
            "extra:\n  - hidden_size: 64\n  - hidden_size: ${extra[0].hidden_size}\n"
            + "datasets:\n  train:\n    type: file\n    path: data/${name}\n    weight: ${datasets.valid.weight}\n  valid:\n    type: random\n    weight: 0.25\n"
            + "name: web\niterations: ${datasets.valid.seed}\n");

        Assert.Equal(64, r.Config.Extra[1].HiddenSize);
        var train = Assert.IsType<FileDatasetConfig>(r.Config.Datasets["train"]);
        Assert.Equal("data/web", train.Path?.Value);
        Assert.Equal(0.25, train.Weight);
        Assert.Equal(42, r.Config.Iterations);
    }

    [Fact]
    public void A_config_section_a_secret_or_a_path_past_a_value_cannot_be_taken()
    {
        var errors = Resolve.Errors("api_key: k\nname: ${api_key}\nschedule: ${layers}\niterations: ${batch_size.x}\n");

        Assert.Equal(3, errors.Count);
        Assert.Contains(errors, static e => e.Path == "name" && e.Message == "`api_key` is secret: an interpolation cannot copy it into another field");
        Assert.Contains(errors, static e => e.Path == "schedule" && e.Message == "`layers` is a config section: an interpolation takes the value of a field");
        Assert.Contains(errors, static e => e.Path == "iterations" && e.Message.StartsWith("`batch_size` is a int value", StringComparison.Ordinal));
    }

    [Fact]
    public void A_chain_deeper_than_the_bound_is_one_error_naming_its_ends_however_long_it_is()
    {
        var yaml = new System.Text.StringBuilder("extra:\n");
        for (var i = 0; i < 1000; i++)
        {
            yaml.Append("  - num_layers: ").Append(i == 999 ? "1" : "${extra[" + (i + 1) + "].num_layers}").Append('\n');
        }

        var error = Assert.Single(Resolve.Errors(yaml.ToString()));

        Assert.Equal((DiagnosticCodes.Interpolation, "extra[0].num_layers"), (error.Code, error.Path));
        Assert.Equal("a chain of interpolations deeper than 64: extra[0].num_layers → extra[1].num_layers → … → extra[64].num_layers", error.Message);
    }

    [Fact]
    public void A_chain_within_the_bound_resolves()
    {
        var yaml = new System.Text.StringBuilder("extra:\n");
        for (var i = 0; i < 60; i++)
        {
            yaml.Append("  - num_layers: ").Append(i == 59 ? "3" : "${extra[" + (i + 1) + "].num_layers}").Append('\n');
        }

        Assert.All(Resolve.Yaml(yaml.ToString()).Config.Extra, static l => Assert.Equal(3, l.NumLayers));
    }

    [Fact]
    public void A_hundred_thousand_interpolations_in_one_value_are_one_error()
    {
        var error = Assert.Single(Resolve.Errors("name: '" + string.Concat(Enumerable.Repeat("${a}", 100_000)) + "'\n"));

        Assert.Equal("more than 32 interpolations in one value at column 129 of the value", error.Message);
    }

    [Fact]
    public void A_huge_expression_is_one_bounded_error()
    {
        var error = Assert.Single(Resolve.Errors("name: '${" + new string('a', 1_000_000) + "}'\n"));

        Assert.Equal("malformed interpolation at column 1 of the value: a path longer than 512 characters", error.Message);
    }

    [Fact]
    public void Explain_shows_the_referenced_paths()
    {
        var entry = Resolve.Yaml("iterations: 16\nbatch_size: ${iterations}\n").Explain().Single(static e => e.Path == "batch_size");

        Assert.Equal("16", entry.Value);
        Assert.Equal(["iterations"], entry.References);
    }

    [Fact]
    public void A_checkpoints_strings_are_data_taken_literally_and_written_escaped()
    {
        var origin = Origin.InCheckpoint("ckpt/config.yaml", 1, 7);
        var tree = new Strata.Tree.ConfigMap([new Strata.Tree.ConfigMapEntry("name", origin, Strata.Tree.ConfigScalar.Quoted("${iterations}", origin))], origin);

        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment }).AddTree(tree).Resolve();

        Assert.Equal("${iterations}", r.Config.Name);
        Assert.Equal(OriginKind.Checkpoint, r.Config.GetOrigin(nameof(RunConfig.Name)).Kind);
        Assert.Equal("${iterations}", Resolve.Yaml(r.ToYaml()).Config.Name);
    }

    [Fact]
    public void A_json_string_is_an_interpolation_too()
    {
        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddJson("{\"iterations\": 3, \"layers\": {\"num_layers\": \"${iterations}\"}}", "run.json")
            .Resolve();

        Assert.Equal(3, r.Config.Layers.NumLayers);
        Assert.Equal("interpolation of iterations (run.json:1:44)", r.Config.Layers.GetOrigin(nameof(LayerConfig.NumLayers)).ToString());
    }

    [Fact]
    public void A_later_layer_replaces_an_interpolation_with_a_value_and_the_value_is_written()
    {
        var r = Resolve.Yaml("iterations: 3\nlayers:\n  num_layers: ${iterations}\n", "layers.num_layers=5");

        Assert.Equal(5, r.Config.Layers.NumLayers);
        Assert.Contains("num_layers: 5", r.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_collection_is_taken_whole_and_read_by_the_type_of_the_field_that_holds_it()
    {
        var r = Resolve.Yaml("ranks: [1, 2]\nsplit: ${ranks}\n");

        Assert.Equal([1.0, 2.0], r.Config.Split);
    }
}
