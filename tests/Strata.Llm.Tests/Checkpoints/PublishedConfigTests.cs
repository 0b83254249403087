using Strata.Llm.Checkpoints;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Llm.Tests.Checkpoints;

/// <summary>
/// Real <c>config.json</c> files as published on the Hugging Face Hub (TestData/Checkpoints, sources in SOURCES.md), one
/// saved the transformers 5 way: each imports with the values transformers gives it (a table per file, the effective
/// values of the base model); the ones the schema cannot express are refused at their place.
/// </summary>
public sealed class PublishedConfigTests
{
    /// <summary>
    /// File, format, then the effective values (paths under <c>model.base_model</c>) transformers uses: the file's keys,
    /// and for absent keys the configuration class's defaults (<c>num_key_value_heads</c> = <c>num_attention_heads</c>,
    /// <c>head_dim</c> = <c>hidden_size / num_attention_heads</c>, <c>rope_theta</c> 10000, <c>attention_dropout</c> 0).
    /// </summary>
    public static TheoryData<string, string, string[]> Tables() => new()
    {
        {
            "llama-2-7b", "llama",
            [
                "vocab_size=32000", "transformer.hidden_size=4096", "transformer.ffn_hidden_size=11008", "transformer.num_layers=32",
                "transformer.num_attention_heads=32", "transformer.head_groups=32", "transformer.kv_channels=128",
                "transformer.normalization.epsilon=1.0e-05", "transformer.rotary.type=default", "transformer.rotary.theta=10000.0",
                "max_position_embeddings=4096", "tie_word_embeddings=false", "transformer.init_method_std=0.02",
                "transformer.attention_dropout=0.0", "transformer.add_linear_biases=false", "transformer.num_experts=1",
            ]
        },
        {
            "llama-3.2-1b", "llama",
            [
                "vocab_size=128256", "transformer.hidden_size=2048", "transformer.ffn_hidden_size=8192", "transformer.num_layers=16",
                "transformer.num_attention_heads=32", "transformer.head_groups=8", "transformer.kv_channels=64",
                "transformer.rotary.type=llama3", "transformer.rotary.theta=500000.0", "transformer.rotary.scale_factor=32.0",
                "transformer.rotary.low_frequency_factor=1.0", "transformer.rotary.high_frequency_factor=4.0",
                "transformer.rotary.original_context_length=8192", "max_position_embeddings=131072", "tie_word_embeddings=true",
            ]
        },
        {
            "codellama-7b", "llama",
            [
                "vocab_size=32016", "transformer.hidden_size=4096", "transformer.num_layers=32", "transformer.head_groups=32",
                "transformer.rotary.type=default", "transformer.rotary.theta=1000000.0", "max_position_embeddings=16384",
                "transformer.normalization.epsilon=1.0e-05",
            ]
        },
        {
            "deepseek-llm-7b-base", "llama",
            [
                "vocab_size=102400", "transformer.hidden_size=4096", "transformer.ffn_hidden_size=11008", "transformer.num_layers=30",
                "transformer.head_groups=32", "transformer.normalization.epsilon=1.0e-06", "transformer.rotary.theta=10000.0",
                "max_position_embeddings=4096",
            ]
        },
        {
            "mistral-nemo-base-2407", "mistral",
            [
                "vocab_size=131072", "transformer.hidden_size=5120", "transformer.ffn_hidden_size=14336", "transformer.num_layers=40",
                "transformer.num_attention_heads=32", "transformer.head_groups=8", "transformer.kv_channels=128",
                "transformer.projection_size=4096", "transformer.window_size=null", "transformer.rotary.theta=1000000.0",
                "max_position_embeddings=1024000", "transformer.normalization.epsilon=1.0e-05",
            ]
        },
        {
            "qwen2.5-0.5b", "qwen2",
            [
                "vocab_size=151936", "transformer.hidden_size=896", "transformer.ffn_hidden_size=4864", "transformer.num_layers=24",
                "transformer.num_attention_heads=14", "transformer.head_groups=2", "transformer.kv_channels=64",
                "transformer.add_linear_biases=only_attn_qkv", "transformer.window_size=null", "transformer.max_window_layers=24",
                "transformer.rotary.theta=1000000.0", "transformer.normalization.epsilon=1.0e-06", "tie_word_embeddings=true",
                "max_position_embeddings=32768",
            ]
        },
        {
            "qwen2.5-1.5b-transformers-5", "qwen2",
            [
                "vocab_size=151936", "transformer.hidden_size=1536", "transformer.ffn_hidden_size=8960", "transformer.num_layers=28",
                "transformer.num_attention_heads=12", "transformer.head_groups=2", "transformer.kv_channels=128",
                "transformer.add_linear_biases=only_attn_qkv", "transformer.window_size=null", "transformer.max_window_layers=28",
                "transformer.rotary.type=default", "transformer.rotary.theta=1000000.0", "transformer.normalization.epsilon=1.0e-06",
                "tie_word_embeddings=true", "max_position_embeddings=131072",
            ]
        },
    };

    [Theory]
    [MemberData(nameof(Tables))]
    public void A_published_config_imports_with_the_values_transformers_uses(string name, string format, string[] expected)
    {
        var resolved = Checkpoint.Model("pretrained:\n  format: " + format + "\n  path: " + name + "\n");
        Assert.Empty(resolved.Diagnostics);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in resolved.Explain("model.base_model"))
        {
            values[entry.Path["model.base_model.".Length..]] = entry.Value;
        }

