using FsCheck;
using FsCheck.Fluent;
using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>
/// The override grammar that Hydra users know (docs/cli.md): list elements by index (from the end too), <c>+=</c> to
/// append to a list or add to a dictionary, <c>+KEY</c> to add what is not set, <c>++KEY</c> to set either way,
/// <c>~KEY</c> to remove what the layers below set, <c>KEY=@FILE</c> to place a file, and quoted keys.
/// </summary>
public sealed class OverrideGrammarTests
{
    [Fact]
    public void An_index_sets_an_element_of_a_list_that_only_has_its_default_value_and_the_list_becomes_explicit()
    {
        var resolved = Resolve.Yaml("name: run\n", "split[0]=5", "split[-1]=7");

        Assert.Equal([5.0, 30.0, 7.0], resolved.Config.Split);
        var split = resolved.Explain().Single(static p => p.Path == "split");
        Assert.True(split.IsExplicit);
        Assert.Equal(["default", "cli arg #1"], split.History.Select(static o => o.ToString()));
        Assert.Contains("split:", resolved.ToYaml(), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("split[3]=1", "index [3] is out of range for a list of 3")]
    [InlineData("split[-4]=1", "index [-4] is out of range for a list of 3")]
    [InlineData("name[0]=1", "`name` is not a list, so [0] cannot be set")]
    public void An_index_out_of_range_is_an_error_that_gives_the_length(string argument, string message)
    {
        var error = Assert.Single(Resolve.Errors("name: run\n", argument));

        Assert.Equal((DiagnosticCodes.OverrideSyntax, "cli arg #1", message), (error.Code, error.Origin!.ToString()[..10], error.Message));
    }

    [Fact]
    public void Append_adds_to_the_list_of_the_layers_below_or_to_its_default()
    {
        Assert.Equal([1, 2, 3], Resolve.Yaml("ranks: [1]\n", "ranks+=[2, 3]").Config.Ranks.Order());
        var appended = Resolve.Yaml("name: run\n", "ranks+=[4]", "ranks+=[5]");
        Assert.Equal([4, 5], appended.Config.Ranks.Order());
        Assert.Equal(["default", "cli arg #1", "cli arg #2"], appended.Explain().Single(static p => p.Path == "ranks").History.Select(static o => o.ToString()));
        Assert.Equal([969.0, 5.0], Resolve.Yaml("name: run\n", "~split[1]", "~split[-1]", "split+=[5]").Config.Split);
    }

    [Fact]
    public void Append_then_an_index_from_the_end_sets_the_appended_element()
    {
        var resolved = Resolve.Yaml("extra:\n  - num_layers: 1\n", "extra+=[{num_layers: 2}]", "extra[-1].heads=4");

        Assert.Equal([(1, 8), (2, 4)], resolved.Config.Extra.Select(static l => (l.NumLayers, l.Heads)));
    }

    [Fact]
    public void Append_adds_entries_to_a_dictionary_and_an_entry_it_already_has_is_an_error_at_that_key()
    {
        Assert.Equal(["a", "b"], Resolve.Yaml("tags: {a: x}\n", "tags+={b: y}").Config.Tags.Keys.Order());

        var error = Assert.Single(Resolve.Errors("tags: {a: x}\n", "tags+={a: y}"));
        Assert.Equal((DiagnosticCodes.OverrideSyntax, "tags.a"), (error.Code, error.Path));
        Assert.StartsWith("`a` is already in `tags`", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("layers+={num_layers: 2}", "`layers` holds a config")]
    [InlineData("ranks+=5", "`ranks` holds a list")]
    public void Append_to_what_is_not_a_list_or_a_dictionary_is_an_error_that_says_what_is_there(string argument, string part)
    {
        var error = Assert.Single(Resolve.Errors("iterations: 1\n", argument));

        Assert.Equal(DiagnosticCodes.OverrideSyntax, error.Code);
        Assert.Contains(part, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Plus_adds_what_the_layers_below_do_not_set_and_is_an_error_where_they_do()
    {
        Assert.Equal("x", Resolve.Yaml("iterations: 1\n", "+name=x").Config.Name);
        Assert.Equal("y", Resolve.Yaml("tags: {a: x}\n", "+tags.b=y").Config.Tags["b"]);

        var error = Assert.Single(Resolve.Errors("name: run\n", "+name=x"));
        Assert.Equal(("name", "`name` is already set (run.yaml:1:7); ++KEY=VALUE sets it whether or not it is set"), (error.Path, error.Message));
        Assert.Equal("x", Resolve.Yaml("name: run\n", "++name=x").Config.Name);
        Assert.Equal("x", Resolve.Yaml("iterations: 1\n", "++name=x").Config.Name);
    }

    [Fact]
    public void Removing_a_field_sends_it_back_to_its_default_as_an_implicit_value_with_the_removal_in_its_history()
    {
        var resolved = Resolve.Yaml("name: run\niterations: 5\n", "~iterations");

        Assert.Equal(0, resolved.Config.Iterations);
        var iterations = resolved.Explain().Single(static p => p.Path == "iterations");
        Assert.False(iterations.IsExplicit);
        Assert.Equal(["run.yaml:2:13", "cli arg #1", "default"], iterations.History.Select(static o => o.ToString()));
        Assert.DoesNotContain("iterations", resolved.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void Replacing_a_sub_tree_keeps_what_it_replaced_in_the_history_of_each_field_as_a_removal_does()
    {
        var resolved = Resolve.Yaml("name: run\nlayers:\n  num_layers: 3\n  heads: 4\n", "layers={num_layers: 7}");

        Assert.Equal((7, 8), (resolved.Config.Layers.NumLayers, resolved.Config.Layers.Heads));
        var explained = resolved.Explain();
        var numLayers = explained.Single(static p => p.Path == "layers.num_layers");
        Assert.True(numLayers.IsExplicit);
        Assert.Equal(["run.yaml:3:15", "cli arg #1"], numLayers.History.Select(static o => o.ToString()));
        var heads = explained.Single(static p => p.Path == "layers.heads");
        Assert.False(heads.IsExplicit);
        Assert.Equal(["run.yaml:4:10", "cli arg #1", "default"], heads.History.Select(static o => o.ToString()));
        Assert.DoesNotContain("heads", resolved.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_that_a_replacing_sub_tree_puts_over_a_section_keeps_the_section_in_its_history_as_a_file_layer_does()
    {
        var yaml = "runs:\n  r:\n    teacher:\n      num_layers: 3\n";
        var replaced = new ConfigResolver<RunsHolderConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml(yaml, "run.yaml").AddOverrides(["runs={r: {teacher: null}}"]).Resolve();
        var layered = new ConfigResolver<RunsHolderConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml(yaml, "run.yaml").AddYaml("runs:\n  r:\n    teacher: null\n", "null.yaml").Resolve();

        Assert.Null(replaced.Config.Runs["r"].Teacher);
        Assert.Equal(["run.yaml:4:7", "cli arg #1"], replaced.Explain().Single(static p => p.Path == "runs.r.teacher").History.Select(static o => o.ToString()));
        Assert.Equal(["run.yaml:4:7", "null.yaml:3:14"], layered.Explain().Single(static p => p.Path == "runs.r.teacher").History.Select(static o => o.ToString()));
    }

    [Fact]
    public void Removing_an_entry_of_a_dictionary_or_an_element_of_a_list_takes_it_out_of_the_collection()
    {
        var resolved = Resolve.Yaml("tags: {a: x, b: y}\nsplit: [1, 2, 3]\n", "~tags.a", "~split[1]");

        Assert.Equal(["b"], resolved.Config.Tags.Keys);
        Assert.Equal([1.0, 3.0], resolved.Config.Split);
        Assert.Equal("cli arg #1", resolved.Explain().Single(static p => p.Path == "tags").Origin.ToString());
    }

    [Fact]
    public void A_dictionary_entry_removed_then_added_again_comes_back_last_as_in_hydra()
    {
        var resolved = Resolve.Yaml("tags: {a: q, b: r}\n", "~tags.a", "+tags.a=q");

        Assert.Equal([("b", "r"), ("a", "q")], resolved.Config.Tags.Select(static e => (e.Key, e.Value)));
    }

    [Fact]
    public void Removing_what_no_layer_below_sets_is_an_error()
    {
        var error = Assert.Single(Resolve.Errors("iterations: 1\n", "~name"));

        Assert.Equal(("name", "nothing sets `name` in the layers below, so there is nothing to remove"), (error.Path, error.Message));
    }

    [Fact]
    public void A_removal_then_an_addition_of_the_same_value_restores_the_config() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(100),
            Prop.ForAll(
                Gen.Elements(("name", "run"), ("iterations", "7"), ("layers.heads", "4"), ("teacher.num_layers", "2"), ("split", "[1, 2]"), ("learning_rate", "0.5")).ToArbitrary(),
                static pair =>
                {
                    var yaml = "name: base\niterations: 1\ntags: {a: q, b: r}\nlayers: {heads: 2, num_layers: 3}\nsplit: [3]\nlearning_rate: 0.25\n";
                    var before = Resolve.Yaml(yaml, pair.Item1 + "=" + pair.Item2);
                    var after = Resolve.Yaml(yaml, pair.Item1 + "=" + pair.Item2, "~" + pair.Item1, "+" + pair.Item1 + "=" + pair.Item2);
                    return before.Fingerprint == after.Fingerprint && before.ToYaml() == after.ToYaml();
                }));

    [Fact]
    public void A_quoted_key_may_hold_dots()
    {
        var resolved = Resolve.Yaml("name: run\n", "tags.\"web.en\"=x", "+tags.\"a=b\"=y");

        Assert.Equal(("x", "y"), (resolved.Config.Tags["web.en"], resolved.Config.Tags["a=b"]));
    }

    [Fact]
    public void A_file_placed_at_a_path_is_merged_as_an_inline_mapping_with_its_own_positions()
    {
        var file = Path.Combine(Path.GetTempPath(), "strata-teacher-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, "num_layers: 3\nheads: 2\n");
        try
        {
            var resolved = Resolve.Yaml("teacher: {hidden_size: 64}\n", "teacher=@" + file);

            Assert.Equal((3, 2, 1024), (resolved.Config.Teacher!.NumLayers, resolved.Config.Teacher.Heads, resolved.Config.Teacher.HiddenSize));
            Assert.Equal(file + ":1:13", resolved.Explain().Single(static p => p.Path == "teacher.num_layers").Origin.ToString());
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void Files_placed_by_overrides_count_against_the_bound_of_included_files_so_that_one_file_named_many_times_is_refused()
    {
        var file = Path.Combine(Path.GetTempPath(), "strata-placed-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, "num_layers: 3\nheads: 2\n" + new string('#', 900) + "\n");
        try
        {
            var options = new ResolveOptions { Environment = Resolve.NoEnvironment, Limits = new global::Strata.Sources.SourceLimits { MaxFileBytes = 4096 } };
            var overrides = Enumerable.Repeat("teacher=@" + file, 6).ToArray();

            Assert.False(new ConfigResolver<RunConfig>(options).AddYaml("name: run\n", "run.yaml").AddOverrides(overrides).TryResolve(out _, out var diagnostics));

            var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
            Assert.Equal((DiagnosticCodes.Include, "teacher", "cli arg #5"), (error.Code, error.Path, error.Origin!.ToString()));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_placed_file_with_a_mistake_reports_it_at_its_place_in_the_file_under_the_path_of_the_override()
    {
        var file = Path.Combine(Path.GetTempPath(), "strata-placed-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, "num_layers: 3\nnum_layers: 4\n");
        try
        {
            var error = Assert.Single(Resolve.Errors("name: run\n", "teacher=@" + file));

            Assert.Equal((DiagnosticCodes.DuplicateKey, file + ":2:1"), (error.Code, error.Origin!.ToString()));
            Assert.StartsWith("teacher", error.Path, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_placed_file_that_includes_others_is_one_error_at_its_include_key_not_an_unknown_key()
    {
        var file = Path.Combine(Path.GetTempPath(), "strata-placed-" + Guid.NewGuid().ToString("N") + ".yaml");
        File.WriteAllText(file, "hidden_size: 64\ninclude: [base.yaml]\n");
        try
        {
            var error = Assert.Single(Resolve.Errors("name: run\n", "teacher=@" + file));

            Assert.Equal((DiagnosticCodes.Include, "teacher.include", file + ":2:1"), (error.Code, error.Path, error.Origin!.ToString()));
            Assert.StartsWith("a file placed with KEY=@FILE cannot include others", error.Message, StringComparison.Ordinal);
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public void A_placed_file_must_be_a_regular_file()
    {
        var error = Assert.Single(Resolve.Errors("name: run\n", "teacher=@" + Path.GetTempPath()));

        Assert.Equal((DiagnosticCodes.Include, "teacher"), (error.Code, error.Path));
        Assert.StartsWith("a file placed by an override must be a regular file: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_file_that_cannot_be_read_is_the_error_of_the_override()
    {
        var error = Assert.Single(Resolve.Errors("name: run\n", "teacher=@" + Path.Combine(Path.GetTempPath(), "strata-missing-" + Guid.NewGuid().ToString("N") + ".yaml")));

        Assert.Equal((DiagnosticCodes.Unreadable, "cli arg #1", 10), (error.Code, error.Origin!.ToString(), error.Origin.Column));
        Assert.EndsWith("': file not found", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("~name=3", 7, "~KEY removes what the layers below set at KEY and takes no value")]
    [InlineData("tags.\"web.en=x", 1, "expected key.path=value")]
    [InlineData("tags.\"\".a=x", 6, "a quoted key is empty")]
    [InlineData("split[-]=1", 6, "a list index is written [n] with n an integer ([-1] is the last element)")]
    [InlineData("name.=1", 6, "a key is missing (empty step in the path)")]
    [InlineData("+=1", 2, "a key is missing (empty step in the path)")]
    [InlineData("teacher=@", 9, "KEY=@FILE places a file: the path is missing after the @")]
    public void A_malformed_override_names_the_argument_and_the_column(string argument, int column, string message)
    {
        var error = Assert.Single(Resolve.Errors("name: run\n", argument));

        Assert.Equal(DiagnosticCodes.OverrideSyntax, error.Code);
        Assert.Equal(column, error.Origin!.Column);
        Assert.EndsWith(message, error.Message, StringComparison.Ordinal);
        Assert.Contains(argument, error.Message, StringComparison.Ordinal);
    }
}
