using System.Text.Json;
using Strata.Cli.Tests.Hosting;

namespace Strata.Cli.Tests.Convert;

/// <summary>
/// <c>strata convert</c> in process: configs between the Hugging Face formats and Fast-LLM's, round trips that give back
/// every mapped key of the input, the weights note, and the errors (unknown formats, a missing input, a mismatched
/// model_type, an output that is the input).
/// </summary>
public sealed class ConvertVerbTests : IDisposable
{
    /// <summary>Keys of a config.json that are not imported (token ids, dtype, cache, versions, outputs): written back by no format.</summary>
    private static readonly string[] s_notImported =
        ["bos_token_id", "eos_token_id", "pad_token_id", "pretraining_tp", "torch_dtype", "transformers_version", "use_cache", "output_router_logits"];

    /// <summary>
    /// Keys that are not mapped in a given file, so not given back: Qwen2's <c>sliding_window</c> when
    /// <c>use_sliding_window</c> is false (transformers never reads it then, and the export writes null).
    /// </summary>
    private static bool Unmapped(IReadOnlyDictionary<string, JsonElement> input, string key) =>
        key == "sliding_window" && input.TryGetValue("use_sliding_window", out var use) && use.ValueKind == JsonValueKind.False;

    private readonly TempDirectory _dir = new();

