using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Tests.Sources;

/// <summary>
/// Plain one-line override values are read without a YAML parser; whatever the value, the override must be exactly what
/// the YAML reader makes of it: the same path, the same node with the same origins, or the same diagnostic.
/// </summary>
public sealed class OverridePlainValueTests
{
    /// <summary>Pieces that matter to YAML, glued together into values.</summary>
    private static readonly string[] s_pieces =
    [
        "a", "Z", "7", "0", "1e-5", "1.0e-05", "-", "-1", "--", ".", ".5", ".inf", "..", "...", "---", ":", ": ", ":\t", "#", " #", " ",
        "  ", "\t", "?", "? ", "%", "!", "!!str ", "!!int ", "!!foo ", "&x ", "&", "*x", "*", "|", ">", "[", "]", "{", "}", ",",
        "'", "\"", "null", "Null", "NULL", "nulL", "~", "true", "off", "@", "`", "\\", "=", "/", "_", "<<", "a: b", "[1, 2]",
        "{a: 1}", "'q'", "\"d\"", "é", "\u00A0", "\u2028", "\u0085", "\uFEFF", "\u0001", "\u007F", "\r", "\n", "\uD83D\uDE00",
        "data/valid/shard_1", "llama3-8b-sft-short", "http://host:80/a#b",
    ];

    /// <summary>Values of the benchmark workload and their neighbours: each must take the fast path.</summary>
    public static TheoryData<string> FastValues => new()
    {
        "1000", "2", "1.0e-05", "0.0", "42", "data/valid/shard_1", "llama3-8b-sft-short", "-1", "-.5", "-inf", ".5", ".inf",
        "true", "off", "hello world", "a  b", "a - b", "a#b", "a:b", "http://host:80/a#b", "a=b", "x!y", "x&y", "x*y", "<<",
        "~", "null", "Null", "NULL", "nulL", "", "a\\b", "x?", "x%", "x|", "a >b",
    };

    /// <summary>Values the fast path must leave to the YAML reader.</summary>
    public static TheoryData<string> YamlValues => new()
    {
        " 1", "1 ", "-", "- x", "--x", "-\t1", "?x", ":x", "#x", "a #b", "a: b", "a:", "&x 1", "*x", "!!str 5", "|", ">",
        "%x", "@x", "`x", "'1'", "\"1\"", "[1]", "{a: 1}", "a,b", "..x", "...", "---", "a\tb", "é", "a\u00A0", "a\nb",
    };

    [Theory]
    [MemberData(nameof(FastValues))]
    public void Plain_values_are_read_without_a_yaml_parser_and_equal_the_yaml_reading(string value)
    {
        var argument = "training.train_iters=" + value;

        Assert.True(OverrideParser.IsPlainValue(argument.AsSpan(argument.IndexOf('=', StringComparison.Ordinal) + 1), SourceLimits.Default));
        Assert.Equal(ByYaml(argument, 3), ByFastPath(argument, 3));
    }

    [Theory]
    [MemberData(nameof(YamlValues))]
    public void Values_that_are_not_plain_one_line_scalars_go_to_the_yaml_reader(string value)
    {
        var argument = "a.b=" + value;

        Assert.False(OverrideParser.IsPlainValue(argument.AsSpan(4), SourceLimits.Default));
        Assert.Equal(ByYaml(argument, 1), ByFastPath(argument, 1));
    }

