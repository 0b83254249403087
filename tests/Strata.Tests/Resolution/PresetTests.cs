using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>
/// A preset is a named config of one class: a file includes it (<c>include: [preset:NAME]</c>, placed at the field of
/// its class) or an override places it (<c>teacher=@preset:NAME</c>); its values are explicit, at <c>preset NAME</c>.
/// </summary>
public sealed class PresetTests
{
    private static readonly ConfigPreset s_small = Register(new ConfigPreset("test-small-layers", typeof(LayerConfig), "num_layers: 2\nheads: 4\n", "Two small layers."));
    private static readonly ConfigPreset s_dataset = Register(new ConfigPreset("test-file-dataset", typeof(FileDatasetConfig), "path: data.bin\n", "A dataset."));

    [Fact]
    public void A_preset_included_by_a_file_goes_to_the_field_of_its_class_beneath_the_file()
    {
        var resolved = Resolve.Yaml("include: [preset:" + s_small.Name + "]\nlayers:\n  heads: 16\n");

        Assert.Equal((2, 16), (resolved.Config.Layers.NumLayers, resolved.Config.Layers.Heads));
        var layers = resolved.Explain().Single(static p => p.Path == "layers.num_layers");
        Assert.Equal(("preset test-small-layers", true), (layers.Origin.ToString(), layers.IsExplicit));
        Assert.Contains("num_layers: 2", resolved.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_override_places_a_preset_at_its_path()
    {
        var resolved = Resolve.Yaml("name: run\n", "teacher=@preset:" + s_small.Name);

        Assert.Equal(2, resolved.Config.Teacher!.NumLayers);
        Assert.Equal("preset test-small-layers", resolved.Explain().Single(static p => p.Path == "teacher.heads").Origin.ToString());
    }

    [Fact]
    public void A_preset_added_to_the_resolver_is_a_layer_beneath_the_next_ones()
    {
        var resolved = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddPreset(s_small.Name)
            .AddYaml("layers: {heads: 16}\n", "run.yaml")
            .Resolve();

        Assert.Equal((2, 16), (resolved.Config.Layers.NumLayers, resolved.Config.Layers.Heads));
        Assert.Equal(["preset test-small-layers at layers", "file run.yaml"], resolved.Layers.Select(static l => l.ToString()));
    }

    [Fact]
    public void An_unknown_preset_is_an_error_that_suggests_the_closest_name()
    {
        // Named through s_small, so that the preset is registered whichever test of the class runs first.
        var error = Assert.Single(Resolve.Errors("include: [preset:" + s_small.Name.Replace("small", "smal", StringComparison.Ordinal) + "]\n"));

        Assert.Equal((DiagnosticCodes.Include, "unknown preset 'test-smal-layers' (did you mean 'test-small-layers'?)"), (error.Code, error.Message));
    }

    [Fact]
    public void A_preset_of_a_class_that_has_no_place_in_the_config_is_an_error()
    {
        var error = Assert.Single(Resolve.Errors("include: [preset:" + s_dataset.Name + "]\n"));

        Assert.Equal("the preset 'test-file-dataset' configures a FileDatasetConfig, which has no place in a RunConfig", error.Message);
    }

    [Fact]
    public void The_layers_of_a_resolved_config_are_listed_in_merge_order_with_includes_before_the_file_that_names_them()
    {
        var resolved = Resolve.Yaml("include: [preset:" + s_small.Name + "]\nname: run\n", "iterations=3", "~name");

        Assert.Equal(
            ["  preset test-small-layers at layers", "file run.yaml", "override iterations=3", "override ~name"],
            resolved.Layers.Select(static l => l.ToString()));
    }

    [Fact]
    public void A_preset_name_must_be_simple_and_unique()
    {
        Assert.Throws<ArgumentException>(() => new ConfigPreset("Big Model", typeof(LayerConfig), "{}", "x"));
        Assert.Throws<ArgumentException>(() => ConfigPresets.Register(new ConfigPreset(s_small.Name, typeof(LayerConfig), "{}", "again")));
    }

    private static ConfigPreset Register(ConfigPreset preset)
    {
        ConfigPresets.Register(preset);
        return preset;
    }
}
