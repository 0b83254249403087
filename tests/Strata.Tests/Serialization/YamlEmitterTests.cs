using Strata.Serialization;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Tests.Serialization;

public sealed class YamlEmitterTests
{
    private static readonly Origin s_code = Origin.Code;

    private static ConfigScalar P(string text) => ConfigScalar.Plain(text, s_code);

    private static ConfigScalar Q(string text) => ConfigScalar.Quoted(text, s_code);

    private static ConfigMap Map(params (string Key, ConfigNode Value)[] entries) =>
        new(entries.Select(e => new ConfigMapEntry(e.Key, s_code, e.Value)), s_code);

    private static ConfigSequence List(params ConfigNode[] items) => new(items, s_code);

    [Fact]
    public void Block_layout_puts_list_items_at_the_indentation_of_their_key()
    {
        var tree = Map(
            ("model", Map(("hidden_size", P("1024")), ("name", Q("gpt")))),
            ("empty_map", Map()),
            ("empty_list", List()),
            ("nothing", ConfigScalar.Null(s_code)),
            ("datasets", List(
                Map(("path", Q("a")), ("weight", P("1"))),
                List(P("1"), P("2")),
                List(),
                Map(("nested", List(Q("x"))), ("after", P("2"))))),
            ("scalars", List(P("1"), Q("true"))));

        var yaml = YamlEmitter.Emit(tree);

        Assert.Equal(
            """
            model:
              hidden_size: 1024
              name: gpt
            empty_map: {}
            empty_list: []
            nothing: null
            datasets:
            - path: a
              weight: 1
            - - 1
              - 2
            - []
            - nested:
              - x
              after: 2
            scalars:
            - 1
            - "true"

            """.ReplaceLineEndings("\n"),
            yaml);
        Assert.DoesNotContain('\r', yaml);
    }

    [Fact]
    public void An_empty_root_is_an_empty_flow_map()
    {
        Assert.Equal("{}\n", YamlEmitter.Emit(Map()));
    }

    [Theory]
    [InlineData("true", "\"true\"")]
    [InlineData("False", "\"False\"")]
    [InlineData("yes", "\"yes\"")]
    [InlineData("No", "\"No\"")]
    [InlineData("on", "\"on\"")]
    [InlineData("OFF", "\"OFF\"")]
    [InlineData("y", "\"y\"")]
    [InlineData("null", "\"null\"")]
    [InlineData("~", "\"~\"")]
    [InlineData("", "\"\"")]
    [InlineData("1e5", "\"1e5\"")]
    [InlineData("1e-05", "\"1e-05\"")]
    [InlineData("0x1F", "\"0x1F\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("+1", "\"+1\"")]
    [InlineData(".5", "\".5\"")]
    [InlineData(".inf", "\".inf\"")]
    [InlineData("-.inf", "\"-.inf\"")]
    [InlineData("NaN", "\"NaN\"")]
    [InlineData("Infinity", "\"Infinity\"")]
    [InlineData("2001-12-14", "\"2001-12-14\"")]
    [InlineData("12:30", "\"12:30\"")]
    [InlineData(" x", "\" x\"")]
    [InlineData("x ", "\"x \"")]
    [InlineData("a: b", "\"a: b\"")]
    [InlineData("a:", "\"a:\"")]
    [InlineData("#x", "\"#x\"")]
    [InlineData("x #y", "\"x #y\"")]
    [InlineData("a *b", "\"a *b\"")]
    [InlineData("-x", "\"-x\"")]
    [InlineData("- x", "\"- x\"")]
    [InlineData("---", "\"---\"")]
    [InlineData("...", "\"...\"")]
    [InlineData("<<", "\"<<\"")]
    [InlineData("=", "\"=\"")]
    [InlineData("@x", "\"@x\"")]
    [InlineData("`x", "\"`x\"")]
    [InlineData("!x", "\"!x\"")]
    [InlineData("&x", "\"&x\"")]
    [InlineData("*x", "\"*x\"")]
    [InlineData("%x", "\"%x\"")]
    [InlineData("|", "\"|\"")]
    [InlineData(">x", "\">x\"")]
    [InlineData("'x'", "\"'x'\"")]
    [InlineData("[x]", "\"[x]\"")]
    [InlineData("{x}", "\"{x}\"")]
    [InlineData("?x", "\"?x\"")]
    [InlineData(",x", "\",x\"")]
    [InlineData("say \"hi\"\n", "\"say \\\"hi\\\"\\n\"")]
    [InlineData("a\\b\tc", "\"a\\\\b\\tc\"")]
    [InlineData("bell\u0007", "\"bell\\u0007\"")]
    [InlineData("nel\u0085ls\u2028", "\"nel\\u0085ls\\u2028\"")]
    [InlineData("bom\uFEFF", "\"bom\\ufeff\"")]
    [InlineData("cr\r", "\"cr\\u000d\"")]
    public void Strings_that_would_read_differently_are_double_quoted(string text, string expected)
    {
        Assert.Equal("v: " + expected + "\n", YamlEmitter.Emit(Map(("v", Q(text)))));
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("hello world")]
    [InlineData("a:b")]
    [InlineData("a*b")]
    [InlineData("a#b")]
    [InlineData("https://host:80/x?y=1#z")]
    [InlineData("/data/a.yaml")]
    [InlineData("snake_case")]
    [InlineData("x-1")]
    [InlineData("it's")]
    [InlineData("a, b")]
    [InlineData("日本語")]
    [InlineData("emoji 😀")]
    [InlineData("café")]
    [InlineData("LlamaForCausalLM")]
    public void Ordinary_strings_are_written_plain(string text)
    {
        Assert.Equal("v: " + text + "\n", YamlEmitter.Emit(Map(("v", Q(text)))));
    }

