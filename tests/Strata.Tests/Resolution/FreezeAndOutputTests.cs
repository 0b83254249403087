using System.Globalization;
using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

public sealed class FreezeAndOutputTests
{
    [Fact]
    public void A_resolved_config_is_frozen_deeply()
    {
        var r = Resolve.Yaml("extra:\n  - num_layers: 1\ntags: {a: b}\n");
        Assert.True(r.Config.IsFrozen);
        Assert.Throws<InvalidOperationException>(() => r.Config.Layers.NumLayers = 3);
        Assert.Throws<InvalidOperationException>(() => r.Config.Extra[0].NumLayers = 3);
        Assert.Throws<InvalidOperationException>(() => r.Config.Split.Add(1));
        Assert.Throws<InvalidOperationException>(() => r.Config.Tags["c"] = "d");
        r.Config.Layers.NumLayers = 12; // the identical value is a no-op (R11)
    }

    [Fact]
    public void Values_set_in_code_before_resolution_are_explicit()
    {
        var config = new RunConfig();
        config.Layers.NumLayers = 12;
        Assert.True(config.Layers.IsExplicit(nameof(LayerConfig.NumLayers)));
        Assert.Equal(OriginKind.Code, config.Layers.GetOrigin(nameof(LayerConfig.NumLayers)).Kind);
        Assert.Contains("num_layers: 12", ConfigSerializer.ToYaml(config));
    }

    [Fact]
    public void Secrets_are_left_out_of_saved_configs_and_redacted_in_explain()
    {
        var r = Resolve.Yaml("api_key: hunter2\n");
        Assert.DoesNotContain("hunter2", r.ToYaml());
        Assert.DoesNotContain("hunter2", r.ToYaml(Verbosity.All));
        Assert.DoesNotContain("hunter2", r.ToJson(Verbosity.All));
        Assert.DoesNotContain("hunter2", string.Join("\n", r.Explain()));
        Assert.Contains("hunter2", r.ToYaml(secrets: SecretHandling.Include));
    }

    [Theory]
    [InlineData("api_key: hunter2\n", "***")]
    [InlineData("api_key: ''\n", "(unset)")]
    [InlineData("api_key: null\n", "(unset)")]
    [InlineData("{}\n", "(unset)")]
    public void Explain_shows_whether_a_secret_is_set_but_never_its_value(string yaml, string shown)
    {
        var r = Resolve.Yaml(yaml);
        Assert.Equal(shown, Assert.Single(r.Explain("api_key")).Value);
    }

    [Fact]
    public void The_fingerprint_ignores_rank_local_fields_and_the_culture()
    {
        var env0 = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = "2", ["STRATA_TEST_RANK"] = "0" };
        var env1 = new Dictionary<string, string?> { ["STRATA_TEST_WORLD_SIZE"] = "2", ["STRATA_TEST_RANK"] = "1" };
        const string yaml = "learning_rate: 0.5\nscale: 1.25\n";
        var a = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env0 }).AddYaml(yaml).Resolve();
        var previous = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = new CultureInfo("de-DE");
            var b = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env1 }).AddYaml(yaml).Resolve();
            Assert.Equal(a.Fingerprint, b.Fingerprint);
            Assert.Equal(a.ToYaml(Verbosity.All), b.ToYaml(Verbosity.All).Replace("rank: 1", "rank: 0", StringComparison.Ordinal));
        }
        finally
        {
            CultureInfo.CurrentCulture = previous;
        }

        var c = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = env0 }).AddYaml("learning_rate: 0.25\n").Resolve();
        Assert.NotEqual(a.Fingerprint, c.Fingerprint);
        Assert.Matches("^[0-9a-f]{64}$", a.Fingerprint);
    }

    [Fact]
    public void Comparing_configs_lists_every_differing_effective_value()
    {
        var a = Resolve.Yaml("layers:\n  hidden_size: 512\n");
        var b = Resolve.Yaml("layers:\n  hidden_size: 1024\n  ffn_hidden_size: 2048\n");
        var diff = ConfigComparer.Compare(a.Config, b.Config);
        Assert.Contains(diff, d => d.Path == "layers.hidden_size" && d.Left == "512" && d.Right == "1024");
        Assert.Contains(diff, d => d.Path == "layers.kv_channels");
        Assert.DoesNotContain(diff, d => d.Path == "layers.ffn_hidden_size");
    }

    [Fact]
    public void Json_output_is_an_object_with_typed_values()
    {
        var r = Resolve.Yaml("name: '007'\niterations: 5\nflag: true\n");
        var json = r.ToJson();
        Assert.Contains("\"name\": \"007\"", json);
        Assert.Contains("\"iterations\": 5", json);
        Assert.Contains("\"flag\": true", json);
        var back = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment }).AddJson(json).Resolve();
        Assert.Empty(ConfigComparer.Compare(r.Config, back.Config));
    }
}
