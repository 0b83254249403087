using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

public sealed class ExplicitValueTests
{
    [Fact]
    public void Values_from_a_file_are_explicit_even_when_equal_to_the_default()
    {
        var r = Resolve.Yaml("layers:\n  num_layers: 12\n");
        Assert.True(r.Config.Layers.IsExplicit(nameof(LayerConfig.NumLayers)));
        Assert.Equal("layers:\n  num_layers: 12\n", r.ToYaml());
    }

    [Fact]
    public void Derived_defaults_are_implicit_and_not_saved()
    {
        var r = Resolve.Yaml("layers:\n  hidden_size: 512\n");
        Assert.Equal(2048, r.Config.Layers.FfnHiddenSize);
        Assert.Equal(64, r.Config.Layers.KvChannels);
        Assert.False(r.Config.Layers.IsExplicit(nameof(LayerConfig.FfnHiddenSize)));
        Assert.Equal(OriginKind.Derived, r.Config.Layers.GetOrigin(nameof(LayerConfig.FfnHiddenSize)).Kind);
        Assert.DoesNotContain("ffn_hidden_size", r.ToYaml());
    }

    [Fact]
    public void A_derived_default_never_overwrites_an_explicit_value()
    {
        var r = Resolve.Yaml("layers:\n  hidden_size: 512\n  ffn_hidden_size: 100\n");
        Assert.Equal(100, r.Config.Layers.FfnHiddenSize);
        Assert.Contains("ffn_hidden_size: 100", r.ToYaml());
    }

    [Fact]
    public void An_explicit_null_on_a_derived_field_means_derive_it_and_is_saved_as_null()
    {
        var r = Resolve.Yaml("layers:\n  ffn_hidden_size: 100\n", "layers.ffn_hidden_size=null");
        Assert.Equal(4096, r.Config.Layers.FfnHiddenSize);
        Assert.True(r.Config.Layers.IsExplicit(nameof(LayerConfig.FfnHiddenSize)));
        Assert.False(r.Config.Layers.IsSet(nameof(LayerConfig.FfnHiddenSize)));
        Assert.Contains("ffn_hidden_size: null", r.ToYaml());
    }

    [Fact]
    public void Derived_fields_are_computed_and_never_serialized()
    {
        var r = Resolve.Yaml("layers:\n  heads: 4\n");
        Assert.Equal(1024, r.Config.Layers.ProjectionSize);
        Assert.DoesNotContain("projection_size", r.ToYaml(Verbosity.All));
        Assert.Contains(r.Explain(), p => p.Path == "layers.projection_size" && p.Value == "1024" && p.IsDerivedField);
    }

    [Fact]
    public void Setting_a_derived_field_is_an_error_with_its_place()
    {
        var error = Assert.Single(Resolve.Errors("layers:\n  projection_size: 3\n"));
        Assert.Equal(DiagnosticCodes.DerivedFieldSet, error.Code);
        Assert.Equal("run.yaml:2:3: error STR0107: layers.projection_size: `projection_size` is derived from other fields and cannot be set", error.ToString());
    }

    [Fact]
    public void Empty_sub_configs_are_omitted_and_verbosity_adds_fields_by_hint()
    {
        var r = Resolve.Yaml("name: x\n");
        Assert.Equal("name: x\n", r.ToYaml());
        var core = r.ToYaml(Verbosity.Core);
        Assert.Contains("num_layers: 12", core);
        Assert.DoesNotContain("dropout", core);
        Assert.Contains("dropout: 0.0", r.ToYaml(Verbosity.Optional));
        Assert.Contains("batch_size: 8", r.ToYaml(Verbosity.Performance));
        Assert.DoesNotContain("world_size", r.ToYaml(Verbosity.Performance));
        Assert.Contains("world_size: 1", r.ToYaml(Verbosity.Debug));
    }

    [Theory]
    [InlineData(Verbosity.Explicit)]
    [InlineData(Verbosity.Core)]
    [InlineData(Verbosity.Optional)]
    [InlineData(Verbosity.Performance)]
    [InlineData(Verbosity.Debug)]
    [InlineData(Verbosity.All)]
    public void Every_output_resolves_back_to_the_same_config(Verbosity verbosity)
    {
        var r = Resolve.Yaml(
            "name: demo\nlayers:\n  hidden_size: 256\n  window_size: 16\nprecision: bf16\nranks: [0, 3]\ntags: {a: b}\nlayer_scales: {1: 0.5}\n"
            + "datasets:\n  train:\n    type: mix\n    datasets:\n      - type: file\n        path: a/b\n      - type: random\n        seed: 7\nextra:\n  - num_layers: 2\nshape: [3, 4]\n",
            "iterations=100");
        var again = Resolve.Yaml(r.ToYaml(verbosity));
        Assert.Empty(ConfigComparer.Compare(r.Config, again.Config));
        Assert.Equal(r.Fingerprint, again.Fingerprint);
        if (verbosity == Verbosity.Explicit)
        {
            Assert.Equal(r.ToYaml(), again.ToYaml());
        }
    }
}
