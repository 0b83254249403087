using Strata.Llm.Checkpoints;
using Strata.Llm.Models;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Llm.Tests.Checkpoints;

/// <summary>
/// transformers 5's <c>rope_parameters</c>, <c>layer_types</c>, and a <c>null</c> where transformers' configuration class
/// gives a default: imported as transformers reads them, or refused at their place.
/// </summary>
public sealed class RopeParametersTests
{
    [Fact]
    public void Llama3_rope_parameters_import_the_base_the_type_and_its_parameters()
    {
        var rotary = Model(
            "\"rope_parameters\": {\"factor\": 8.0, \"high_freq_factor\": 4.0, \"low_freq_factor\": 1.0, \"original_max_position_embeddings\": 8192, \"rope_theta\": 500000.0, \"rope_type\": \"llama3\"}").Transformer.Rotary;

        Assert.Equal((RotaryEmbeddingType.Llama3, 500000.0, 8.0, 1.0, 4.0, 8192), (rotary.Type, rotary.Theta, rotary.ScaleFactor, rotary.LowFrequencyFactor, rotary.HighFrequencyFactor, rotary.OriginalContextLength));
    }

    [Fact]
    public void Yarn_rope_parameters_import_their_parameters()
    {
        var rotary = Model(
            "\"rope_parameters\": {\"rope_type\": \"yarn\", \"rope_theta\": 1000000.0, \"factor\": 4.0, \"original_max_position_embeddings\": 32768, \"beta_fast\": 16.0, \"beta_slow\": 2.0, \"attention_factor\": 1.2}").Transformer.Rotary;

        Assert.Equal((RotaryEmbeddingType.Yarn, 1000000.0, 4.0, 32768, 16.0, 2.0, 1.2), (rotary.Type, rotary.Theta, rotary.ScaleFactor, rotary.OriginalContextLength, rotary.BetaFast, rotary.BetaSlow, rotary.AttentionFactor));
    }

    [Theory]
    [InlineData("\"max_position_embeddings\": 32768, \"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}", 32768)]
    [InlineData("\"max_position_embeddings\": 32768, \"rope_scaling\": {\"type\": \"yarn\", \"factor\": 4.0}", 32768)]
    [InlineData("\"max_position_embeddings\": 65536, \"rope_parameters\": {\"rope_type\": \"yarn\", \"factor\": 4.0, \"rope_theta\": 10000.0}", 65536)]
    [InlineData("\"max_position_embeddings\": 131072, \"rope_parameters\": {\"rope_type\": \"llama3\", \"factor\": 8.0, \"low_freq_factor\": 1.0, \"high_freq_factor\": 4.0, \"rope_theta\": 500000.0}", 131072)]
    [InlineData("\"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}", 2048)]
    public void An_absent_original_length_is_max_position_embeddings_as_transformers_reads_it(string keys, int expected)
    {
        // transformers (4.x's _compute_yarn_parameters, 5.x's standardize_rope_params) takes max_position_embeddings, the
        // file's or the format's default (Llama: 2048), not the field default of 8192.
        Assert.Equal(expected, Model(keys).Transformer.Rotary.OriginalContextLength);
    }

    [Fact]
    public void An_absent_original_length_is_placed_at_max_position_embeddings()
    {
        using var temp = new TemporaryDirectory();
        temp.Write("ckpt", "config.json", "{\"model_type\": \"llama\",\n\"max_position_embeddings\": 32768,\n\"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}}");
        var origin = Pretrained(temp.Path, "ckpt").Model.BaseModel.Transformer.Rotary.GetOrigin(nameof(RotaryConfig.OriginalContextLength));
        Assert.Equal((OriginKind.Checkpoint, 2, 28), (origin.Kind, origin.Line, origin.Column));
    }

