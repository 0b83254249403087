using Strata.Cli.Tests.Convert;

namespace Strata.Cli.Tests.Hosting;

/// <summary>
/// Completion through the <c>[suggest:N]</c> directive, as dotnet-suggest and the completion scripts ask for it: the
/// candidates for the word at position N of the line, one a line, from the schema tables of the kind on the line.
/// </summary>
public sealed class CompletionTests
{
    private static async Task<string[]> Suggest(string line, int? position = null)
    {
        var result = await StrataHost.Run("[suggest:" + (position ?? line.Length) + "]", line);
        Assert.Equal(string.Empty, result.Error);
        Assert.Equal(0, result.ExitCode);
        return result.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
    }

    [Fact]
    public async Task A_section_completes_with_its_trailing_dot()
    {
        Assert.Equal(["model.base_model.transformer."], await Suggest("resolve gpt-trainer model.base_model.trans"));
    }

    [Theory]
    [InlineData("resolve gpt-trainer -ox", 22)]
    [InlineData("resolve gpt-trainer -odel.base_model.transformer.activation_type=s", 66)]
    public async Task A_line_the_parsers_completion_cannot_read_gets_no_candidate_rather_than_a_stack_trace(string line, int position)
    {
        // Found by the fuzz target of completion lines: an option bundled with its value threw in System.CommandLine.
        Assert.Empty(await Suggest(line, position));
    }

    [Theory]
    [InlineData("resolve gpt-trainer reference_models.a\u001b[31mb.")]
    [InlineData("resolve gpt-trainer data.datasets.a\u202eb.")]
    public async Task A_word_with_a_control_or_format_character_gets_no_candidate_so_none_reaches_the_terminal_raw(string line)
    {
        // A dictionary key is echoed into the candidates as typed; the shells print candidates to the terminal as they are.
        Assert.Contains("reference_models.ab.model.", await Suggest("resolve gpt-trainer reference_models.ab."));
        Assert.Empty(await Suggest(line));
    }

    [Fact]
    public async Task The_position_inside_a_word_completes_the_whole_word()
    {
        // The example of the issue: position 33 is inside the word, as dotnet-suggest sends it.
        Assert.Equal(["model.base_model.transformer."], await Suggest("resolve gpt-trainer model.base_model.trans", 33));
    }

    [Fact]
    public async Task Keys_complete_at_every_depth_leaves_with_an_equals_sign()
    {
        Assert.Contains("model.", await Suggest("resolve gpt-trainer "));
        Assert.Contains("training.", await Suggest("resolve gpt-trainer "));
        Assert.Equal(["training.train_iters="], await Suggest("resolve gpt-trainer training.train_it"));
        Assert.Equal(["model.base_model."], await Suggest("validate gpt-trainer model.ba"));

        var transformer = await Suggest("resolve gpt-trainer model.base_model.transformer.");
        Assert.Contains("model.base_model.transformer.num_layers=", transformer);
        Assert.Contains("model.base_model.transformer.normalization.", transformer);
        Assert.All(transformer, c => Assert.StartsWith("model.base_model.transformer.", c, StringComparison.Ordinal));

        Assert.Equal(
            ["model.base_model.transformer.normalization.epsilon="],
            await Suggest("resolve gpt-trainer model.base_model.transformer.normalization.eps"));
    }

    [Fact]
    public async Task An_enum_completes_its_names_after_the_equals_sign()
    {
        Assert.Equal(
            [
                "model.base_model.transformer.activation_type=gelu",
                "model.base_model.transformer.activation_type=relu",
                "model.base_model.transformer.activation_type=silu",
                "model.base_model.transformer.activation_type=squared_relu",
            ],
            await Suggest("resolve gpt-trainer model.base_model.transformer.activation_type="));
        Assert.Equal(
            ["model.base_model.transformer.activation_type=silu"],
            await Suggest("resolve gpt-trainer model.base_model.transformer.activation_type=si"));
        Assert.Equal(
            ["model.base_model.transformer.gated=false", "model.base_model.transformer.gated=true"],
            await Suggest("resolve gpt-trainer model.base_model.transformer.gated="));
    }

    [Fact]
    public async Task A_polymorphic_config_completes_its_type_names_and_then_the_keys_of_the_chosen_type()
    {
        Assert.Equal(
            [
                "model.base_model.transformer.rotary.type=default",
                "model.base_model.transformer.rotary.type=llama3",
                "model.base_model.transformer.rotary.type=none",
                "model.base_model.transformer.rotary.type=yarn",
            ],
            await Suggest("resolve gpt-trainer model.base_model.transformer.rotary.type="));

        Assert.Equal(
            ["data.datasets.training.type=concatenated", "data.datasets.training.type=concatenated_memmap"],
            await Suggest("resolve gpt-trainer data.datasets.training.type=conc"));
        var declared = await Suggest("resolve gpt-trainer data.datasets.training.");
        var chosen = await Suggest("resolve gpt-trainer data.datasets.training.type=blended data.datasets.training.");
        Assert.Equal(["data.datasets.training.type="], declared);
        Assert.Contains("data.datasets.training.weights=", chosen);
        Assert.Contains("data.datasets.training.type=", chosen);
    }

