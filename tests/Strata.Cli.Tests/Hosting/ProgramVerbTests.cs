using System.CommandLine;
using Strata.Cli.Tests.Model;
using Strata.Hosting;

namespace Strata.Cli.Tests.Hosting;

/// <summary>
/// A program's own verbs (<see cref="ConfigHost.AddVerb"/>): created only when the command line names them (or names no
/// verb), and able to read and resolve the same inputs as the config verbs.
/// </summary>
public sealed class ProgramVerbTests : IDisposable
{
    private readonly TempDirectory _dir = new();

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task A_command_line_that_names_a_config_verb_never_creates_the_programs_verbs()
    {
        var created = 0;
        var host = TestHost.Create().AddVerb("check", context => Check(context, ref created));

        var result = await TestHost.Run(host, "validate", "job", "steps=3");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal(0, created);
    }

    [Theory]
    [InlineData("check", "job")]
    [InlineData("--help")]
    [InlineData("chek")]
    public async Task A_command_line_that_names_the_verb_or_no_verb_creates_it_once(params string[] arguments)
    {
        var created = 0;
        var host = TestHost.Create().AddVerb("check", context => Check(context, ref created));

        await TestHost.Run(host, arguments);

        Assert.Equal(1, created);
    }

    [Fact]
    public async Task An_unknown_verb_is_still_matched_against_every_verb()
    {
        var created = 0;
        var host = TestHost.Create().AddVerb("check", context => Check(context, ref created));

        var result = await TestHost.Run(host, "chek", "job");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("(did you mean 'check'?)", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Help_names_a_programs_own_verb_and_a_programs_verb_named_help_is_run_not_read_as_help()
    {
        var created = 0;
        var host = TestHost.Create().AddVerb("check", context => Check(context, ref created));

        var help = await TestHost.Run(host, "help", "check");

        Assert.Equal(0, help.ExitCode);
        Assert.Contains("Resolves a config and prints its class.", help.Output, StringComparison.Ordinal);

        var own = TestHost.Create().AddVerb("help", static context =>
        {
            var command = new Command("help", "The program's own help verb.") { new Argument<string[]>("topics") };
            context.SetAction(command, (parse, _) =>
            {
                context.Output.Write("own help: " + string.Join(' ', parse.GetValue<string[]>("topics") ?? []) + "\n");
                return Task.FromResult(0);
            });
            return command;
        });

        var result = await TestHost.Run(own, "help", "resolve");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("own help: resolve\n", result.Output);
    }

    [Fact]
    public async Task A_verb_added_under_another_name_than_its_command_is_refused()
    {
        var host = TestHost.Create().AddVerb("check", static _ => new Command("other"));

        await Assert.ThrowsAsync<InvalidOperationException>(() => TestHost.Run(host, "check"));
    }

    [Fact]
    public async Task The_resolve_inputs_give_a_program_verb_the_config_of_the_kind_with_every_place()
    {
        var created = 0;
        var host = TestHost.Create().AddVerb("check", context => Check(context, ref created));
        var rsp = _dir.Write("args.rsp", "steps=0\n");

        var result = await TestHost.Run(host, "check", "job", "@" + rsp);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains(rsp + ":1: error STR0103: steps: ", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_program_verb_reads_a_valid_request_into_a_resolved_config_of_the_kinds_class()
    {
        var created = 0;
        var host = TestHost.Create().AddVerb("check", context => Check(context, ref created));

        var result = await TestHost.Run(host, "check", "job", "steps=3", "--lenient");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("JobConfig steps=3 lenient\n", result.Output);
    }

    [Theory]
    [InlineData("check", "job", "stray")]
    [InlineData("check", "job", "--lenient", "--strict-unknown")]
    public async Task A_program_verb_reports_the_usage_mistakes_of_the_config_verbs(params string[] arguments)
    {
        var created = 0;
        var host = TestHost.Create().AddVerb("check", context => Check(context, ref created));

        var result = await TestHost.Run(host, arguments);

        Assert.Equal(2, result.ExitCode);
        Assert.EndsWith("Run 'jobs check --help' for usage.\n", result.Error, StringComparison.Ordinal);
    }

    private static Command Check(HostVerbContext context, ref int created)
    {
        created++;
        var command = new Command("check", "Resolves a config and prints its class.");
        var inputs = context.AddResolveInputs(command);
        context.SetAction(command, (parse, _) =>
        {
            var request = inputs.Read(parse);
            if (!context.TryResolve(request, out var resolved, out var diagnostics))
            {
                context.WriteDiagnostics(diagnostics);
                return Task.FromResult(1);
            }

            var job = (JobConfig)resolved.Config;
            context.Output.Write(job.GetType().Name + " steps=" + job.Steps + (request.Options.LenientUnknownKeys ? " lenient" : string.Empty) + "\n");
            return Task.FromResult(0);
        });
        return command;
    }
}