    [Theory]
    [InlineData(null, "rope_scaling")]
    [InlineData("5.0.0", "rope_parameters")]
    public void A_yarn_without_its_original_length_exports_without_it_and_reimports_the_same_model(string? version, string key)
    {
        // Left out, it reads as max_position_embeddings in every transformers version; written, 4.5x would also make the factor 1.
        using var temp = new TemporaryDirectory();
        temp.Write("ckpt", "config.json", "{\"model_type\": \"llama\", \"max_position_embeddings\": 32768, \"rope_scaling\": {\"rope_type\": \"yarn\", \"factor\": 4.0}}");
        var imported = Pretrained(temp.Path, "ckpt").Model;
        var text = CheckpointConfigWriter.Write(imported, "llama", transformersVersion: version);
        var rope = Assert.IsType<ConfigMap>(TreeText.At(Assert.IsType<ConfigMap>(JsonDocumentReader.Parse(text, "config.json").Root), key));
        Assert.Equal(
            version is null ? ["factor", "rope_type"] : ["factor", "rope_theta", "rope_type"],
            rope.Entries.Where(static e => e.Key is not ("attention_factor" or "beta_fast" or "beta_slow")).Select(static e => e.Key));

        temp.Write("exported", "config.json", text);
        var reimported = Pretrained(temp.Path, "exported").Model;
        Assert.Empty(ConfigComparer.Compare(imported.BaseModel, reimported.BaseModel));
        Assert.Equal(32768, reimported.BaseModel.Transformer.Rotary.OriginalContextLength);
    }

    [Fact]
    public void Rope_parameters_without_a_base_take_the_formats_default_base()
    {
        Assert.Equal((RotaryEmbeddingType.Default, 10000.0), (Model("\"rope_parameters\": {\"rope_type\": \"default\"}").Transformer.Rotary.Type, Model("\"rope_parameters\": {\"rope_type\": \"default\"}").Transformer.Rotary.Theta));
    }