    [Fact]
    public async Task A_removal_keeps_its_tilde_and_takes_no_value_and_explain_completes_bare_paths()
    {
        Assert.Equal(["~training.train_iters"], await Suggest("resolve gpt-trainer ~training.train_it"));
        Assert.Equal(["++training.train_iters="], await Suggest("resolve gpt-trainer ++training.train_it"));
        Assert.Equal(["training.train_iters"], await Suggest("explain gpt-trainer training.train_it"));
        Assert.Empty(await Suggest("resolve gpt-trainer ~training.train_iters="));
    }

    [Fact]
    public async Task Verbs_kinds_and_options_complete()
    {
        var verbs = await Suggest(string.Empty);
        Assert.Contains("resolve", verbs);
        Assert.Contains("completion", verbs);
        Assert.Contains("convert", verbs);
        Assert.Contains("--help", verbs);

        Assert.Equal(["gpt-model", "gpt-trainer"], await Suggest("resolve gpt"));
        Assert.Contains("--config", await Suggest("resolve gpt-trainer --"));
        Assert.Contains("--warnings-as-errors", await Suggest("validate gpt-trainer --w"));
        Assert.Equal(["json", "yaml"], await Suggest("resolve gpt-trainer --format "));
        Assert.Equal(["bash", "fish", "pwsh", "zsh"], (await Suggest("completion ")).Where(c => c[0] is not ('-' or '/')));

        // The kind is offered while it is typed, not once it is given.
        Assert.DoesNotContain("gpt-model", await Suggest("resolve gpt-trainer "));
    }

    [Fact]
    public async Task A_file_option_or_an_unknown_key_gives_no_candidate_so_the_shell_completes_files()
    {
        Assert.Empty(await Suggest("resolve gpt-trainer -c "));
        Assert.Empty(await Suggest("resolve gpt-trainer -c examples/fr"));
        Assert.Empty(await Suggest("resolve gpt-trainer -o out"));
        Assert.Empty(await Suggest("resolve gpt-trainer no_such_section.x"));
        Assert.Empty(await Suggest("resolve gpt-trainer training.train_iters.x"));
        Assert.Empty(await Suggest("resolve no-such-kind training."));
    }

    [Fact]
    public async Task Completion_reads_no_file_named_on_the_line()
    {
        // A config file that does not exist, and a response file: neither is read (no error, no candidate from them).
        Assert.Equal(["training.train_iters="], await Suggest("resolve gpt-trainer -c missing.yaml @missing.rsp training.train_it"));
        Assert.Equal(["training.train_iters="], await Suggest("resolve gpt-trainer -c a.yaml -c b.yaml training.train_it"));
        Assert.Contains("--show", await Suggest("resolve gpt-trainer -c a.yaml --sh"));
    }

    [Fact]
    public async Task A_host_of_its_own_kinds_gets_the_same_completion()
    {
        var result = await TestHost.Run("[suggest:14]", "resolve job ne");
        Assert.Equal(0, result.ExitCode);
        Assert.Equal("network.\n", result.Output);
    }

    [Theory]
    [InlineData("[suggest:x]")]
    [InlineData("[suggest:-1]")]
    [InlineData("[suggest:99999999999]")]
    [InlineData("[suggest:]")]
    public async Task A_malformed_position_is_a_usage_error(string directive)
    {
        var result = await StrataHost.Run(directive, "resolve gpt-trainer tr");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.StartsWith("strata: error: [suggest:N] needs a position N of at most 7 digits\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task More_than_one_line_is_a_usage_error()
    {
        var result = await StrataHost.Run("[suggest:3]", "res", "extra");
        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("strata: error: [suggest:N] takes the command line to complete as one argument\n", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bash", "complete -o default -F _strata_complete strata")]
    [InlineData("zsh", "compdef _strata_complete strata")]
    [InlineData("fish", "complete -c strata -f -a '(_strata_complete)'")]
    [InlineData("pwsh", "Register-ArgumentCompleter -Native -CommandName 'strata'")]
    public async Task The_completion_verb_prints_a_script_for_each_shell(string shell, string registration)
    {
        var result = await StrataHost.Run("completion", shell);
        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains(registration, result.Output, StringComparison.Ordinal);
        Assert.Contains("\"[suggest:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_shell_is_a_usage_error()
    {
        var result = await StrataHost.Run("completion", "tcsh");
        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
    }
}
