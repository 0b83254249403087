using System.Text.Json;
using Strata.Cli.Tests.Hosting;

namespace Strata.Cli.Tests.Convert;

/// <summary><c>strata inspect-weights</c> in process: the tensor listing, and each tensor that does not fit the resolved config as a diagnostic.</summary>
public sealed class InspectWeightsVerbTests
{
    [Fact]
    public async Task The_tiny_llama_weights_fit_the_fine_tune_example()
    {
        var result = await StrataHost.Run("inspect-weights", "gpt-trainer", "-c", Example("finetune-hf.yaml"));

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("0 errors, 0 warnings\n", result.Error);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(22, lines.Length);
        Assert.Matches(@"^TENSOR +DTYPE +SHAPE +CONFIG +FILE$", lines[0]);
        Assert.Matches(@"^model\.embed_tokens\.weight +BF16 +\[64, 16\] +\[64, 16\] +model\.safetensors$", lines[1]);
        Assert.Matches(@"^lm_head\.weight +BF16 +\[64, 16\] +\[64, 16\] +model\.safetensors$", lines[^1]);
    }

    [Fact]
    public async Task Each_tensor_that_does_not_fit_an_override_is_an_error_with_its_byte()
    {
        var result = await StrataHost.Run("inspect-weights", "gpt-model", "pretrained.path=examples/checkpoints/tiny-llama", "pretrained.format=llama", "model.base_model.transformer.head_groups=2");

        Assert.Equal(1, result.ExitCode);
        var lines = result.Error.Replace(StrataHost.Root + "/", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("cli arg #3: warning STR0122: model.base_model.transformer.head_groups: overrides the architecture of the pretrained checkpoint", lines[0], StringComparison.Ordinal);
        Assert.Equal(
            [
                "examples/checkpoints/tiny-llama/model.safetensors: error STR0127: at byte 697: tensor 'model.layers.0.self_attn.k_proj.weight' has the shape [8, 16]; the config gives [16, 16] (head_groups × kv_channels, hidden_size)",
                "examples/checkpoints/tiny-llama/model.safetensors: error STR0127: at byte 999: tensor 'model.layers.0.self_attn.v_proj.weight' has the shape [8, 16]; the config gives [16, 16] (head_groups × kv_channels, hidden_size)",
                "examples/checkpoints/tiny-llama/model.safetensors: error STR0127: at byte 1599: tensor 'model.layers.1.self_attn.k_proj.weight' has the shape [8, 16]; the config gives [16, 16] (head_groups × kv_channels, hidden_size)",
                "examples/checkpoints/tiny-llama/model.safetensors: error STR0127: at byte 1907: tensor 'model.layers.1.self_attn.v_proj.weight' has the shape [8, 16]; the config gives [16, 16] (head_groups × kv_channels, hidden_size)",
                "4 errors, 1 warning",
            ],
            lines[1..]);
        Assert.Contains("model.layers.0.self_attn.k_proj.weight          BF16   [8, 16]   [16, 16]  model.safetensors\n", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_of_100000_layers_lists_twenty_missing_tensors_and_counts_the_rest()
    {
        var result = await StrataHost.Run("inspect-weights", "gpt-trainer", "-c", Example("finetune-hf.yaml"), "model.base_model.transformer.num_layers=100000");

        Assert.Equal(1, result.ExitCode);
        var errors = result.Error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("21 errors, 1 warning", errors[^1]);
        Assert.EndsWith(
            ": error STR0127: … and 899962 more like this: tensor 'model.layers.4.self_attn.v_proj.weight' [8, 16] (head_groups × kv_channels, hidden_size) is missing",
            errors[^2],
            StringComparison.Ordinal);
        var lines = result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(1 + 21 + 20 + 1, lines.Length);
        Assert.Equal("… and 899962 more tensors of the config are missing, not listed", lines[^1]);
    }

    [Fact]
    public async Task The_json_listing_has_each_tensor_with_its_expected_shape()
    {
        var result = await StrataHost.Run("inspect-weights", "gpt-model", "pretrained.path=examples/checkpoints/tiny-llama", "pretrained.format=auto", "--format", "json");

        using var json = JsonDocument.Parse(result.Output.Length == 0 ? "[]" : result.Output);
        var rows = json.RootElement.EnumerateArray().ToList();
        Assert.True(rows.Count > 0, result.Error);
        var first = rows[0];
        Assert.Equal(["name", "dtype", "shape", "file", "data_offsets", "expected", "fits"], first.EnumerateObject().Select(static p => p.Name));
        Assert.Equal("model.embed_tokens.weight", first.GetProperty("name").GetString());
        Assert.Equal([64, 16], first.GetProperty("shape").EnumerateArray().Select(static d => d.GetInt32()));
        Assert.Equal(["vocab_size", "hidden_size"], first.GetProperty("expected").GetProperty("dimensions").EnumerateArray().Select(static d => d.GetString()));
    }

    [Fact]
    public async Task Weights_given_on_the_command_line_are_checked_against_the_resolved_model()
    {
        var result = await StrataHost.Run(
            "inspect-weights", "gpt-model", "--weights", StrataHost.TinyLlama,
            "model.base_model.vocab_size=64", "model.base_model.tie_word_embeddings=false",
            "model.base_model.transformer.normalization.type=rms_norm", "model.base_model.transformer.gated=true",
            "model.base_model.transformer.add_linear_biases=false", "model.base_model.transformer.num_layers=2",
            "model.base_model.transformer.hidden_size=16", "model.base_model.transformer.num_attention_heads=2",
            "model.base_model.transformer.head_groups=1", "model.base_model.transformer.ffn_hidden_size=32");

        Assert.Equal((0, "0 errors, 0 warnings\n"), (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task A_fast_llm_checkpoint_is_an_error_naming_the_format_and_no_checkpoint_is_a_usage_error()
    {
        var fastLlm = await StrataHost.Run("inspect-weights", "gpt-trainer", "-c", Example("from-fast-llm.yaml"));
        var none = await StrataHost.Run("inspect-weights", "gpt-model");

        Assert.Equal(1, fastLlm.ExitCode);
        Assert.Contains(": error STR0123: pretrained.format: the weights of a fast_llm checkpoint are in Fast-LLM's own layout", fastLlm.Error, StringComparison.Ordinal);
        Assert.Matches(@"/examples/from-fast-llm\.yaml:\d+:\d+: error STR0123", fastLlm.Error);
        Assert.Equal(2, none.ExitCode);
        Assert.StartsWith("strata: error: no weights to check: the config has no pretrained.path", none.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_invalid_config_is_reported_like_validate()
    {
        var result = await StrataHost.Run("inspect-weights", "gpt-trainer", "-c", Example("finetune-hf.yaml"), "model.base_model.transformer.num_layers=-1");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("cli arg #1: error STR0103: model.base_model.transformer.num_layers: must be >= 0, got -1\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_tensor_name_or_dtype_with_escape_sequences_or_a_megabyte_of_text_is_listed_escaped_and_cut()
    {
        // The header is JSON: its escapes make an ESC, a right-to-left override and a newline in a name, and a dtype of a
        // megabyte. The text listing printed them raw: colours on the terminal, a row split in two, a line of a megabyte.
        using var dir = new TempDirectory();
        var header = "{\"\\u001b[31mevil\\u202e\\nx\": {\"dtype\": \"F32\", \"shape\": [1], \"data_offsets\": [0, 4]}, "
            + "\"b\": {\"dtype\": \"" + new string('X', 1024 * 1024) + "\", \"shape\": [1], \"data_offsets\": [4, 8]}}";
        var bytes = new byte[8 + header.Length + 8];
        System.Buffers.Binary.BinaryPrimitives.WriteUInt64LittleEndian(bytes, (ulong)header.Length);
        System.Text.Encoding.ASCII.GetBytes(header, bytes.AsSpan(8));
        File.WriteAllBytes(Path.Combine(dir.Path, "model.safetensors"), bytes);

        var result = await StrataHost.Run("inspect-weights", "gpt-model", "--weights", dir.Path, "--weights-format", "llama");

        Assert.Equal(1, result.ExitCode);
        Assert.DoesNotContain('\u001b', result.Output);
        Assert.DoesNotContain('\u202e', result.Output);
        Assert.Contains("\n\\u001b[31mevil\\u202e\\nx  ", result.Output, StringComparison.Ordinal);
        Assert.All(result.Output.Split('\n'), static l => Assert.True(l.Length < 1000, l.Length + " characters on a line"));
        Assert.Contains("XXX… (1048576 characters)", result.Output, StringComparison.Ordinal);
    }

    private static string Example(string name) => Path.Combine(StrataHost.Root, "examples", name);

    [Theory]
    [InlineData("inspect-weights", "gpt-trainer", "stray")]
    [InlineData("inspect-weights", "gpt-trainers")]
    [InlineData("inspect-weights", "gpt-trainer", "--lenient", "--strict-unknown")]
    [InlineData("inspect-weights", "gpt-trainer", "--weights-format", "fast_llm")]
    public async Task Usage_errors_exit_2(params string[] args)
    {
        var result = await StrataHost.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("strata: error: ", result.Error, StringComparison.Ordinal);
    }
}
