using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>Base layers (rule R9): a hook's trees go beneath the user's values before the one bind.</summary>
public sealed class BaseLayerTests
{
    private static bool TryResolve(string yaml, out Resolved<PresetHolderConfig>? resolved, out IReadOnlyList<Diagnostic> diagnostics) =>
        new ConfigResolver<PresetHolderConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml(yaml, "holder.yaml")
            .TryResolve(out resolved, out diagnostics);

    [Fact]
    public void A_base_layer_goes_beneath_the_users_values_in_lists_and_dictionaries_of_configs()
    {
        Assert.True(TryResolve("items:\n  - preset: 64\n    layer: {heads: 4}\nnamed:\n  a:\n    preset: 32\n", out var r, out _));
        var item = r!.Config.Items[0].Layer;
        Assert.Equal((64, 4, 16), (item.HiddenSize, item.Heads, item.KvChannels));
        Assert.Equal(OriginKind.Checkpoint, item.GetOrigin(nameof(LayerConfig.HiddenSize)).Kind);
        Assert.Equal("holder.yaml:3:20", item.GetOrigin(nameof(LayerConfig.Heads)).ToString());
        Assert.Equal((32, 2), (r.Config.Named["a"].Layer.HiddenSize, r.Config.Named["a"].Layer.Heads));
        Assert.Equal(12, r.Config.Named["a"].Layer.NumLayers);
    }

    [Fact]
    public void A_user_value_that_replaces_a_different_architecture_value_of_a_base_layer_warns_with_both_origins()
    {
        Assert.True(TryResolve("named:\n  a:\n    preset: 32\n    layer:\n      hidden_size: 64\n      heads: 2\n  b:\n    preset: 32\n    layer:\n      hidden_size: 32\n", out var r, out var diagnostics));
        Assert.Equal(64, r!.Config.Named["a"].Layer.HiddenSize);
        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticCodes.ArchitectureOverride, "named.a.layer.hidden_size", "holder.yaml:5:20"), (warning.Code, warning.Path, warning.Origin?.ToString()));
        Assert.Equal("overrides the architecture of the preset: 64 (holder.yaml:5:20) replaces 32 (checkpoint preset.yaml:1:14)", warning.Message);
    }

    [Fact]
    public void An_input_of_a_base_layer_that_does_not_bind_is_reported_once_at_its_place()
    {
        Assert.False(TryResolve("items:\n  - preset: wide\n", out _, out var diagnostics));
        var error = Assert.Single(diagnostics);
        Assert.Equal(("items[0].preset", "holder.yaml:2:13"), (error.Path, error.Origin?.ToString()));
    }

    [Fact]
    public void Values_set_on_a_config_that_a_hook_makes_are_implicit_and_values_set_by_program_code_are_explicit()
    {
        Assert.True(TryResolve("items: []\n", out var r, out _));
        var generated = r!.Config.Named["generated"];
        Assert.Equal(8, generated.Preset);
        Assert.False(generated.IsExplicit(nameof(PresetConfig.Preset)));
        Assert.Equal(OriginKind.Derived, generated.GetOrigin(nameof(PresetConfig.Preset)).Kind);

        var made = new PresetConfig { Preset = 8 };
        Assert.True(made.IsExplicit(nameof(PresetConfig.Preset)));
        Assert.Equal(OriginKind.Code, made.GetOrigin(nameof(PresetConfig.Preset)).Kind);
    }
}