        foreach (var row in expected)
        {
            var path = row[..row.IndexOf('=', StringComparison.Ordinal)];
            Assert.True(values.TryGetValue(path, out var value), name + ": no value at " + path);
            Assert.Equal(name + ": " + row, name + ": " + path + "=" + value);
        }
    }

    [Fact]
    public void A_published_config_with_a_rope_type_that_has_no_equivalent_is_refused_at_the_type()
    {
        // deepseek-coder-6.7b-base: linear rope scaling, written with the legacy "type" key.
        var (config, diagnostics) = Checkpoint.Read(Checkpoint.Fixture("deepseek-coder-6.7b-base"), "auto");

        Assert.Null(config);
        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((21, 13), (error.Origin?.Line, error.Origin?.Column));
        Assert.Equal("rope_scaling type \"linear\" has no equivalent here (known: default, llama3, yarn)", error.Message);
    }

    [Theory]
    [InlineData("deepseek_v3", "DeepseekV3ForCausalLM")]
    [InlineData("deepseek_v2", "DeepseekV2ForCausalLM")]
    [InlineData("gemma2", "Gemma2ForCausalLM")]
    public void A_model_type_the_schema_does_not_support_is_refused_naming_the_known_formats(string modelType, string architecture)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "config.json", "{\"architectures\": [\"" + architecture + "\"], \"model_type\": \"" + modelType + "\", \"hidden_size\": 7168}");

        var (config, diagnostics) = Checkpoint.Read(path, "auto");

        Assert.Null(config);
        var error = Assert.Single(diagnostics);
        Assert.Equal((1, 39 + architecture.Length), (error.Origin?.Line, error.Origin?.Column));
        Assert.StartsWith("config.json has the model_type \"" + modelType + "\", which is not a known format; the auto format picks the format from it (known: ", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_transformers_5_config_exports_back_in_its_own_form_and_a_4_config_in_its_own()
    {
        var five = Checkpoint.Model("pretrained:\n  format: qwen2\n  path: qwen2.5-1.5b-transformers-5\n").Config.Model;
        var version = Checkpoint.TransformersVersion("qwen2.5-1.5b-transformers-5");
        Assert.Equal("5.17.0", version);

        var written = Parse(CheckpointConfigWriter.Write(five, "qwen2", transformersVersion: version));
        Assert.False(written.TryGetValue("rope_theta", out _));
        Assert.False(written.TryGetValue("rope_scaling", out _));
        Assert.Equal("{\"rope_theta\": 1000000.0, \"rope_type\": \"default\"}", Flat(Get(written, "rope_parameters")));
        Assert.Equal("5.17.0", ((ConfigScalar)Get(written, "transformers_version")).Value);

        var four = Checkpoint.Model("pretrained:\n  format: llama\n  path: llama-3.1-8b\n").Config.Model;
        Assert.Equal("4.43.0.dev0", Checkpoint.TransformersVersion("llama-3.1-8b"));
        var written4 = Parse(CheckpointConfigWriter.Write(four, "llama", transformersVersion: "4.43.0.dev0"));
        Assert.False(written4.TryGetValue("rope_parameters", out _));
        Assert.Equal("500000.0", ((ConfigScalar)Get(written4, "rope_theta")).Value);
        Assert.Equal(
            "{\"factor\": 8.0, \"high_freq_factor\": 4.0, \"low_freq_factor\": 1.0, \"original_max_position_embeddings\": 8192, \"rope_type\": \"llama3\"}",
            Flat(Get(written4, "rope_scaling")));

        var written5 = Parse(CheckpointConfigWriter.Write(four, "llama", transformersVersion: "5.0.0"));
        Assert.Equal(
            "{\"factor\": 8.0, \"high_freq_factor\": 4.0, \"low_freq_factor\": 1.0, \"original_max_position_embeddings\": 8192, \"rope_theta\": 500000.0, \"rope_type\": \"llama3\"}",
            Flat(Get(written5, "rope_parameters")));
    }

    [Theory]
    [InlineData("5.0.0", true)]
    [InlineData("5.17.0", true)]
    [InlineData("12.1", true)]
    [InlineData("4.57.1", false)]
    [InlineData("4.43.0.dev0", false)]
    [InlineData(null, false)]
    public void The_rope_parameters_form_is_written_from_transformers_5(string? version, bool parameters)
    {
        var model = Checkpoint.Model("pretrained:\n  format: llama\n  path: llama-3.2-1b\n").Config.Model;
        var written = Parse(CheckpointConfigWriter.Write(model, "llama", transformersVersion: version));
        Assert.Equal(parameters, written.TryGetValue("rope_parameters", out _));
        Assert.Equal(!parameters, written.TryGetValue("rope_theta", out _));
    }

    [Theory]
    [InlineData("\"5.0\\u0000\"")]
    [InlineData("\"5..0\"")]
    [InlineData("\"v5\"")]
    [InlineData("\"5.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0.0\"")]
    [InlineData("5")]
    [InlineData("null")]
    public void A_transformers_version_that_is_not_a_version_is_not_taken(string json)
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "config.json", "{\"model_type\": \"llama\", \"transformers_version\": " + json + "}");
        Assert.Null(Checkpoint.TransformersVersion(path));
    }

    private static ConfigNode Get(ConfigMap map, string key) => map.TryGetValue(key, out var node) ? node : throw new KeyNotFoundException(key);

    private static ConfigMap Parse(string json) => Assert.IsType<ConfigMap>(JsonDocumentReader.Parse(json, "config.json").Root);

    private static string Flat(ConfigNode node) => node switch
    {
        ConfigMap map => "{" + string.Join(", ", map.Entries.Select(e => "\"" + e.Key + "\": " + Flat(e.Value))) + "}",
        ConfigScalar { Style: ScalarStyle.Quoted, Value: var text } => "\"" + text + "\"",
        ConfigScalar scalar => scalar.Value ?? "null",
        _ => "?",
    };
}
