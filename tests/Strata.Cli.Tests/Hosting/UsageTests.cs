namespace Strata.Cli.Tests.Hosting;

public sealed class UsageTests
{
    [Fact]
    public async Task An_unknown_verb_exits_2_with_a_suggestion()
    {
        var result = await TestHost.Run("reslove", "job");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Contains("jobs: error: ", result.Error, StringComparison.Ordinal);
        Assert.Contains("did you mean 'resolve'", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'jobs --help' for usage.\n", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_verb_is_one_error_not_also_a_missing_verb_and_the_words_after_it()
    {
        var result = await TestHost.Run("reslove", "job", "steps=3");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(
            "jobs: error: Unrecognized command or argument 'reslove'. (did you mean 'resolve'?)\nRun 'jobs --help' for usage.\n",
            result.Error);
    }

    [Theory]
    [InlineData("help")]
    [InlineData("help", "resolve")]
    [InlineData("help", "resolve", "job")]
    public async Task Help_as_a_verb_shows_the_help_of_the_verb_that_follows_it(params string[] arguments)
    {
        var result = await TestHost.Run(arguments);
        var asked = await TestHost.Run([.. arguments[1..], "--help"]);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(string.Empty, result.Error);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Equal(asked.Output, result.Output);
    }

    [Theory]
    [InlineData("help", "reslove")]
    [InlineData("reslove", "--help")]
    public async Task Help_of_an_unknown_verb_is_the_unknown_verb_error_not_the_program_help(params string[] arguments)
    {
        var result = await TestHost.Run(arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.Equal(string.Empty, result.Output);
        Assert.Equal(
            "jobs: error: Unrecognized command or argument 'reslove'. (did you mean 'resolve'?)\nRun 'jobs --help' for usage.\n",
            result.Error);
    }

    [Theory]
    [InlineData("resolve", "jobb", "did you mean 'job'?")]
    [InlineData("resolve", "job", "--format", "yml", "did you mean 'yaml'?")]
    [InlineData("resolve", "job", "--show=al", "did you mean 'all'?")]
    [InlineData("completion", "bsh", "did you mean 'bash'?")]
    public async Task A_value_outside_a_fixed_list_gets_the_closest_one(params string[] arguments)
    {
        var result = await TestHost.Run(arguments[..^1]);

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not recognized. Must be one of:", result.Error, StringComparison.Ordinal);
        Assert.Contains(arguments[^1], result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("-v")]
    [InlineData("-x")]
    public async Task A_one_letter_option_gets_no_other_letter_as_a_suggestion(string option)
    {
        var result = await TestHost.Run("resolve", "job", option);

        Assert.Equal("jobs: error: unknown option '" + option + "'\nRun 'jobs resolve --help' for usage.\n", result.Error);
    }

    [Fact]
    public async Task An_unknown_option_is_compared_without_its_dashes()
    {
        var result = await TestHost.Run("resolve", "job", "--c", "job.yaml");

        Assert.Contains("unknown option '--c' (did you mean '-c'?)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task No_verb_is_a_usage_error()
    {
        var result = await TestHost.Run();

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task An_unknown_kind_exits_2_and_lists_the_kinds()
    {
        var result = await TestHost.Run("resolve", "jobb");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("'jobb'", result.Error, StringComparison.Ordinal);
        Assert.Contains("job", result.Error, StringComparison.Ordinal);
        Assert.Contains("network", result.Error, StringComparison.Ordinal);
        Assert.EndsWith("Run 'jobs resolve --help' for usage.\n", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("--bogus")]
    [InlineData("--bogus=1")]
    [InlineData("-x")]
    public async Task An_unknown_option_exits_2_even_where_positionals_are_accepted(string option)
    {
        var result = await TestHost.Run("resolve", "job", "steps=3", option);

        Assert.Equal(2, result.ExitCode);
        Assert.StartsWith("jobs: error: unknown option '" + option + "'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task An_unknown_option_gets_the_closest_name()
    {
        var result = await TestHost.Run("resolve", "job", "--lenent");

        Assert.Contains("did you mean '--lenient'", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_bad_show_level_is_a_usage_error()
    {
        var result = await TestHost.Run("resolve", "job", "--show", "everything");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("everything", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_config_option_without_a_file_is_a_usage_error()
    {
        var result = await TestHost.Run("resolve", "job", "-c");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Help_goes_to_the_output_and_exits_0()
    {
        var result = await TestHost.Run("resolve", "--help");

        Assert.Equal(0, result.ExitCode);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
        Assert.Contains("jobs resolve <kind> [<KEY=VALUE>...] [options]", result.Output, StringComparison.Ordinal);
        Assert.Equal(string.Empty, result.Error);
    }

    [Fact]
    public async Task The_run_verb_exists_only_when_a_kind_can_run()
    {
        var host = new Strata.Hosting.ConfigHost("inspect").AddKind<Model.JobConfig>("job", "A job.");

        var result = await TestHost.Run(host, "run", "job");

        Assert.Equal(2, result.ExitCode);
    }

    [Fact]
    public async Task Response_files_expand_into_arguments()
    {
        using var dir = new TempDirectory();
        var file = dir.Write("job.yaml", "steps: 10\n");
        var args = dir.Write("args.txt", "# overrides for the test\n-c " + file + "\nname=from-response-file\n");

        var result = await TestHost.Run("resolve", "job", "@" + args, "steps=11");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("steps: 11\nname: from-response-file\n", result.Output);
    }

    [Fact]
    public void Registering_a_kind_twice_is_refused()
    {
        var host = new Strata.Hosting.ConfigHost("x").AddKind<Model.JobConfig>("job", "A job.");

        Assert.Throws<ArgumentException>(() => host.AddKind<Model.NetworkConfig>("job", "Again."));
    }

    [Theory]
    [InlineData("-job")]
    [InlineData("a=b")]
    [InlineData("two words")]
    public void A_kind_name_that_the_command_line_cannot_carry_is_refused(string name) =>
        Assert.Throws<ArgumentException>(() => new Strata.Hosting.ConfigHost("x").AddKind<Model.JobConfig>(name, "A job."));
}
