using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

public sealed class LayeringTests
{
    private static Resolved<RunConfig> Files(params string[] yamls)
    {
        var resolver = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment });
        for (var i = 0; i < yamls.Length; i++)
        {
            resolver.AddYaml(yamls[i], "f" + (i + 1) + ".yaml");
        }

        return resolver.Resolve();
    }

    [Fact]
    public void Later_files_win_and_maps_merge_deeply()
    {
        var r = Files("layers:\n  num_layers: 2\n  heads: 4\nsplit: [1, 2]\n", "layers:\n  num_layers: 3\nsplit: [5]\n");
        Assert.Equal(3, r.Config.Layers.NumLayers);
        Assert.Equal(4, r.Config.Layers.Heads);
        Assert.Equal([5.0], r.Config.Split);
    }

    [Fact]
    public void A_leaf_override_keeps_siblings_and_a_subtree_override_replaces_them()
    {
        var leaf = Resolve.Yaml("layers:\n  num_layers: 2\n  heads: 4\n", "layers.num_layers=8");
        Assert.Equal((8, 4), (leaf.Config.Layers.NumLayers, leaf.Config.Layers.Heads));

        var subtree = Resolve.Yaml("layers:\n  num_layers: 2\n  heads: 4\n", "layers={num_layers: 8}");
        Assert.Equal((8, 8), (subtree.Config.Layers.NumLayers, subtree.Config.Layers.Heads));
    }

    [Fact]
    public void Overrides_apply_in_order_and_the_last_wins()
    {
        var r = Resolve.Yaml(string.Empty, "iterations=1", "iterations=2");
        Assert.Equal(2, r.Config.Iterations);
        Assert.Equal("cli arg #2", r.Config.GetOrigin(nameof(RunConfig.Iterations)).ToString());
    }

    [Fact]
    public void An_override_may_set_a_list_element()
    {
        var r = Resolve.Yaml("extra:\n  - num_layers: 1\n  - num_layers: 2\n", "extra[1].num_layers=5");
        Assert.Equal([1, 5], r.Config.Extra.Select(static e => e.NumLayers));
    }

    [Fact]
    public void A_malformed_override_is_an_error_naming_the_argument()
    {
        var errors = Resolve.Errors(string.Empty, "novalue");
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.OverrideSyntax && e.Origin?.Argument == 1);
    }

    [Fact]
    public void The_history_of_a_value_lists_every_layer_that_set_it()
    {
        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml("iterations: 1\n", "a.yaml")
            .AddYaml("iterations: 2\n", "b.yaml")
            .AddOverride("iterations=3")
            .Resolve();
        var p = Assert.Single(r.Explain("iterations"));
        Assert.Equal(["a.yaml:1:13", "b.yaml:1:13", "cli arg #1"], p.History.Select(static o => o.ToString()));
        Assert.True(p.IsExplicit);
    }

    [Fact]
    public void A_polymorphic_type_key_chooses_the_registered_class()
    {
        var r = Resolve.Yaml("datasets:\n  train:\n    type: mix\n    datasets:\n      - type: file\n        path: x\n      - type: random\n");
        var mix = Assert.IsType<MixDatasetConfig>(r.Config.Datasets["train"]);
        Assert.IsType<FileDatasetConfig>(mix.Datasets[0]);
        Assert.Equal(42, Assert.IsType<RandomDatasetConfig>(mix.Datasets[1]).Seed);
    }

    [Fact]
    public void An_unknown_type_lists_the_valid_ones()
    {
        var error = Assert.Single(Resolve.Errors("datasets:\n  train:\n    type: fil\n"));
        Assert.Equal(DiagnosticCodes.UnknownType, error.Code);
        Assert.All(new[] { "file", "mix", "random" }, name => Assert.Contains(name, error.Message, StringComparison.Ordinal));
        Assert.Contains("did you mean 'file'?", error.Message);
    }

    [Fact]
    public void A_higher_layer_that_changes_type_drops_the_lower_layers_keys_and_says_so()
    {
        var r = Files("datasets:\n  train:\n    type: file\n    path: x\n", "datasets:\n  train:\n    type: random\n    seed: 3\n");
        Assert.Equal(3, Assert.IsType<RandomDatasetConfig>(r.Config.Datasets["train"]).Seed);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.TypeChanged && d.Message.Contains("path", StringComparison.Ordinal));
    }

    [Fact]
    public void A_renamed_key_warns_and_moves_also_on_nested_paths()
    {
        var r = Resolve.Yaml("layers:\n  width: 256\n  norm:\n    eps: 0.001\ndata:\n  old_flag: true\n");
        Assert.Equal(256, r.Config.Layers.HiddenSize);
        Assert.Equal(0.001, r.Config.Layers.Epsilon);
        Assert.True(r.Config.Flag);
        Assert.Equal(3, r.Diagnostics.Count(static d => d.Code == DiagnosticCodes.RenamedKey));
        Assert.Contains("hidden_size: 256", r.ToYaml());
    }

    [Fact]
    public void A_renamed_key_and_its_new_name_together_are_an_error()
    {
        var error = Assert.Single(Resolve.Errors("layers:\n  width: 256\n  hidden_size: 128\n"));
        Assert.Equal(DiagnosticCodes.RenameConflict, error.Code);
    }

    [Fact]
    public void A_removed_key_is_dropped_with_a_warning()
    {
        var r = Resolve.Yaml("layers:\n  legacy_flag: 1\n");
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.RemovedKey && d.Path == "layers.legacy_flag");
    }

    [Fact]
    public void Declared_environment_variables_give_implicit_values_named_by_the_variable()
    {
        var env = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = "4", ["STRATA_TEST_RANK"] = "3" };
        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env }).AddYaml("name: x\n").Resolve();
        Assert.Equal((4, 3), (r.Config.WorldSize, r.Config.Rank));
        Assert.Equal("env STRATA_TEST_WORLD_SIZE", r.Config.GetOrigin(nameof(RunConfig.WorldSize)).ToString());
        Assert.False(r.Config.IsExplicit(nameof(RunConfig.WorldSize)));
        Assert.DoesNotContain("world_size", r.ToYaml());
        Assert.Equal("4", r.EnvironmentRead["STRATA_TEST_WORLD_SIZE"]);
    }

    [Fact]
    public void An_explicit_value_wins_over_the_environment()
    {
        var env = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = "4" };
        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env }).AddYaml("world_size: 2\n").Resolve();
        Assert.Equal(2, r.Config.WorldSize);
    }

    [Fact]
    public void An_environment_value_hidden_by_an_explicit_value_is_in_its_history_and_a_different_one_is_a_warning_at_the_value()
    {
        var env = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = "4" };
        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env }).AddYaml("world_size: 2\n", "run.yaml").Resolve();

        var origin = r.Config.GetOrigin(nameof(RunConfig.WorldSize));
        Assert.Equal(["env STRATA_TEST_WORLD_SIZE (shadowed)", "run.yaml:1:13"], origin.History.Select(static o => o.ToString()));
        Assert.True(origin.Previous!.IsShadowed);
        Assert.False(origin.IsShadowed);
        var warning = Assert.Single(r.Diagnostics);
        Assert.Equal(
            "run.yaml:1:13: warning STR0126: world_size: environment variable STRATA_TEST_WORLD_SIZE is '4', but the value set here, '2', wins over it",
            warning.ToString());
        Assert.Equal("world_size: 2\n", r.ToYaml());
    }

    [Theory]
    [InlineData("02")]
    [InlineData("+2")]
    public void An_environment_value_equal_to_the_explicit_value_as_a_number_is_shown_in_the_history_without_a_warning(string value)
    {
        var env = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = value };
        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env }).AddYaml("world_size: 2\n", "run.yaml").Resolve();

        Assert.Empty(r.Diagnostics);
        Assert.Contains("env STRATA_TEST_WORLD_SIZE (shadowed)", r.Config.GetOrigin(nameof(RunConfig.WorldSize)).History.Select(static o => o.ToString()));
    }

    [Theory]
    [InlineData("")]
    [InlineData(null)]
    public void An_unset_or_empty_environment_variable_beside_an_explicit_value_leaves_no_trace(string? value)
    {
        var env = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = value };
        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env }).AddYaml("world_size: 2\n", "run.yaml").Resolve();

        Assert.Empty(r.Diagnostics);
        Assert.Equal(["run.yaml:1:13"], r.Config.GetOrigin(nameof(RunConfig.WorldSize)).History.Select(static o => o.ToString()));
    }

    [Fact]
    public void A_hidden_environment_value_the_field_cannot_take_is_a_warning_not_an_error_and_a_long_one_is_cut()
    {
        var env = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = new string('x', 100_000) };
        var r = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env }).AddYaml("world_size: 2\n", "run.yaml").Resolve();

        var warning = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticCodes.EnvironmentShadowed, warning.Code);
        Assert.True(warning.ToString().Length < 600, warning.ToString());
    }

    [Fact]
    public void A_malformed_environment_value_is_an_error_naming_the_variable()
    {
        var env = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = "four" };
        var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env }).AddYaml("name: x\n").TryResolve(out _, out var diagnostics);
        Assert.False(ok);
        Assert.Contains(diagnostics, d => d.Origin?.ToString() == "env STRATA_TEST_WORLD_SIZE");
    }
}
