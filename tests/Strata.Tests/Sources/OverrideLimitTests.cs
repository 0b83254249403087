using System.Diagnostics;
using Strata.Sources;
using Strata.Tests.Model;
using Strata.Tests.Resolution;
using Strata.Tree;

namespace Strata.Tests.Sources;

/// <summary>
/// An override is bounded as a file is: the depth of its path (with its value's nesting), the length of each key and
/// the length of its value, all refused by the parser before anything walks the path, and never echoed.
/// </summary>
public sealed class OverrideLimitTests
{
    private static readonly int s_maxDepth = SourceLimits.Default.MaxDepth;

    private static string Path(int steps) => "a" + string.Concat(Enumerable.Repeat(".x", steps - 1));

    [Fact]
    public void A_path_at_the_depth_limit_is_read()
    {
        Assert.True(OverrideParser.TryParse(Path(s_maxDepth) + "=1", 1, out var parsed, out var error), error?.ToString());
        Assert.Equal(s_maxDepth, parsed.Path.Count);
    }

    [Fact]
    public void A_path_one_step_past_the_depth_limit_is_a_nesting_error_at_the_step_past_it()
    {
        var argument = Path(s_maxDepth + 1) + "=1";

        Assert.False(OverrideParser.TryParse(argument, 2, out _, out var error));

        Assert.Equal(DiagnosticCodes.NestingLimit, error.Code);
        Assert.Equal(2, error.Origin!.Argument);
        Assert.Equal(argument.LastIndexOf('x') + 1, error.Origin.Column);
        Assert.Equal("cli arg #2: error STR0005: the path of the override nests deeper than the limit of 128 levels", error.ToString());
    }

    [Fact]
    public void List_indexes_are_steps_of_the_path_too()
    {
        var argument = "a" + string.Concat(Enumerable.Repeat("[0]", s_maxDepth)) + "=1";

        Assert.False(OverrideParser.TryParse(argument, 1, out _, out var error));

        Assert.Equal(DiagnosticCodes.NestingLimit, error.Code);
        Assert.Equal(argument.LastIndexOf('[') + 1, error.Origin!.Column);
    }

