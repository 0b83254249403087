using Strata.Llm.Engine;

namespace Strata.Llm.Tests.Resolution;

/// <summary>
/// Rule R14 in the GPT family: the environment entries of checkpoint and export callbacks whose names look like credentials
/// are secrets; the program still gets their values.
/// </summary>
public sealed class CallbackSecretTests
{
    private const string Yaml = """
        training:
          checkpoint:
            callback:
              script: [upload.sh]
              environment:
                HF_TOKEN: hf_abc
                CUDA_VISIBLE_DEVICES: "0"
                WANDB_API_KEY_PATH: /secrets/wandb
                EMPTY_TOKEN: ""
        """;

    [Theory]
    [InlineData("HF_TOKEN")]
    [InlineData("HUGGING_FACE_HUB_TOKEN")]
    [InlineData("WANDB_API_KEY")]
    [InlineData("OPENAI_APIKEY")]
    [InlineData("AWS_SECRET_ACCESS_KEY")]
    [InlineData("CLIENT_SECRET")]
    [InlineData("PGPASSWORD")]
    [InlineData("db.password")]
    [InlineData("SSH_PASSPHRASE")]
    [InlineData("GOOGLE_APPLICATION_CREDENTIALS")]
    [InlineData("key")]
    public void A_name_whose_last_word_is_a_credential_is_secret(string name) =>
        Assert.True(CallbackEnvironmentValueType.IsSecretName(name));

    [Theory]
    [InlineData("WANDB_API_KEY_PATH")]
    [InlineData("HUGGINGFACE_API_KEY_PATH")]
    [InlineData("TOKENIZERS_PARALLELISM")]
    [InlineData("CUDA_VISIBLE_DEVICES")]
    [InlineData("KEYBOARD")]
    [InlineData("MONKEY")]
    [InlineData("PWD")]
    [InlineData("")]
    public void A_name_whose_last_word_is_no_credential_is_not_secret(string name) =>
        Assert.False(CallbackEnvironmentValueType.IsSecretName(name));

    [Fact]
    public void The_program_gets_the_value_of_a_secret_entry()
    {
        var environment = Resolve.Trainer(Yaml).Config.Training.Checkpoint.Callback.Environment;

        Assert.Equal("hf_abc", environment["HF_TOKEN"]);
    }

    [Fact]
    public void A_saved_config_leaves_out_the_secret_entries_and_keeps_the_others()
    {
        var r = Resolve.Trainer(Yaml);

        var yaml = r.ToYaml();
        Assert.Contains("CUDA_VISIBLE_DEVICES: \"0\"\n        WANDB_API_KEY_PATH: /secrets/wandb\n", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("TOKEN", yaml, StringComparison.Ordinal);
        Assert.DoesNotContain("hf_abc", r.ToJson(Verbosity.All), StringComparison.Ordinal);
    }

    [Fact]
    public void A_saved_config_holds_the_secret_entries_when_asked_for()
    {
        var yaml = Resolve.Trainer(Yaml).ToYaml(Verbosity.Explicit, SecretHandling.Include);

        Assert.Contains("HF_TOKEN: hf_abc\n", yaml, StringComparison.Ordinal);
    }

    [Fact]
    public void Explain_shows_a_secret_entry_as_stars_and_an_empty_one_as_empty()
    {
        var value = Assert.Single(Resolve.Trainer(Yaml).Explain("training.checkpoint.callback.environment")).Value;

        Assert.Equal("{HF_TOKEN: \"***\", CUDA_VISIBLE_DEVICES: \"0\", WANDB_API_KEY_PATH: /secrets/wandb, EMPTY_TOKEN: \"\"}", value);
    }

    [Fact]
    public void The_fingerprint_leaves_out_the_secret_entries()
    {
        Assert.Equal(Resolve.Trainer(Yaml).Fingerprint, Resolve.Trainer(Yaml.Replace("hf_abc", "hf_other", StringComparison.Ordinal)).Fingerprint);
        Assert.NotEqual(Resolve.Trainer(Yaml).Fingerprint, Resolve.Trainer(Yaml.Replace("/secrets/wandb", "/elsewhere", StringComparison.Ordinal)).Fingerprint);
    }

    [Fact]
    public void The_export_callback_has_the_same_secrets()
    {
        var r = Resolve.Trainer(string.Empty, "training.export.callback.environment.WANDB_API_KEY=k");

        Assert.Equal("{WANDB_API_KEY: \"***\"}", Assert.Single(r.Explain("training.export.callback.environment")).Value);
        Assert.DoesNotContain("WANDB_API_KEY", r.ToYaml(), StringComparison.Ordinal);
    }
}