    [Fact]
    public void Any_value_glued_from_yaml_pieces_gives_what_the_yaml_reader_gives() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(3000),
            Prop.ForAll(
                Gen.ListOf(Gen.Elements(s_pieces)).Select(static pieces => string.Concat(pieces.Take(5))).ToArbitrary(),
                Gen.Choose(1, 40).ToArbitrary(),
                static (value, number) =>
                {
                    var argument = "model.base_model.x=" + value;
                    return ByFastPath(argument, number) == ByYaml(argument, number);
                }));

    [Fact]
    public void Any_string_value_gives_what_the_yaml_reader_gives() =>
        Prop.ForAll(
                ArbMap.Default.ArbFor<string>(),
                static value =>
                {
                    var argument = "k=" + value;
                    return ByFastPath(argument, 2) == ByYaml(argument, 2);
                })
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Any_printable_ascii_value_gives_what_the_yaml_reader_gives() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(2000),
            Prop.ForAll(
                Gen.ArrayOf(Gen.Choose(0x20, 0x7E).Select(static c => (char)c)).Select(static chars => new string(chars)).ToArbitrary(),
                static value =>
                {
                    var argument = "a.b[0].c=" + value;
                    return ByFastPath(argument, 5) == ByYaml(argument, 5);
                }));

    [Fact]
    public void Overrides_parsed_one_after_another_equal_overrides_parsed_alone_by_yaml() =>
        Prop.ForAll(
                Gen.ListOf(Gen.ListOf(Gen.Elements(s_pieces)).Select(static pieces => string.Concat(pieces.Take(4)))).ToArbitrary(),
                static values =>
                {
                    // The readers of one thread share their pooled lists: nothing of one value may reach the next.
                    var arguments = values.Select(static (v, i) => "training.e" + i.ToString(CultureInfo.InvariantCulture) + "=" + v).ToList();
                    var inTurn = arguments.Select(static (a, i) => ByFastPath(a, i + 1)).ToList();
                    return arguments.Select((a, i) => ByYaml(a, i + 1) == inTurn[i]).All(static same => same);
                })
            .QuickCheckThrowOnFailure();

    /// <summary>Values that once tested a shared YAML stream of values: each must read as YamlDotNet reads it alone.</summary>
    [Theory]
    [InlineData("a=1", "b=x # comment", "c=!!str 007", "d=&x 5", "e=*x", "f=-1", "g=.inf", "h=~", "i=null", "j=")]
    [InlineData("a=1", "b=a: b", "c=2", "d=- x", "e=%YAML 1.2", "f=|", "g=>", "h=? x", "i=...", "j=---")]
    [InlineData("a=1", "b=[1, 2", "c=\"x", "d='y", "e={a: 1}", "f=é\u2028", "g=\u0001", "h=\tx", "i=  7", "j=a #b")]
    [InlineData("a.b[0]=1", "x=2", "bad", "=3", "a..b=4", "k=!!foo 1", "k2=!!int x", "k3=@x", "k4=`y", "k5=<<")]
    [InlineData("a=[1, {b: 'c'}, \"d\"]", "b={x: [], y: {}}", "c=[a b, c:d]", "d={a: 1, a: 2}", "e='it''s'", "f=\"\\u00e9\"", "g=[1, 2,]", "h=[1] #c", "i='x'#c", "j=[1]x")]
    public void Tricky_values_read_by_the_fast_paths_give_what_yaml_gives(params string[] arguments)
    {
        for (var i = 0; i < arguments.Length; i++)
        {
            Assert.Equal(ByYaml(arguments[i], i + 1), ByFastPath(arguments[i], i + 1));
        }
    }

    [Fact]
    public void A_value_longer_than_the_scalar_limit_is_left_to_the_yaml_reader_which_reports_it()
    {
        var argument = "a=" + new string('x', SourceLimits.Default.MaxScalarLength + 1);

        Assert.False(OverrideParser.IsPlainValue(argument.AsSpan(2), SourceLimits.Default));
        Assert.Equal(ByYaml(argument, 1), ByFastPath(argument, 1));
        Assert.Contains("error Error " + DiagnosticCodes.TooLong, ByFastPath(argument, 1), StringComparison.Ordinal);
    }

    private static string ByFastPath(string argument, int number) =>
        OverrideParser.TryParse(argument, number, null, SourceLimits.Default, out var change, out var error) ? Describe(change, null) : Describe(null, error);

    private static string ByYaml(string argument, int number) =>
        OverrideParser.TryParse(argument, number, null, SourceLimits.Default, out var change, out var error, fastPaths: false) ? Describe(change, null) : Describe(null, error);

    private static string Describe(ConfigOverride? change, Diagnostic? error) =>
        change is not null
            ? "path " + change.DottedPath + " value " + Describe(change.Value) + " at " + Describe(change.Origin) + " same " + ReferenceEquals(change.Origin, change.Value.Origin)
            : "error " + error!.Severity + " " + error.Code + " " + error.Path + " at " + Describe(error.Origin) + ": " + error.Message;

    private static string Describe(Origin? origin)
    {
        var text = new StringBuilder();
        for (var o = origin; o is not null; o = o.Previous)
        {
            text.Append(CultureInfo.InvariantCulture, $"{o.KindName}:{o.Source}:{o.Line}:{o.Column}:{o.Argument};");
        }

        return text.ToString();
    }

    private static string Describe(ConfigNode node) => node switch
    {
        ConfigScalar s => "scalar(" + (s.Value is null ? "<null>" : "[" + s.Value + "]") + "," + s.Style + "," + Describe(s.Origin) + ")",
        ConfigSequence q => "seq(" + Describe(q.Origin) + ":" + string.Join(";", q.Items.Select(Describe)) + ")",
        ConfigMap m => "map(" + Describe(m.Origin) + ":" + string.Join(";", m.Entries.Select(e => e.Key + "@" + Describe(e.KeyOrigin) + "=" + Describe(e.Value))) + ")",
        _ => node.GetType().Name,
    };
}
