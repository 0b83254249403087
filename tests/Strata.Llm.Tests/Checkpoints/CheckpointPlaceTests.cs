using Strata.Llm.Checkpoints;

namespace Strata.Llm.Tests.Checkpoints;

/// <summary>
/// Where a checkpoint that cannot be read is reported: a format that does not fit the checkpoint at the format value a
/// user wrote (with the format that fits suggested), a missing directory at the path, saying what a relative path was taken
/// relative to and the full path that was tried.
/// </summary>
public sealed class CheckpointPlaceTests
{
    [Theory]
    [InlineData("auto")]
    [InlineData("llama")]
    public void A_hugging_face_format_on_a_fast_llm_checkpoint_is_an_error_at_the_format_that_suggests_fast_llm(string format)
    {
        var error = Assert.Single(Checkpoint.ModelDiagnostics("pretrained:\n  path: fast-llm-pr211\n  format: " + format + "\n"));

        Assert.Equal((DiagnosticCodes.CheckpointInvalid, "pretrained.format", "model.yaml:3:11"), (error.Code, error.Path, error.Origin?.ToString()));
        Assert.Equal(
            "the checkpoint directory '" + Checkpoint.Fixture("fast-llm-pr211") + "' has no config.json, which the " + format + " format reads; it holds a metadata.yaml, which the fast_llm format reads (did you mean 'fast_llm'?)",
            error.Message);
    }

    [Fact]
    public void The_fast_llm_format_on_a_hugging_face_checkpoint_is_an_error_at_the_format_that_suggests_auto()
    {
        var error = Assert.Single(Checkpoint.ModelDiagnostics("pretrained:\n  format: fast_llm\n  path: qwen2-7b\n"));

        Assert.Equal(("pretrained.format", "model.yaml:2:11"), (error.Path, error.Origin?.ToString()));
        Assert.EndsWith("it holds a config.json, which the auto format reads (did you mean 'auto'?)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void The_default_format_on_a_hugging_face_checkpoint_is_an_error_at_the_path_that_says_which_format_to_set()
    {
        var error = Assert.Single(Checkpoint.ModelDiagnostics("pretrained:\n  path: qwen2-7b\n"));

        Assert.Equal(("pretrained.path", "model.yaml:2:9"), (error.Path, error.Origin?.ToString()));
        Assert.Equal(
            "the checkpoint directory '" + Checkpoint.Fixture("qwen2-7b") + "' has no metadata.yaml, which the fast_llm format (the default) reads; it holds a config.json, which the auto format reads (set format to 'auto')",
            error.Message);
    }

    [Fact]
    public void A_format_that_does_not_match_the_model_type_is_an_error_at_the_format_that_names_the_model_type_and_its_place()
    {
        var error = Assert.Single(Checkpoint.ModelDiagnostics("pretrained:\n  path: mixtral-8x7b-v0.1\n  format: llama\n"));

        Assert.Equal(("pretrained.format", "model.yaml:3:11"), (error.Path, error.Origin?.ToString()));
        Assert.Equal(
            "config.json has the model_type \"mixtral\" (checkpoint " + Checkpoint.Fixture("mixtral-8x7b-v0.1") + "/config.json:13:17), which does not match the llama format (\"llama\") (did you mean 'mixtral'?)",
            error.Message);
    }

    [Fact]
    public void A_format_that_is_no_gpt_format_is_one_error_at_the_format()
    {
        var error = Assert.Single(Checkpoint.ModelDiagnostics("pretrained:\n  path: qwen2-7b\n  format: qwen3\n"), static d => d.Severity == DiagnosticSeverity.Error);

        Assert.Equal((DiagnosticCodes.FieldRule, "pretrained.format", "model.yaml:3:11"), (error.Code, error.Path, error.Origin?.ToString()));
    }

    [Fact]
    public void A_relative_checkpoint_path_that_does_not_exist_names_the_working_directory_and_the_full_path_tried()
    {
        var error = ResolveWith(new CheckpointConfigReader(), "no-such-ckpt");

        Assert.Equal(("pretrained.path", "model.yaml:2:9"), (error.Path, error.Origin?.ToString()));
        Assert.Equal(
            "the checkpoint directory 'no-such-ckpt' does not exist (a relative path, taken relative to the working directory: '" + Path.GetFullPath("no-such-ckpt") + "')",
            error.Message);
    }

    [Fact]
    public void A_relative_checkpoint_path_of_a_reader_with_a_base_directory_names_it_and_the_full_path_tried()
    {
        var error = ResolveWith(new CheckpointConfigReader { BaseDirectory = Checkpoint.Fixtures }, "no-such-ckpt");

        Assert.Equal(
            "the checkpoint directory '" + Checkpoint.Fixture("no-such-ckpt") + "' does not exist (a relative path, taken relative to the reader's base directory: '" + Checkpoint.Fixture("no-such-ckpt") + "')",
            error.Message);
    }

    [Fact]
    public void An_absolute_checkpoint_path_that_does_not_exist_is_named_once()
    {
        var missing = Path.Combine(Path.GetTempPath(), "strata-no-such-ckpt-" + Guid.NewGuid().ToString("N"));

        Assert.Equal("the checkpoint directory '" + missing + "' does not exist", ResolveWith(new CheckpointConfigReader(), missing).Message);
    }

    [Fact]
    public void The_full_path_of_a_long_relative_checkpoint_path_is_cut_in_the_message()
    {
        var error = ResolveWith(new CheckpointConfigReader(), new string('x', 100_000));

        Assert.InRange(error.Message.Length, 1, 1_000);
        Assert.Contains("(100000 characters)", error.Message, StringComparison.Ordinal);
    }

    private static Diagnostic ResolveWith(CheckpointConfigReader reader, string path)
    {
        var ok = new ConfigResolver<PretrainedGPTModelConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment, Services = new Services(reader) })
            .AddYaml("pretrained:\n  path: \"" + path + "\"\n", "model.yaml")
            .TryResolve(out _, out var diagnostics);
        Assert.False(ok);
        return Assert.Single(diagnostics);
    }

    private sealed class Services(ICheckpointConfigReader reader) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ICheckpointConfigReader) ? reader : null;
    }
}
