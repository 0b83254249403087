using System.Text;
using Microsoft.Extensions.Configuration;
using Strata.Extensions.Tests.Configs;

namespace Strata.Extensions.Tests;

/// <summary>An <see cref="IConfiguration"/> as a Strata layer: keys, lists, typing, origins and diagnostics.</summary>
public sealed class ConfigurationLayerTests
{
    [Fact]
    public void Property_names_and_snake_case_keys_name_the_same_fields_in_any_case()
    {
        var config = Resolve(new()
        {
            ["App:NumLayers"] = "4",
            ["App:hidden_size"] = "128",
            ["App:OPTIMIZER:LR"] = "0.01",
            ["App:optimizer:Beta_1"] = "0.8",
            ["App:Verbose"] = "true",
        });

        Assert.Equal(4, config.NumLayers);
        Assert.Equal(128, config.HiddenSize);
        Assert.Equal(0.01, config.Optimizer.LearningRate);
        Assert.Equal(0.8, config.Optimizer.Beta1);
        Assert.True(config.Verbose);
    }

    [Fact]
    public void Numbered_children_of_a_list_field_become_a_list_in_index_order()
    {
        var values = new Dictionary<string, string?>
        {
            ["App:Layers:0:Name"] = "embedding",
            ["App:Layers:1:Width"] = "16",
        };
        for (var i = 0; i <= 10; i++)
        {
            values["App:EvalSteps:" + i] = (100 * i).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        var config = Resolve(values);

        Assert.Equal(["embedding", "layer"], config.Layers.Select(l => l.Name));
        Assert.Equal([8, 16], config.Layers.Select(l => l.Width));
        Assert.Equal([0, 100, 200, 300, 400, 500, 600, 700, 800, 900, 1000], config.EvalSteps);
    }

    [Fact]
    public void Gaps_in_list_indices_close_up_as_the_configuration_binder_does()
    {
        var config = Resolve(new() { ["App:EvalSteps:0"] = "5", ["App:EvalSteps:7"] = "9" });

        Assert.Equal([5, 9], config.EvalSteps);
    }

    [Fact]
    public void Dictionary_keys_are_kept_as_written()
    {
        var config = Resolve(new() { ["App:LrScales:Embedding"] = "0.5", ["App:lr_scales:head"] = "2" });

        Assert.Equal(0.5, config.LrScales["Embedding"]);
        Assert.Equal(2, config.LrScales["head"]);
    }

    [Fact]
    public void A_type_key_chooses_the_subclass_case_insensitively()
    {
        var config = Resolve(new() { ["App:Dataset:Type"] = "Memmap", ["App:Dataset:Path"] = "/data/tokens", ["App:Dataset:Weight"] = "2" });

        var dataset = Assert.IsType<MemmapDatasetConfig>(config.Dataset);
        Assert.Equal("/data/tokens", dataset.Path);
        Assert.Equal(2, dataset.Weight);
    }

    [Fact]
    public void A_configuration_can_set_a_field_of_the_subclass_that_a_lower_layer_chose()
    {
        var resolved = new ConfigResolver<AppConfig>()
            .AddYaml("dataset:\n  type: random\n")
            .AddConfiguration(Build(new() { ["App:Dataset:TokenSeed"] = "3" }), "App")
            .Resolve();

        Assert.Equal(3, Assert.IsType<RandomDatasetConfig>(resolved.Config.Dataset).TokenSeed);
    }

    [Fact]
    public void Every_value_is_typed_by_its_field_and_a_bad_one_is_an_ordinary_diagnostic_at_the_provider_key()
    {
        var exception = Assert.Throws<ConfigException>(() => Resolve(new() { ["App:NumLayers"] = "four", ["App:Verbose"] = "y" }));

        var numLayers = Assert.Single(exception.Diagnostics, d => d.Path == "num_layers");
        Assert.Equal(DiagnosticCodes.TypeMismatch, numLayers.Code);
        Assert.Equal(OriginKind.Provider, numLayers.Origin?.Kind);
        Assert.Equal("MemoryConfigurationProvider App:NumLayers", numLayers.Origin?.Source);
        Assert.StartsWith("provider MemoryConfigurationProvider App:NumLayers: error STR0102: num_layers:", numLayers.ToString(), StringComparison.Ordinal);

        // "y" is not a boolean to Strata (rule R5: true/false, yes/no, on/off), whatever the configuration binder would say.
        Assert.Contains(exception.Diagnostics, d => d.Path == "verbose" && d.Code == DiagnosticCodes.TypeMismatch);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var exception = Assert.Throws<ConfigException>(() => Resolve(new()
        {
            ["App:NumLayers"] = "-1",
            ["App:HiddenSize"] = "wide",
            ["App:NumLayer"] = "3",
            ["App:TotalWidth"] = "12",
        }));

        Assert.Contains(exception.Diagnostics, d => d.Code == DiagnosticCodes.FieldRule && d.Path == "num_layers");
        Assert.Contains(exception.Diagnostics, d => d.Code == DiagnosticCodes.TypeMismatch && d.Path == "hidden_size");
        // An unknown key is named in snake_case, like the keys it is compared with, and its origin names it as written.
        var unknown = Assert.Single(exception.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey);
        Assert.Equal("MemoryConfigurationProvider App:NumLayer", unknown.Origin?.Source);
        Assert.Contains("num_layer", unknown.Message, StringComparison.Ordinal);
        Assert.Contains("num_layers", unknown.Message, StringComparison.Ordinal);
        Assert.Contains(exception.Diagnostics, d => d.Code == DiagnosticCodes.DerivedFieldSet);
    }

    [Fact]
    public void A_renamed_key_is_moved_with_a_warning_whatever_its_spelling()
    {
        var resolved = new ConfigResolver<AppConfig>().AddConfiguration(Build(new() { ["App:Width"] = "32" }), "App").Resolve();

        Assert.Equal(32, resolved.Config.HiddenSize);
        Assert.Contains(resolved.Diagnostics, d => d.Code == DiagnosticCodes.RenamedKey);
    }

    [Fact]
    public void The_origin_names_the_provider_that_supplied_the_value_the_last_one_winning()
    {
        var prefix = UniquePrefix();
        Environment.SetEnvironmentVariable(prefix + "App__NumLayers", "6");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["App:NumLayers"] = "3", ["App:HiddenSize"] = "32" })
                .AddEnvironmentVariables(prefix)
                .Build();

