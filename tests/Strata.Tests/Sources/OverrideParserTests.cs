using Strata.Sources;
using Strata.Tree;
using static Strata.Tests.Sources.TreeAssert;

namespace Strata.Tests.Sources;

public sealed class OverrideParserTests
{
    private static ConfigOverride ParseValid(string argument, int number = 1)
    {
        Assert.True(OverrideParser.TryParse(argument, number, out var result, out var error), error?.ToString());
        Assert.Null(error);
        return result;
    }

    private static Diagnostic ParseInvalid(string argument, int number = 1)
    {
        Assert.False(OverrideParser.TryParse(argument, number, out var result, out var error));
        Assert.Null(result);
        return error;
    }

    [Theory]
    [InlineData("a.b.c=1", "a.b.c", "1")]
    [InlineData("x=1e-5", "x", "1e-5")]
    [InlineData("flag=off", "flag", "off")]
    [InlineData("width=4.0", "width", "4.0")]
    [InlineData("s=hello world", "s", "hello world")]
    [InlineData("url=http://host:80/a#b", "url", "http://host:80/a#b")]
    [InlineData("eq=a=b", "eq", "a=b")]
    [InlineData("neg=-1", "neg", "-1")]
    [InlineData("padded=  x  ", "padded", "x")]
    public void Plain_values_keep_their_text(string argument, string path, string text)
    {
        var result = ParseValid(argument);

        Assert.Equal(path, result.DottedPath);
        Plain(result.Value, text);
        Assert.Equal(argument, result.Text);
    }

    [Theory]
    [InlineData("q='007'", "007")]
    [InlineData("q=\"4\"", "4")]
    [InlineData("q=!!str 5", "5")]
    [InlineData("q=''", "")]
    [InlineData("q='#1'", "#1")]
    public void Quoted_values_are_strings(string argument, string text)
    {
        Quoted(ParseValid(argument).Value, text);
    }

    [Theory]
    [InlineData("n=null")]
    [InlineData("n=~")]
    [InlineData("n=NULL")]
    [InlineData("n=!!null")]
    [InlineData("e=")]
    [InlineData("e=   ")]
    public void Empty_and_null_values_are_null(string argument)
    {
        Null(ParseValid(argument).Value);
    }

    [Fact]
    public void Flow_lists_and_mappings_become_trees_with_columns()
    {
        var list = ParseValid("l=[1, 2]", 3);
        var map = ParseValid("d={k: v, n: [x]}");

        Plain(At(list.Value, 0), "1");
        Plain(At(list.Value, 1), "2");
        Assert.Equal((3, 3), (list.Value.Origin.Argument, list.Value.Origin.Column));
        Assert.Equal(7, At(list.Value, 1).Origin.Column);
        Assert.Equal(OriginKind.CommandLine, At(list.Value, 1).Origin.Kind);
        Plain(At(map.Value, "k"), "v");
        Plain(At(map.Value, "n", 0), "x");
        Assert.Equal(10, Entry(map.Value, "n").KeyOrigin.Column);
    }

    [Fact]
    public void The_override_origin_is_the_argument_and_the_value_column()
    {
        var result = ParseValid("training.train_iters=1000", 4);

        Assert.Equal((OriginKind.CommandLine, 4, 22), (result.Origin.Kind, result.Origin.Argument, result.Origin.Column));
        Assert.Equal("cli arg #4", result.Origin.ToString());
    }

    [Fact]
    public void Path_steps_may_carry_list_indexes()
    {
        var result = ParseValid("data.datasets.training.datasets[1].path=x");

        Assert.Equal(
            [OverridePathSegment.ForKey("data"), OverridePathSegment.ForKey("datasets"), OverridePathSegment.ForKey("training"), OverridePathSegment.ForKey("datasets"), OverridePathSegment.ForIndex(1), OverridePathSegment.ForKey("path")],
            result.Path);
        Assert.Equal("data.datasets.training.datasets[1].path", result.DottedPath);
    }

    [Fact]
    public void Indexes_can_follow_each_other()
    {
        var result = ParseValid("x[0][12].y=1");

        Assert.Equal([OverridePathSegment.ForKey("x"), OverridePathSegment.ForIndex(0), OverridePathSegment.ForIndex(12), OverridePathSegment.ForKey("y")], result.Path);
    }

    [Theory]
    [InlineData("novalue", 1)]
    [InlineData("a..b=1", 3)]
    [InlineData(".a=1", 1)]
    [InlineData("a.=1", 3)]
    [InlineData("=1", 1)]
    [InlineData("a b=1", 2)]
    [InlineData("a.b =1", 4)]
    [InlineData("x[a]=1", 2)]
    [InlineData("x[]=1", 2)]
    [InlineData("x[1=1", 2)]
    [InlineData("x[0]y=1", 5)]
    [InlineData("x]=1", 2)]
    [InlineData("[0]=1", 1)]
    [InlineData("x[99999999999]=1", 2)]
    public void Bad_paths_are_override_syntax_errors_at_the_column(string argument, int column)
    {
        var error = ParseInvalid(argument, 2);

        Assert.Equal(DiagnosticCodes.OverrideSyntax, error.Code);
        Assert.Equal((OriginKind.CommandLine, 2, column), (error.Origin!.Kind, error.Origin.Argument, error.Origin.Column));
        Assert.Contains("'" + argument + "'", error.Message, StringComparison.Ordinal);
        Assert.Contains("column " + column, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("bad=[1,")]
    [InlineData("bad={a: 1")]
    [InlineData("bad='x")]
    [InlineData("bad=a: b")]
    [InlineData("bad=- x")]
    [InlineData("bad=#comment")]
    [InlineData("bad=---")]
    [InlineData("bad= # x")]
    [InlineData("bad=...")]
    [InlineData("bad=*nope")]
    [InlineData("bad=1\n---\n2")]
    public void Unparsable_values_are_override_syntax_errors(string argument)
    {
        var error = ParseInvalid(argument);

        Assert.Equal(DiagnosticCodes.OverrideSyntax, error.Code);
        Assert.Contains("'" + argument + "'", error.Message, StringComparison.Ordinal);
        Assert.True(error.Origin!.Column >= 5, "column " + error.Origin.Column);
    }

    [Fact]
    public void Value_errors_point_into_the_value()
    {
        var error = ParseInvalid("model.x=[1, !!python/object:os.system y]");

        Assert.Equal(DiagnosticCodes.UnsupportedTag, error.Code);
        Assert.Equal("model.x[1]", error.Path);
        Assert.Equal(13, error.Origin!.Column);
        Assert.Contains("column 13", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_keys_in_a_value_are_reported_with_the_full_path()
    {
        var error = ParseInvalid("a.b={k: 1, k: 2}");

        Assert.Equal(DiagnosticCodes.DuplicateKey, error.Code);
        Assert.Equal("a.b.k", error.Path);
        Assert.Equal(12, error.Origin!.Column);
    }

    [Fact]
    public void Values_follow_the_limits_of_files()
    {
        var error = ParseInvalid("a=" + new string('[', 1000) + new string(']', 1000));

        Assert.Equal(DiagnosticCodes.NestingLimit, error.Code);
    }

    [Fact]
    public void Anchors_and_aliases_work_inside_a_value()
    {
        var result = ParseValid("a=[&x {k: 1}, *x]");

        Plain(At(result.Value, 1, "k"), "1");
    }
}