    [Theory]
    [InlineData("true", "\"true\": 1\n")]
    [InlineData("null", "\"null\": 1\n")]
    [InlineData("", "\"\": 1\n")]
    [InlineData("a: b", "\"a: b\": 1\n")]
    [InlineData("<<", "\"<<\": 1\n")]
    [InlineData("hidden_size", "hidden_size: 1\n")]
    public void Keys_are_quoted_by_the_same_rule(string key, string expected)
    {
        Assert.Equal(expected, YamlEmitter.Emit(Map((key, P("1")))));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("-1")]
    [InlineData("1e-05")]
    [InlineData("-.inf")]
    [InlineData(".nan")]
    [InlineData("true")]
    [InlineData("off")]
    [InlineData("12345678901234567890123456789")]
    public void Plain_scalars_are_written_as_they_are(string text)
    {
        Assert.Equal("v: " + text + "\n", YamlEmitter.Emit(Map(("v", P(text)))));
    }

    [Theory]
    [InlineData("a: b")]
    [InlineData("- x")]
    [InlineData("#x")]
    [InlineData("")]
    [InlineData("<<")]
    [InlineData("=")]
    public void Plain_text_that_cannot_be_written_plain_falls_back_to_a_string(string text)
    {
        Assert.StartsWith("v: \"", YamlEmitter.Emit(Map(("v", P(text)))), StringComparison.Ordinal);
    }

    [Fact]
    public void A_parsed_file_round_trips()
    {
        const string text = """
            model:
              base_model:
                hidden_size: 1024
                eps: 1e-5
                name: "007"
                flag: off
              list:
              - {a: 1, b: [x, "y z", ""]}
              - [1, [2, []], {}]
            run:
              experiment: "true"
              note: |
                two
                lines
              empty:
            """;
        var first = YamlDocumentReader.Parse(text, "in.yaml").Root!;

        var emitted = YamlEmitter.Emit(first);
        var second = YamlDocumentReader.Parse(emitted, "out.yaml");

        Assert.True(second.Success, emitted + string.Join("\n", second.Diagnostics));
        TreeEquivalence.AssertYamlEquivalent(first, second.Root!);
    }
}
