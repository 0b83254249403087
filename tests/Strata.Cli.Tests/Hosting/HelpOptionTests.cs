using Strata.Hosting;
using Strata.Hosting.CommandLine;

namespace Strata.Cli.Tests.Hosting;

/// <summary>
/// The help and version options are left out of command lines that cannot name them (their resources are costly to
/// load in a fresh process); these tests prove that every way of asking still finds them, and that leaving them out
/// changes nothing else.
/// </summary>
public sealed class HelpOptionTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    [InlineData("/h")]
    [InlineData("/?")]
    [InlineData("--version")]
    [InlineData("--help=x")]
    [InlineData("-vh")]
    [InlineData("@args.rsp")]
    public void Arguments_that_may_name_help_or_version_are_recognised(string argument)
    {
        Assert.True(HostCommandLine.MayAskForHelpOrVersion(["resolve", "job", argument]));
    }

    [Theory]
    [InlineData("resolve", "job", "-c", "job.yaml", "steps=10")]
    [InlineData("resolve", "job", "-c", "help.yaml", "--format", "json")]
    [InlineData("explain", "job", "network.hidden", "name=-h")]
    [InlineData("diff", "job", "--", "x")]
    public void Ordinary_command_lines_do_without_the_options(params string[] arguments)
    {
        Assert.False(HostCommandLine.MayAskForHelpOrVersion(arguments));
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("-h")]
    [InlineData("-?")]
    public async Task Every_help_alias_prints_the_verb_help(string alias)
    {
        var expected = await TestHost.Run("resolve", "--help");

        var result = await TestHost.Run("resolve", alias);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(expected.Output, result.Output);
        Assert.Contains("Usage:", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_in_a_response_file_is_found()
    {
        var rsp = _dir.Write("args.rsp", "resolve\n--help\n");

        var result = await TestHost.Run("@" + rsp);

        Assert.Equal(0, result.ExitCode);
        Assert.Equal((await TestHost.Run("resolve", "--help")).Output, result.Output);
    }

    [Fact]
    public async Task Version_prints_a_version()
    {
        var result = await TestHost.Run("--version");

        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+", result.Output);
    }

    [Fact]
    public async Task An_unknown_option_reads_the_same_whether_or_not_help_is_on_the_line()
    {
        var file = _dir.Write("job.yaml", "steps: 10\n");

        var lean = await TestHost.Run("resolve", "job", "-c", file, "--bogus");
        var full = await TestHost.Run("resolve", "job", "-c", file, "--bogus", "--version");

        Assert.Equal(2, lean.ExitCode);
        Assert.Equal(lean.ExitCode, full.ExitCode);
        Assert.Equal(lean.Error, full.Error);
    }
}