    [Fact]
    public void A_path_of_45_000_levels_is_refused_quickly_and_resolution_reports_it_once()
    {
        var argument = Path(45_000) + "=1";
        var watch = Stopwatch.StartNew();

        var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddOverride(argument)
            .TryResolve(out _, out var diagnostics);

        Assert.False(ok);
        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal(DiagnosticCodes.NestingLimit, error.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), "took " + watch.Elapsed);
    }

    [Fact]
    public void A_syntax_error_before_the_depth_limit_is_reported_first()
    {
        Assert.False(OverrideParser.TryParse("a..b" + string.Concat(Enumerable.Repeat(".x", 200)) + "=1", 1, out _, out var error));

        Assert.Equal(DiagnosticCodes.OverrideSyntax, error.Code);
        Assert.Equal(3, error.Origin!.Column);
    }

    [Fact]
    public void A_key_at_the_length_limit_is_read_and_one_longer_is_too_long_at_its_column_without_being_echoed()
    {
        var limit = SourceLimits.Default.MaxKeyLength;
        Assert.True(OverrideParser.TryParse("a." + new string('k', limit) + "=1", 1, out _, out var none), none?.ToString());

        Assert.False(OverrideParser.TryParse("a." + new string('k', limit + 1) + "=1", 1, out _, out var error));

        Assert.Equal(DiagnosticCodes.TooLong, error.Code);
        Assert.Equal(3, error.Origin!.Column);
        Assert.Equal("cli arg #1: error STR0011: a key of the path is 1025 characters long, more than the limit of 1024", error.ToString());
    }

    [Fact]
    public void A_value_at_the_length_limit_is_read_and_one_longer_is_too_long_at_its_column_without_being_echoed()
    {
        var limit = SourceLimits.Default.MaxScalarLength;
        Assert.True(OverrideParser.TryParse("name=" + new string('v', limit), 1, out _, out var none), none?.ToString());

        foreach (var value in (string[])[new string('v', limit + 1), "[" + new string('v', limit) + "]", "'" + new string('v', 50 * 1024 * 1024) + "'"])
        {
            Assert.False(OverrideParser.TryParse("name=" + value, 1, out _, out var error));

            Assert.Equal(DiagnosticCodes.TooLong, error.Code);
            Assert.Equal("name", error.Path);
            Assert.Equal(6, error.Origin!.Column);
            Assert.True(error.ToString().Length < 200, "a long diagnostic of " + error.ToString().Length + " characters");
        }
    }

    [Fact]
    public void A_50_MB_value_among_overrides_costs_one_bounded_diagnostic()
    {
        var value = new string('9', 50 * 1024 * 1024);

        var errors = Resolve.Errors(string.Empty, "iterations=" + value, "name=ok");

        var error = Assert.Single(errors);
        Assert.Equal("cli arg #1: error STR0011: iterations: the value is 52428800 characters long, more than the limit of 1048576", error.ToString());
    }

    [Fact]
    public void The_nesting_of_a_value_counts_under_its_path()
    {
        var path = Path(s_maxDepth - 3);
        Assert.True(OverrideParser.TryParse(path + "=[[[1]]]", 1, out _, out var none), none?.ToString());

        Assert.False(OverrideParser.TryParse(path + "=[[[[1]]]]", 4, out _, out var error));

        Assert.Equal(DiagnosticCodes.NestingLimit, error.Code);
        Assert.Equal(4, error.Origin!.Argument);
        Assert.Equal("the override nests deeper than the limit of 128 levels (125 in its path, 4 in its value)", error.Message);
    }

    [Fact]
    public void The_limits_of_the_resolve_options_bound_overrides()
    {
        var limits = new SourceLimits { MaxDepth = 3, MaxKeyLength = 10, MaxScalarLength = 16 };

        var diagnostics = Errors(limits, "layers.num_layers=2", "a.b.c.d=1", "layers.num_layers_x=1", "name=12345678901234567", "tags={a: {b: [1]}}");

        Assert.Equal(
            [
                "cli arg #2: error STR0005: the path of the override nests deeper than the limit of 3 levels",
                "cli arg #3: error STR0011: a key of the path is 12 characters long, more than the limit of 10",
                "cli arg #4: error STR0011: name: the value is 17 characters long, more than the limit of 16",
                "cli arg #5: error STR0005: tags: the override nests deeper than the limit of 3 levels (1 in its path, 3 in its value)",
            ],
            diagnostics.Select(static d => d.ToString()));
    }

    [Fact]
    public void Overrides_read_from_a_response_file_are_placed_at_its_line_and_numbered_among_all()
    {
        string[] arguments = ["name=typed", "iterations=[1", "layers.num_layers=3", "tags={a: b}"];
        ArgumentPlace?[] places = [null, new ArgumentPlace("args.rsp", 2), new ArgumentPlace("args.rsp", 5), new ArgumentPlace("more.rsp", 1)];
        var parsed = arguments.Select((a, i) => OverrideParser.TryParse(a, i + 1, places[i], SourceLimits.Default, out var o, out var e) ? (Override: o, Error: e) : (Override: null, Error: e)).ToList();

        Assert.Equal("cli arg #1", parsed[0].Override!.Origin.ToString());
        var error = parsed[1].Error!;
        Assert.Equal(("args.rsp", 2, 2), (error.Origin!.Source, error.Origin.Line, error.Origin.Argument));
        Assert.StartsWith("args.rsp:2: error STR0010: iterations: ", error.ToString(), StringComparison.Ordinal);
        var third = parsed[2].Override!;
        Assert.Equal(("args.rsp:5", 3, 19), (third.Origin.ToString(), third.Origin.Argument, third.Origin.Column));
        var map = (ConfigMap)parsed[3].Override!.Value;
        Assert.Equal("more.rsp:1", map.Entries[0].Value.Origin.ToString());
        Assert.Equal(OriginKind.CommandLine, map.Entries[0].Value.Origin.Kind);
    }

    private static IReadOnlyList<Diagnostic> Errors(SourceLimits limits, params string[] overrides)
    {
        var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment, Limits = limits })
            .AddOverrides(overrides)
            .TryResolve(out _, out var diagnostics);
        Assert.False(ok);
        return [.. diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)];
    }
}