    public static TheoryData<string, string> Published => new()
    {
        { "llama-3-8b", "llama" },
        { "llama-3.1-8b", "llama" },
        { "mistral-7b-v0.1", "mistral" },
        { "mixtral-8x7b-v0.1", "mixtral" },
        { "qwen2-7b", "qwen2" },
        { "starcoder2-7b", "starcoder2" },
    };

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task The_tiny_llama_goes_to_fast_llm_and_back_with_the_same_config_json()
    {
        var fastLlm = Path.Combine(_dir.Path, "fast-llm");
        var back = Path.Combine(_dir.Path, "back");

        var first = await StrataHost.Run("convert", "--input", StrataHost.TinyLlama, "--input-format", "llama", "--output", fastLlm, "--output-format", "fast_llm");
        var second = await StrataHost.Run("convert", "--input", fastLlm, "--input-format", "fast_llm", "--output", back, "--output-format", "llama");

        Assert.Equal((0, string.Empty), (first.ExitCode, first.Output));
        Assert.Equal((0, string.Empty), (second.ExitCode, second.Output));
        Assert.Equal(["metadata.yaml"], Directory.GetFiles(fastLlm).Select(Path.GetFileName));
        Assert.Equal(["config.json"], Directory.GetFiles(back).Select(Path.GetFileName));
        var input = Keys(Path.Combine(StrataHost.TinyLlama, "config.json"));
        var output = Keys(Path.Combine(back, "config.json"));
        Assert.Equal(input.Keys.Except(s_notImported).Order(StringComparer.Ordinal), output.Keys.Order(StringComparer.Ordinal));
        foreach (var (key, value) in output)
        {
            Assert.True(SameJson(input[key], value), key + ": " + input[key] + " became " + value);
        }

        var metadata = File.ReadAllText(Path.Combine(fastLlm, "metadata.yaml"));
        Assert.Contains("format: fast_llm\n", metadata, StringComparison.Ordinal);
        Assert.Contains("      num_layers: 2\n", metadata, StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Published))]
    public async Task A_published_config_goes_to_fast_llm_and_back_with_every_mapped_key(string name, string format)
    {
        var input = Keys(Path.Combine(StrataHost.Fixture(name), "config.json"));
        var fastLlm = Path.Combine(_dir.Path, name, "fast-llm");
        var back = Path.Combine(_dir.Path, name, "back");

        var first = await StrataHost.Run("convert", "--input", StrataHost.Fixture(name), "--input-format", format, "--output", fastLlm, "--output-format", "fast_llm");
        var second = await StrataHost.Run("convert", "--input", fastLlm, "--input-format", "fast_llm", "--output", back, "--output-format", format);

        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var output = Keys(Path.Combine(back, "config.json"));

        // Every key of the input comes back with its value, but for the keys that are not imported.
        foreach (var (key, value) in input)
        {
            if (s_notImported.Contains(key))
            {
                Assert.False(output.ContainsKey(key), key);
                continue;
            }

            if (Unmapped(input, key))
            {
                continue;
            }

            Assert.True(output.TryGetValue(key, out var written), name + ": " + key + " is not written back");
            Assert.True(SameJson(value, written), name + ": " + key + ": " + value + " became " + written);
        }

        // Keys written that the input left to transformers' defaults hold those defaults (head_dim: hidden_size / heads).
        if (!input.ContainsKey("head_dim") && output.TryGetValue("head_dim", out var headDim))
        {
            Assert.Equal(input["hidden_size"].GetInt64() / input["num_attention_heads"].GetInt64(), headDim.GetInt64());
        }
    }

    [Theory]
    [MemberData(nameof(Published))]
    public async Task A_published_config_converts_directly_to_the_same_format(string name, string format)
    {
        var output = Path.Combine(_dir.Path, name);

        var result = await StrataHost.Run("convert", "--input", StrataHost.Fixture(name), "--input-format", "auto", "--output", output, "--output-format", format);

        Assert.Equal(0, result.ExitCode);
        var input = Keys(Path.Combine(StrataHost.Fixture(name), "config.json"));
        foreach (var (key, value) in Keys(Path.Combine(output, "config.json")))
        {
            Assert.True(!input.ContainsKey(key) || Unmapped(input, key) || SameJson(input[key], value), key);
        }
    }

    [Fact]
    public async Task The_weights_are_said_not_to_be_converted_after_the_diagnostics_and_before_the_count()
    {
        var output = Path.Combine(_dir.Path, "out");

        var input = Path.Combine(StrataHost.Root, "examples", "checkpoints", "tiny-fast-llm");
        var result = await StrataHost.Run("convert", "--input", input, "--input-format", "fast_llm", "--output", output, "--output-format", "llama");

        Assert.Equal(0, result.ExitCode);
        var lines = result.Error.Replace(StrataHost.Root + "/", string.Empty, StringComparison.Ordinal).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(
            [
                "examples/checkpoints/tiny-fast-llm/metadata.yaml:18:35: info STR0125: model.distributed.local_world_size: ",
                "examples/checkpoints/tiny-fast-llm/metadata.yaml:18:44: info STR0125: model.distributed.rank: ",
                "examples/checkpoints/tiny-fast-llm/metadata.yaml:18:85: info STR0125: model.distributed.world_size: ",
                "examples/checkpoints/tiny-fast-llm/metadata.yaml:16:20: warning STR0112: model.base_model.transformer.window_size: ",
            ],
            lines[..4].Select(static l => l[..(l.IndexOf(": ", l.IndexOf(" STR", StringComparison.Ordinal) + 9, StringComparison.Ordinal) + 2)]));
        Assert.Equal(
            output + "/config.json: info STR0120: wrote the llama config converted from 'examples/checkpoints/tiny-fast-llm' (read as fast_llm); the weights are not converted (only the config file is written)",
            lines[4]);
        Assert.Equal("0 errors, 1 warning, 4 remarks", lines[5]);
        Assert.Equal(6, lines.Length);
    }

    [Fact]
    public async Task A_fast_llm_checkpoint_keeps_its_settings_but_not_the_machine_that_saved_it()
    {
        var output = Path.Combine(_dir.Path, "copy");

        var result = await StrataHost.Run("convert", "--input", Path.Combine(StrataHost.Root, "examples", "checkpoints", "tiny-fast-llm"), "--input-format", "fast_llm", "--output", output, "--output-format", "fast_llm");

        Assert.Equal(0, result.ExitCode);
        var metadata = File.ReadAllText(Path.Combine(output, "metadata.yaml"));
        Assert.Contains("  distributed:\n    training_dtype: bfloat16\n  multi_stage:\n    zero_stage: 2\n", metadata, StringComparison.Ordinal);
        Assert.Contains("      window_size: 64\n", metadata, StringComparison.Ordinal);
        Assert.DoesNotContain("world_size", metadata, StringComparison.Ordinal);
        Assert.DoesNotContain("rank", metadata, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_output_directory_is_created_and_an_existing_config_replaced_without_temporary_files()
    {
        var output = Path.Combine(_dir.Path, "a", "b", "c");
        var first = await StrataHost.Run("convert", "--input", StrataHost.Fixture("qwen2-7b"), "--input-format", "qwen2", "--output", output, "--output-format", "fast_llm");
        File.WriteAllText(Path.Combine(output, "metadata.yaml"), "stale");
        File.WriteAllText(Path.Combine(output, "model.safetensors"), "not touched");

        var second = await StrataHost.Run("convert", "--input", StrataHost.Fixture("qwen2-7b"), "--input-format", "qwen2", "--output", output, "--output-format", "fast_llm");

        Assert.Equal((0, 0), (first.ExitCode, second.ExitCode));
        Assert.StartsWith("config:\n  base_model:\n", File.ReadAllText(Path.Combine(output, "metadata.yaml")), StringComparison.Ordinal);
        Assert.Equal("not touched", File.ReadAllText(Path.Combine(output, "model.safetensors")));
        Assert.Equal(["metadata.yaml", "model.safetensors"], Directory.GetFiles(output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Theory]
    [InlineData("--input-format", "gguf", "Argument 'gguf' not recognized")]
    [InlineData("--output-format", "gguf", "Argument 'gguf' not recognized")]
    [InlineData("--output-format", "auto", "--output-format auto can only be read: name the format to write")]
    public async Task An_unknown_format_is_a_usage_error(string option, string value, string message)
    {
        string[] args = ["convert", "--input", StrataHost.Fixture("qwen2-7b"), "--input-format", "qwen2", "--output", Path.Combine(_dir.Path, "out"), "--output-format", "llama"];
        args[Array.IndexOf(args, option) + 1] = value;

        var result = await StrataHost.Run(args);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith("strata: error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains(message, result.Error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'strata convert --help' for usage.\n", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_dir.Path, "out")));
    }

    [Fact]
    public async Task A_missing_option_is_a_usage_error()
    {
        var result = await StrataHost.Run("convert", "--input", StrataHost.Fixture("qwen2-7b"), "--input-format", "qwen2");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("strata: error: Option '--output' is required.", result.Error, StringComparison.Ordinal);
        Assert.Contains("strata: error: Option '--output-format' is required.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_missing_input_is_an_input_error()
    {
        var missing = Path.Combine(_dir.Path, "missing");
        var file = _dir.Write("file", "x");
        var empty = Directory.CreateDirectory(Path.Combine(_dir.Path, "empty")).FullName;

        var none = await StrataHost.Run("convert", "--input", missing, "--input-format", "llama", "--output", Path.Combine(_dir.Path, "o1"), "--output-format", "fast_llm");
        var isFile = await StrataHost.Run("convert", "--input", file, "--input-format", "llama", "--output", Path.Combine(_dir.Path, "o2"), "--output-format", "fast_llm");
        var noConfig = await StrataHost.Run("convert", "--input", empty, "--input-format", "fast_llm", "--output", Path.Combine(_dir.Path, "o3"), "--output-format", "llama");

        Assert.Equal((1, "strata: error: the input checkpoint directory '" + missing + "' does not exist\n"), (none.ExitCode, none.Error));
        Assert.Equal((1, "strata: error: the input '" + file + "' is a file; a checkpoint is a directory\n"), (isFile.ExitCode, isFile.Error));
        Assert.Equal((1, "strata: error: the input checkpoint directory '" + empty + "' has no metadata.yaml, which a fast_llm checkpoint holds\n"), (noConfig.ExitCode, noConfig.Error));
        Assert.Equal(["empty", "file"], Directory.EnumerateFileSystemEntries(_dir.Path).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task An_input_of_the_other_family_names_the_input_format_that_reads_it()
    {
        var result = await StrataHost.Run("convert", "--input", StrataHost.Fixture("qwen2-7b"), "--input-format", "fast_llm", "--output", Path.Combine(_dir.Path, "o"), "--output-format", "llama");

        Assert.Equal(
            (1, "strata: error: the input checkpoint directory '" + StrataHost.Fixture("qwen2-7b") + "' has no metadata.yaml, which a fast_llm checkpoint holds; it holds a config.json (did you mean --input-format auto?)\n"),
            (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task The_transformers_version_written_is_the_one_of_the_config_json_that_was_converted()
    {
        // The reader of this host takes a relative path relative to its base directory, the verb's own checks relative to
        // the working directory: two files of one name. The version must come from the one the config was read from.
        var name = "h6-version-" + Guid.NewGuid().ToString("N");
        var atWorkingDirectory = Path.GetFullPath(name);
        Directory.CreateDirectory(atWorkingDirectory);
        try
        {
            var text = File.ReadAllText(Path.Combine(StrataHost.Fixture("qwen2.5-1.5b-transformers-5"), "config.json"));
            File.WriteAllText(Path.Combine(atWorkingDirectory, "config.json"), text.Replace("\"5.17.0\"", "\"4.43.0\"", StringComparison.Ordinal));
            Directory.CreateDirectory(Path.Combine(_dir.Path, name));
            File.WriteAllText(Path.Combine(_dir.Path, name, "config.json"), text);
            var output = Path.Combine(_dir.Path, "out");

            var result = await StrataHost.RunIn(_dir.Path, "convert", "--input", name, "--input-format", "qwen2", "--output", output, "--output-format", "qwen2");

            Assert.Equal(0, result.ExitCode);
            var written = Keys(Path.Combine(output, "config.json"));
            Assert.Equal("5.17.0", written["transformers_version"].GetString());
            Assert.True(written.ContainsKey("rope_parameters"));
        }
        finally
        {
            Directory.Delete(atWorkingDirectory, recursive: true);
        }
    }

    [Fact]
    public async Task A_relative_input_that_does_not_exist_names_the_working_directory_and_the_full_path_tried()
    {
        var result = await StrataHost.Run("convert", "--input", "no-such-ckpt", "--input-format", "llama", "--output", Path.Combine(_dir.Path, "o"), "--output-format", "fast_llm");

        Assert.Equal(
            (1, "strata: error: the input checkpoint directory 'no-such-ckpt' does not exist (a relative path, taken relative to the working directory: '" + Path.GetFullPath("no-such-ckpt") + "')\n"),
            (result.ExitCode, result.Error));
    }

    [Fact]
    public async Task A_mismatched_model_type_is_an_error_at_its_place()
    {
        var output = Path.Combine(_dir.Path, "out");

        var result = await StrataHost.Run("convert", "--input", StrataHost.Fixture("mixtral-8x7b-v0.1"), "--input-format", "llama", "--output", output, "--output-format", "fast_llm");

        Assert.Equal(1, result.ExitCode);
        Assert.Equal(
            StrataHost.Root + "/tests/Strata.Llm.Tests/TestData/Checkpoints/mixtral-8x7b-v0.1/config.json:13:17: error STR0123: pretrained.format: config.json has the model_type \"mixtral\", which does not match the llama format (\"llama\") (did you mean 'mixtral'?)\n1 error, 0 warnings\n",
            result.Error);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task An_architecture_the_output_format_cannot_hold_is_an_error_and_nothing_is_written()
    {
        var output = Path.Combine(_dir.Path, "out");

        var result = await StrataHost.Run("convert", "--input", StrataHost.Fixture("mixtral-8x7b-v0.1"), "--input-format", "mixtral", "--output", output, "--output-format", "llama");

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("error STR0112: model.base_model.transformer.num_experts: cannot be exported to the llama format", result.Error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(output));
    }

    [Fact]
    public async Task The_output_directory_cannot_be_the_input_by_any_name()
    {
        var input = Path.Combine(_dir.Path, "ckpt");
        Directory.CreateDirectory(input);
        File.Copy(Path.Combine(StrataHost.TinyLlama, "config.json"), Path.Combine(input, "config.json"));
        var before = File.ReadAllText(Path.Combine(input, "config.json"));
        var link = Path.Combine(_dir.Path, "link");
        Directory.CreateSymbolicLink(link, input);

        foreach (var output in new[] { input, input + "/", Path.Combine(input, ".", "..", "ckpt"), link })
        {
            var result = await StrataHost.Run("convert", "--input", input, "--input-format", "llama", "--output", output, "--output-format", "mistral");

            Assert.Equal(2, result.ExitCode);
            Assert.StartsWith("strata: error: the output directory '" + output + "' is the input directory", result.Error, StringComparison.Ordinal);
        }

        Assert.Equal(before, File.ReadAllText(Path.Combine(input, "config.json")));
        Assert.Equal(["config.json"], Directory.GetFiles(input).Select(Path.GetFileName));
    }

    [Fact]
    public async Task A_file_of_the_input_is_never_overwritten_through_a_link_in_the_output()
    {
        var output = Path.Combine(_dir.Path, "out");
        Directory.CreateDirectory(output);
        var input = Path.Combine(_dir.Path, "in");
        Directory.CreateDirectory(input);
        File.Copy(Path.Combine(StrataHost.TinyLlama, "config.json"), Path.Combine(input, "config.json"));
        File.CreateSymbolicLink(Path.Combine(output, "config.json"), Path.Combine(input, "config.json"));
        var before = File.ReadAllText(Path.Combine(input, "config.json"));

        var result = await StrataHost.Run("convert", "--input", input, "--input-format", "llama", "--output", output, "--output-format", "llama");

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("strata: error: refusing to write the output to '" + Path.Combine(output, "config.json") + "', which is one of the inputs", result.Error, StringComparison.Ordinal);
        Assert.Equal(before, File.ReadAllText(Path.Combine(input, "config.json")));
    }

    [Fact]
    public async Task An_output_that_is_a_file_is_an_output_error()
    {
        var output = _dir.Write("out", "a file");

        var result = await StrataHost.Run("convert", "--input", StrataHost.TinyLlama, "--input-format", "llama", "--output", output, "--output-format", "fast_llm");

        Assert.Equal((1, "strata: error: the output '" + output + "' is a file; the output is a checkpoint directory\n"), (result.ExitCode, result.Error));
        Assert.Equal("a file", File.ReadAllText(output));
    }

    private static Dictionary<string, JsonElement> Keys(string file)
    {
        using var document = JsonDocument.Parse(File.ReadAllText(file));
        return document.RootElement.EnumerateObject().ToDictionary(static p => p.Name, static p => p.Value.Clone(), StringComparer.Ordinal);
    }

    /// <summary>Whether two JSON values are the same: numbers by value, objects key by key.</summary>
    private static bool SameJson(JsonElement left, JsonElement right) => (left.ValueKind, right.ValueKind) switch
    {
        (JsonValueKind.Number, JsonValueKind.Number) => left.GetDouble().Equals(right.GetDouble()),
        (JsonValueKind.Object, JsonValueKind.Object) => left.EnumerateObject().Count() == right.EnumerateObject().Count()
            && left.EnumerateObject().All(p => right.TryGetProperty(p.Name, out var other) && SameJson(p.Value, other)),
        (JsonValueKind.Array, JsonValueKind.Array) => left.GetArrayLength() == right.GetArrayLength()
            && left.EnumerateArray().Zip(right.EnumerateArray()).All(static p => SameJson(p.First, p.Second)),
        var (a, b) when a == b => left.GetRawText() == right.GetRawText(),
        _ => false,
    };
}