            var resolved = new ConfigResolver<AppConfig>().AddConfiguration(configuration, "App").Resolve();

            Assert.Equal(6, resolved.Config.NumLayers);
            Assert.Equal("EnvironmentVariablesConfigurationProvider Prefix: '" + prefix + "' App:NumLayers", Origin(resolved, "num_layers").Source);
            Assert.Equal("MemoryConfigurationProvider App:HiddenSize", Origin(resolved, "hidden_size").Source);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "App__NumLayers", null);
        }
    }

    [Fact]
    public void Two_spellings_of_one_field_in_two_providers_merge_the_later_provider_winning()
    {
        var prefix = UniquePrefix();
        Environment.SetEnvironmentVariable(prefix + "APP__NUM_LAYERS", "9");
        try
        {
            var configuration = new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["App:NumLayers"] = "3", ["App:Optimizer:Lr"] = "0.5" })
                .AddEnvironmentVariables(prefix)
                .Build();

            var resolved = new ConfigResolver<AppConfig>().AddConfiguration(configuration, "App").Resolve();

            Assert.Equal(9, resolved.Config.NumLayers);
            Assert.Equal(0.5, resolved.Config.Optimizer.LearningRate);
            Assert.Equal("EnvironmentVariablesConfigurationProvider Prefix: '" + prefix + "' App:NUM_LAYERS", Origin(resolved, "num_layers").Source);
        }
        finally
        {
            Environment.SetEnvironmentVariable(prefix + "APP__NUM_LAYERS", null);
        }
    }

    [Fact]
    public void Values_from_a_configuration_are_explicit_and_saved()
    {
        var resolved = new ConfigResolver<AppConfig>()
            .AddConfiguration(Build(new() { ["App:NumLayers"] = "4", ["App:Optimizer:DecaySteps"] = "500" }), "App")
            .Resolve();

        Assert.Equal("num_layers: 4\noptimizer:\n  decay_steps: 500\n", resolved.ToYaml());
        Assert.Equal(50, resolved.Config.Optimizer.WarmupSteps);
        Assert.True(Origin(resolved, "num_layers").IsExplicit);
        Assert.Equal(OriginKind.Derived, Origin(resolved, "optimizer.warmup_steps").Kind);
    }

    [Fact]
    public void An_empty_value_is_null_for_a_nullable_number_and_an_empty_string_for_a_string()
    {
        var resolved = new ConfigResolver<AppConfig>()
            .AddYaml("seed: 5\nnote: hello\n")
            .AddConfiguration(Build(new() { ["App:Seed"] = string.Empty, ["App:Note"] = string.Empty }), "App")
            .Resolve();

        Assert.Null(resolved.Config.Seed);
        Assert.Equal(string.Empty, resolved.Config.Note);
    }

    [Fact]
    public void Json_nulls_and_empty_arrays_read_as_the_configuration_binder_reads_them()
    {
        const string Json = """{ "App": { "Seed": null, "EvalSteps": [], "Layers": [ { "Name": "a" } ] } }""";
        var configuration = new ConfigurationBuilder().AddJsonStream(new MemoryStream(Encoding.UTF8.GetBytes(Json))).Build();

        var resolved = new ConfigResolver<AppConfig>()
            .AddYaml("seed: 5\neval_steps: [1, 2]\n")
            .AddConfiguration(configuration, "App")
            .Resolve();

        Assert.Null(resolved.Config.Seed);
        Assert.Empty(resolved.Config.EvalSteps);
        Assert.Equal("a", Assert.Single(resolved.Config.Layers).Name);
    }

    [Fact]
    public void A_section_given_without_its_root_still_works_but_cannot_name_its_provider()
    {
        var section = Build(new() { ["App:NumLayers"] = "5" }).GetSection("App");

        var resolved = new ConfigResolver<AppConfig>().AddConfiguration(section).Resolve();

        Assert.Equal(5, resolved.Config.NumLayers);
        Assert.Equal("IConfiguration App:NumLayers", Origin(resolved, "num_layers").Source);
    }

    [Fact]
    public void A_missing_section_adds_nothing()
    {
        var resolved = new ConfigResolver<AppConfig>().AddConfiguration(Build(new() { ["Other:NumLayers"] = "5" }), "App").Resolve();

        Assert.Equal(2, resolved.Config.NumLayers);
        Assert.Equal("{}\n", resolved.ToYaml());
    }

    [Fact]
    public void A_configuration_layers_between_files_and_overrides_in_the_order_added()
    {
        var resolved = new ConfigResolver<AppConfig>()
            .AddYaml("num_layers: 1\nhidden_size: 16\nname: from-yaml\n", "base.yaml")
            .AddConfiguration(Build(new() { ["App:NumLayers"] = "2", ["App:HiddenSize"] = "32" }), "App")
            .AddYaml("hidden_size: 48\n", "last.yaml")
            .AddOverride("num_layers=3")
            .Resolve();

        Assert.Equal(3, resolved.Config.NumLayers);
        Assert.Equal(48, resolved.Config.HiddenSize);
        Assert.Equal("from-yaml", resolved.Config.Name);
        Assert.Equal(
            ["base.yaml:1:13", "provider MemoryConfigurationProvider App:NumLayers", "cli arg #1"],
            Origin(resolved, "num_layers").History.Select(o => o.ToString()));
    }

    [Fact]
    public void The_whole_configuration_can_be_the_layer()
    {
        var resolved = new ConfigResolver<AppConfig>().AddConfiguration(Build(new() { ["NumLayers"] = "7", ["Layers:0:Width"] = "3" })).Resolve();

        Assert.Equal(7, resolved.Config.NumLayers);
        Assert.Equal(3, Assert.Single(resolved.Config.Layers).Width);
    }

    [Fact]
    public void A_key_45_000_levels_deep_is_one_nesting_error_at_the_limit_not_a_stack_overflow()
    {
        var key = "App:Unknown" + string.Concat(Enumerable.Repeat(":x", 45_000));
        var watch = System.Diagnostics.Stopwatch.StartNew();

        var ok = new ConfigResolver<AppConfig>().AddConfiguration(Build(new() { [key] = "1" }), "App").TryResolve(out _, out var diagnostics);

        Assert.False(ok);
        var error = Assert.Single(diagnostics);
        Assert.Equal(DiagnosticCodes.NestingLimit, error.Code);
        Assert.Equal("provider MemoryConfigurationProvider App:Unknown" + string.Concat(Enumerable.Repeat(":x", 127)), error.Origin!.ToString());
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
    }

    [Fact]
    public void Keys_are_held_to_the_depth_limit_of_the_resolver()
    {
        var options = new ResolveOptions { Limits = new Sources.SourceLimits { MaxDepth = 3 } };
        var values = new Dictionary<string, string?> { ["App:LrScales:Embedding"] = "0.5" };

        Assert.True(new ConfigResolver<AppConfig>(options).AddConfiguration(Build(values), "App").TryResolve(out _, out var none), string.Join(" | ", none));

        values["App:Unknown:a:b:c"] = "1";
        Assert.False(new ConfigResolver<AppConfig>(options).AddConfiguration(Build(values), "App").TryResolve(out _, out var diagnostics));
        Assert.Equal("provider MemoryConfigurationProvider App:Unknown:a:b: error STR0005: the tree nests deeper than the limit of 3 levels", Assert.Single(diagnostics).ToString());
    }

    private static AppConfig Resolve(Dictionary<string, string?> values) =>
        new ConfigResolver<AppConfig>().AddConfiguration(Build(values), "App").Resolve().Config;

    private static IConfigurationRoot Build(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    private static Origin Origin(Resolved<AppConfig> resolved, string path) =>
        Assert.Single(resolved.Explain(), p => p.Path == path).Origin;

    private static string UniquePrefix() => "STRATA_TEST_" + Guid.NewGuid().ToString("N")[..8] + "_";
}