    [Fact]
    public void Rope_theta_beside_rope_parameters_is_not_imported_and_says_so()
    {
        var diagnostics = Import("{\"model_type\": \"llama\", \"rope_theta\": 10000.0, \"rope_parameters\": {\"rope_type\": \"default\", \"rope_theta\": 500000.0}}", out var config);

        var warning = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, 1, 39), (warning.Severity, warning.Origin?.Line, warning.Origin?.Column));
        Assert.Equal("config.json key 'rope_theta' is not imported: 'rope_parameters' (transformers 5) takes its place", warning.Message);
        Assert.Contains("theta: 500000.0", TreeText.Show(config!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("{\"rope_type\": \"linear\", \"factor\": 2.0, \"rope_theta\": 10000.0}", 1, 58, "rope_parameters type \"linear\" has no equivalent here (known: default, llama3, yarn)")]
    [InlineData("{\"rope_type\": \"longrope\", \"rope_theta\": 10000.0}", 1, 58, "rope_parameters type \"longrope\" has no equivalent here (known: default, llama3, yarn)")]
    [InlineData("{\"rope_theta\": 10000.0}", 1, 44, "config.json key 'rope_parameters' must name its type in 'rope_type' (a string)")]
    [InlineData("{\"rope_type\": 3}", 1, 58, "config.json key 'rope_parameters' must name its type in 'rope_type' (a string)")]
    [InlineData("{\"full_attention\": {\"rope_type\": \"default\", \"rope_theta\": 10000.0}, \"sliding_attention\": {\"rope_type\": \"default\", \"rope_theta\": 1000.0}}", 1, 44, "config.json key 'rope_parameters' must name its type in 'rope_type' (a string)")]
    [InlineData("{\"rope_type\": \"default\", \"rope_theta\": \"big\"}", 1, 83, "rope_parameters key 'rope_theta' must be a number, got the string \"big\"")]
    [InlineData("{\"rope_type\": \"llama3\", \"rope_theta\": 5e5, \"factor\": [8]}", 1, 97, "rope_parameters key 'factor' must be a number, got a list")]
    [InlineData("[\"default\"]", 1, 44, "config.json key 'rope_parameters' must be an object or null, got a list")]
    [InlineData("\"default\"", 1, 44, "config.json key 'rope_parameters' must be an object or null, got the string \"default\"")]
    public void Rope_parameters_of_another_type_or_shape_are_refused_at_their_place(string parameters, int line, int column, string message)
    {
        var diagnostics = Import("{\"model_type\": \"llama\", \"rope_parameters\": " + parameters + "}", out var config);

        Assert.Null(config);
        var error = Assert.Single(diagnostics);
        Assert.Equal((DiagnosticSeverity.Error, line, column, message), (error.Severity, error.Origin?.Line ?? 0, error.Origin?.Column ?? 0, error.Message));
    }

    [Fact]
    public void Layer_types_of_full_attention_everywhere_are_accepted_quietly()
    {
        var diagnostics = Import("{\"model_type\": \"qwen2\", \"num_hidden_layers\": 3, \"layer_types\": [\"full_attention\", \"full_attention\", \"full_attention\"]}", out var config);
        Assert.Empty(diagnostics);
        Assert.Contains("window_size: null", TreeText.Show(config!), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("[\"sliding_attention\", \"sliding_attention\", \"full_attention\"]", "window_size: 4096", "max_window_layers: 2")]
    [InlineData("[\"sliding_attention\", \"sliding_attention\", \"sliding_attention\"]", "window_size: 4096", "max_window_layers: null")]
    public void Sliding_attention_on_the_bottom_layers_sets_the_window_and_the_windowed_layers(string layers, string window, string count)
    {
        var diagnostics = Import("{\"model_type\": \"mistral\", \"num_hidden_layers\": 3, \"sliding_window\": 4096, \"layer_types\": " + layers + "}", out var config);
        Assert.Empty(diagnostics);
        var text = TreeText.Show(config!);
        Assert.Contains(window, text, StringComparison.Ordinal);
        Assert.Contains(count, text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("mistral", "[\"full_attention\", \"sliding_attention\"]", 1, 85, "layer_types[1] is sliding attention above a full attention layer: the sliding window here covers the bottom layers only (max_window_layers)")]
    [InlineData("mistral", "[\"sliding_attention\", \"chunked_attention\"]", 1, 88, "layer_types[1] must be \"full_attention\" or \"sliding_attention\", got the string \"chunked_attention\"")]
    [InlineData("mistral", "\"full_attention\"", 1, 66, "config.json key 'layer_types' must be a list of attention kinds (full_attention, sliding_attention), got the string \"full_attention\"")]
    [InlineData("llama", "[\"sliding_attention\"]", 1, 64, "config.json key 'layer_types' names sliding attention layers, but the llama format has no sliding window")]
    public void Other_layer_type_patterns_are_refused_at_their_place(string format, string layers, int line, int column, string message)
    {
        var diagnostics = Import("{\"model_type\": \"" + format + "\", \"sliding_window\": 4096, \"layer_types\": " + layers + "}", out var config, format);

        Assert.Null(config);
        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((line, column, message), (error.Origin?.Line ?? 0, error.Origin?.Column ?? 0, error.Message));
    }

    [Fact]
    public void A_null_num_key_value_heads_is_num_attention_heads_as_transformers_reads_it()
    {
        var model = Model("\"num_attention_heads\": 16, \"hidden_size\": 1024, \"num_key_value_heads\": null");
        Assert.Equal(16, model.Transformer.HeadGroups);
    }

    [Theory]
    [InlineData("hidden_size")]
    [InlineData("rms_norm_eps")]
    [InlineData("rope_theta")]
    public void A_null_in_a_number_transformers_keeps_as_none_is_refused(string key)
    {
        var diagnostics = Import("{\"model_type\": \"llama\", \"" + key + "\": null}", out var config);
        Assert.Null(config);
        Assert.Contains("must be a number", Assert.Single(diagnostics).Message.Replace("an integer", "a number", StringComparison.Ordinal), StringComparison.Ordinal);
    }

    [Fact]
    public void A_null_rope_theta_in_rope_parameters_is_refused_as_transformers_keeps_it_and_an_absent_one_is_the_default()
    {
        var diagnostics = Published("{\"rope_theta\": null, \"rope_type\": \"default\"}", out var config, out var line);
        var absent = Published("{\"rope_type\": \"default\"}", out var defaulted, out _);

        Assert.Null(config);
        var error = Assert.Single(diagnostics);
        Assert.Equal((line, 37), (error.Origin?.Line, error.Origin?.Column));
        Assert.Equal("rope_parameters key 'rope_theta' is null, which transformers keeps (only an absent key takes the default base, 10000.0) and cannot build the model with: remove the key or give a number", error.Message);
        Assert.Empty(absent);
        Assert.Contains("theta: 10000.0", TreeText.Show(defaulted!), StringComparison.Ordinal);
    }

    [Fact]
    public void Null_yarn_parameters_take_the_values_transformers_gives_them()
    {
        var diagnostics = Published(
            "{\"rope_type\": \"yarn\", \"rope_theta\": 1000000.0, \"factor\": null, \"original_max_position_embeddings\": 32768, \"beta_fast\": null, \"beta_slow\": null, \"attention_factor\": null}",
            out var config,
            out _);

        Assert.Empty(diagnostics);
        var text = TreeText.Show(config!);
        foreach (var expected in new[] { "scale_factor: 4.0", "beta_fast: 32.0", "beta_slow: 1.0", "attention_factor: null", "original_context_length: 32768" })
        {
            Assert.Contains(expected, text, StringComparison.Ordinal);
        }
    }

    [Theory]
    [InlineData("{\"rope_type\": \"llama3\", \"rope_theta\": 500000.0, \"factor\": 8.0, \"low_freq_factor\": null, \"high_freq_factor\": 4.0, \"original_max_position_embeddings\": 8192}", "rope_parameters key 'low_freq_factor' is null, which transformers computes with as it is and cannot build the model with (it takes no default for it): give a number")]
    [InlineData("{\"rope_type\": \"llama3\", \"rope_theta\": 500000.0, \"factor\": null, \"low_freq_factor\": 1.0, \"high_freq_factor\": 4.0, \"original_max_position_embeddings\": 8192}", "rope_parameters key 'factor' is null, which transformers computes with as it is and cannot build the model with (it takes no default for it): give a number")]
    [InlineData("{\"rope_type\": \"yarn\", \"factor\": 4.0, \"original_max_position_embeddings\": null}", "rope_parameters key 'original_max_position_embeddings' is null, which transformers computes with as it is and cannot build the model with (it takes no default for it): give an integer")]
    [InlineData("{\"rope_type\": \"yarn\", \"factor\": null, \"original_max_position_embeddings\": 0}", "rope_parameters key 'factor' is null, which transformers computes as max_position_embeddings / original_max_position_embeddings: the file has no positive integers for them")]
    public void A_null_that_transformers_computes_with_is_refused_at_its_place(string parameters, string message)
    {
        var diagnostics = Published(parameters, out var config, out var line);

        Assert.Null(config);
        var error = Assert.Single(diagnostics);
        Assert.Equal((line, message), (error.Origin?.Line, error.Message));
    }

    /// <summary>The published transformers 5 save of Qwen2.5-1.5B with its <c>rope_parameters</c> replaced (on one line, whose number is given).</summary>
    private static List<Diagnostic> Published(string parameters, out ConfigMap? config, out int line)
    {
        var text = File.ReadAllText(Path.Combine(Checkpoint.Fixture("qwen2.5-1.5b-transformers-5"), "config.json"));
        const string Original = "\"rope_parameters\": {\n    \"rope_theta\": 1000000.0,\n    \"rope_type\": \"default\"\n  }";
        Assert.Contains(Original, text, StringComparison.Ordinal);
        line = text[..text.IndexOf(Original, StringComparison.Ordinal)].Count(static c => c == '\n') + 1;
        return Import(text.Replace(Original, "\"rope_parameters\": " + parameters, StringComparison.Ordinal), out config);
    }

    private static PretrainedGPTModelConfig Pretrained(string directory, string checkpoint) =>
        new ConfigResolver<PretrainedGPTModelConfig>(Checkpoint.Options(directory))
            .AddYaml("pretrained:\n  format: llama\n  path: " + checkpoint + "\n", "model.yaml")
            .Resolve().Config;

    private static GPTBaseModelConfig Model(string keys)
    {
        using var temp = new TemporaryDirectory();
        temp.Write("ckpt", "config.json", "{\"model_type\": \"llama\", " + keys + "}");
        return new ConfigResolver<PretrainedGPTModelConfig>(Checkpoint.Options(temp.Path))
            .AddYaml("pretrained:\n  format: llama\n  path: ckpt\n", "model.yaml")
            .Resolve().Config.Model.BaseModel;
    }

    private static List<Diagnostic> Import(string json, out ConfigMap? config, string format = "auto")
    {
        using var temp = new TemporaryDirectory();
        var path = temp.Write("ckpt", "config.json", json);
        (config, var diagnostics) = Checkpoint.Read(path, format);
        return diagnostics;
    }
}
