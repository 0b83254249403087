using Strata.Cli.Tests.Hosting;
using Strata.Cli.Tests.Process;

namespace Strata.Cli.Tests.Convert;

/// <summary><c>convert</c> and <c>inspect-weights</c> in the built <c>strata</c>, as users run them.</summary>
public sealed class CheckpointVerbProcessTests
{
    [Fact]
    public async Task Llama_to_fast_llm_and_back_gives_the_same_config_json_but_for_the_keys_not_imported()
    {
        using var dir = new TempDirectory();
        var fastLlm = Path.Combine(dir.Path, "fast-llm");
        var back = Path.Combine(dir.Path, "back");

        var first = await StrataProcess.Run("convert", "--input", "examples/checkpoints/tiny-llama", "--input-format", "llama", "--output", fastLlm, "--output-format", "fast_llm");
        var second = await StrataProcess.Run("convert", "--input", fastLlm, "--input-format", "fast_llm", "--output", back, "--output-format", "llama");

        Assert.Equal((0, string.Empty), (first.ExitCode, first.Output));
        Assert.Equal((0, string.Empty), (second.ExitCode, second.Output));
        Assert.EndsWith("the weights are not converted (only the config file is written)\n0 errors, 0 warnings, 1 remark\n", first.Error, StringComparison.Ordinal);
        var expected = File.ReadAllLines(Path.Combine(StrataProcess.RepositoryRoot, "examples", "checkpoints", "tiny-llama", "config.json"))
            .Where(static l => !new[] { "bos_token_id", "eos_token_id", "pretraining_tp", "torch_dtype", "transformers_version", "use_cache" }.Any(k => l.Contains("\"" + k + "\"", StringComparison.Ordinal)))
            .Select(static l => l.TrimEnd(','));
        var actual = File.ReadAllLines(Path.Combine(back, "config.json")).Select(static l => l.TrimEnd(','));
        Assert.Equal(expected, actual);
    }

    [Fact]
    public async Task Convert_help_says_the_weights_are_not_converted()
    {
        var result = await StrataProcess.Run("convert", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("the weights are not", result.Output, StringComparison.Ordinal);
        Assert.Contains("--input-format <FORMAT> (REQUIRED)", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_convert_usage_error_exits_2_with_nothing_on_stdout()
    {
        var result = await StrataProcess.Run("convert", "--input", "examples/checkpoints/tiny-llama", "--input-format", "llama", "--output", "examples/checkpoints/tiny-llama", "--output-format", "fast_llm");

        Assert.Equal((2, string.Empty), (result.ExitCode, result.Output));
        Assert.StartsWith("strata: error: the output directory 'examples/checkpoints/tiny-llama' is the input directory", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_weights_checks_the_example_checkpoint()
    {
        var fits = await StrataProcess.Run("inspect-weights", "gpt-trainer", "-c", "examples/finetune-hf.yaml");
        var differs = await StrataProcess.Run("inspect-weights", "gpt-trainer", "-c", "examples/finetune-hf.yaml", "model.base_model.transformer.ffn_hidden_size=64");

        Assert.Equal((0, "0 errors, 0 warnings\n"), (fits.ExitCode, fits.Error));
        Assert.Equal(1, differs.ExitCode);
        Assert.EndsWith("6 errors, 1 warning\n", differs.Error, StringComparison.Ordinal);
    }
}
