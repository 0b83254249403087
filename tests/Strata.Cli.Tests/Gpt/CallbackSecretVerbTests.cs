using Strata.Cli.Tests.Convert;

namespace Strata.Cli.Tests.Gpt;

/// <summary>The secrets of the GPT family seen from <c>strata</c>: a credential-like callback environment entry is shown as <c>***</c>, never printed.</summary>
public sealed class CallbackSecretVerbTests
{
    private static readonly string[] s_overrides =
    [
        "training.checkpoint.callback.environment.HF_TOKEN=hf_abc",
        "training.checkpoint.callback.environment.CUDA_VISIBLE_DEVICES=0",
    ];

    [Fact]
    public async Task Explain_shows_a_credential_like_callback_environment_entry_as_stars()
    {
        var result = await StrataHost.Run(["explain", "gpt-trainer", .. s_overrides, "training.checkpoint.callback.environment"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("{HF_TOKEN: \"***\", CUDA_VISIBLE_DEVICES: \"0\"}", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_abc", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--format", "yaml", "HF_TOKEN:")]
    [InlineData("--format", "json", "\"HF_TOKEN\"")]
    [InlineData("--sources", "--lenient", "HF_TOKEN:")]
    public async Task Resolve_leaves_a_credential_like_callback_environment_entry_out_at_every_verbosity(string option, string value, string entry)
    {
        var result = await StrataHost.Run(["resolve", "gpt-trainer", .. s_overrides, "--show", "all", option, value]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("CUDA_VISIBLE_DEVICES", result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(entry, result.Output, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_abc", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("training.checkpoint.callback.environment.HF_TOKEN=hf_abc", "override training.checkpoint.callback.environment.HF_TOKEN=***")]
    [InlineData("training.checkpoint.callback.environment={HF_TOKEN: hf_abc}", "override training.checkpoint.callback.environment=***")]
    [InlineData("training.checkpoint.callback={environment: {HF_TOKEN: hf_abc}}", "override training.checkpoint.callback=***")]
    public async Task The_layers_list_hides_an_override_that_sets_a_credential_like_entry(string argument, string layer)
    {
        var result = await StrataHost.Run(["resolve", "gpt-trainer", argument, "--show-layers"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("  " + layer + "\n", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_abc", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("resolve", "--show-layers", "override training.checkpoint.callback.environment.\"HF.TOKEN\"=***")]
    [InlineData("sweep", "--dry-run", "0 training.checkpoint.callback.environment.\"HF.TOKEN\"=***")]
    [InlineData("explain", "--format=html", "training.checkpoint.callback.environment.\\\"HF.TOKEN\\\"=***")]
    public async Task A_credential_like_entry_whose_quoted_key_holds_a_dot_is_hidden_where_the_override_is_shown(string verb, string option, string shown)
    {
        // The dotted text of the path (environment.HF.TOKEN) reads as the entry HF; the entry is HF.TOKEN, a token.
        var result = await StrataHost.Run([verb, "gpt-trainer", "training.checkpoint.callback.environment.\"HF.TOKEN\"=hf_abc,hf_def", option]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains(shown, result.Output + result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_abc", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_credential_like_entry_whose_quoted_key_holds_a_dot_is_not_quoted_by_a_parse_error()
    {
        var result = await StrataHost.Run(["validate", "gpt-trainer", "training.checkpoint.callback.environment.\"HF.TOKEN\"=[hf_abc"]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the value cannot be parsed (the value of a secret field is not shown)", result.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_abc", result.Output + result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_override_of_an_ordinary_entry_is_listed_as_given()
    {
        var result = await StrataHost.Run(["resolve", "gpt-trainer", "training.checkpoint.callback.environment.CUDA_VISIBLE_DEVICES=0", "--show-layers"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("override training.checkpoint.callback.environment.CUDA_VISIBLE_DEVICES=0", result.Error, StringComparison.Ordinal);
    }
}
