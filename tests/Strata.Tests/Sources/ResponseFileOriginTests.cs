namespace Strata.Tests.Sources;

/// <summary>An override read from a response file keeps the kind of a command-line override but is shown at its line.</summary>
public sealed class ResponseFileOriginTests
{
    [Fact]
    public void An_override_from_a_response_file_is_a_cli_origin_shown_as_its_file_and_line()
    {
        var origin = Origin.FromResponseFile("conf/args.rsp", 3, argument: 2, column: 7);

        Assert.Equal(
            (OriginKind.CommandLine, "cli", "conf/args.rsp", 3, 7, 2, true),
            (origin.Kind, origin.KindName, origin.Source, origin.Line, origin.Column, origin.Argument, origin.IsExplicit));
        Assert.Equal("conf/args.rsp:3", origin.ToString());
    }

    [Fact]
    public void A_diagnostic_at_a_response_file_line_starts_with_it()
    {
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.FieldRule, "steps", Origin.FromResponseFile("args.rsp", 4, 1, 7), "must be >= 1, got 0");

        Assert.Equal("args.rsp:4: error STR0103: steps: must be >= 1, got 0", diagnostic.ToString());
    }

    [Fact]
    public void Its_history_keeps_the_place()
    {
        var file = Origin.InFile("job.yaml", 2, 8);

        var history = Origin.FromResponseFile("args.rsp", 1, 1).WithPrevious(file).History;

        Assert.Equal(["job.yaml:2:8", "args.rsp:1"], history.Select(static o => o.ToString()));
    }

    [Fact]
    public void A_typed_override_is_still_numbered()
    {
        Assert.Equal("cli arg #3", Origin.FromCommandLine(3, 5).ToString());
    }
}
