using Strata.Serialization;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Tests.Serialization;

public sealed class JsonEmitterTests
{
    private static readonly Origin s_code = Origin.Code;

    private static ConfigScalar P(string text) => ConfigScalar.Plain(text, s_code);

    private static ConfigScalar Q(string text) => ConfigScalar.Quoted(text, s_code);

    private static ConfigMap Map(params (string Key, ConfigNode Value)[] entries) =>
        new(entries.Select(e => new ConfigMapEntry(e.Key, s_code, e.Value)), s_code);

    private static ConfigSequence List(params ConfigNode[] items) => new(items, s_code);

    [Fact]
    public void Indented_output_uses_two_spaces_and_newlines()
    {
        var tree = Map(("a", P("1")), ("b", List(Q("x"), ConfigScalar.Null(s_code))), ("c", Map()), ("d", List()));

        var json = JsonEmitter.Emit(tree);

        Assert.Equal(
            """
            {
              "a": 1,
              "b": [
                "x",
                null
              ],
              "c": {},
              "d": []
            }

            """.ReplaceLineEndings("\n"),
            json);
    }

    [Fact]
    public void A_list_of_numbers_is_indented_as_System_Text_Json_indents_it_one_number_a_line()
    {
        // Issue 13: numbers used to stay on the bracket's line ("split": [969.0,30.0,1.0⏎    ],).
        var tree = Map(("split", List(P("969.0"), P("30.0"), P("1.0"))), ("path", List(Q("prefix"))));

        var json = JsonEmitter.Emit(tree);

        var expected = System.Text.Json.Nodes.JsonNode.Parse("{\"split\": [969.0, 30.0, 1.0], \"path\": [\"prefix\"]}")!
            .ToJsonString(new System.Text.Json.JsonSerializerOptions { WriteIndented = true, NewLine = "\n" }) + "\n";
        Assert.Equal(expected, json);
    }

    [Fact]
    public void Compact_output_has_no_whitespace()
    {
        var tree = Map(("a", List(P("1"), Q("two words"))), ("b", Map(("c", P("true")))));

        Assert.Equal("{\"a\":[1,\"two words\"],\"b\":{\"c\":true}}", JsonEmitter.Emit(tree, indented: false));
    }

    [Theory]
    [InlineData("1", "1")]
    [InlineData("-0", "-0")]
    [InlineData("1e-05", "1e-05")]
    [InlineData("500000.0", "500000.0")]
    [InlineData("1E+10", "1E+10")]
    [InlineData("12345678901234567890123456789", "12345678901234567890123456789")]
    [InlineData("true", "true")]
    [InlineData("false", "false")]
    [InlineData(".inf", "\"inf\"")]
    [InlineData("+.inf", "\"inf\"")]
    [InlineData("-.inf", "\"-inf\"")]
    [InlineData(".NaN", "\"nan\"")]
    [InlineData("True", "\"True\"")]
    [InlineData("off", "\"off\"")]
    [InlineData("1_000", "\"1_000\"")]
    [InlineData("0x1F", "\"0x1F\"")]
    [InlineData("01", "\"01\"")]
    [InlineData("1.", "\"1.\"")]
    [InlineData(".5", "\".5\"")]
    [InlineData("+1", "\"+1\"")]
    [InlineData("hello", "\"hello\"")]
    public void Plain_scalars_are_typed_by_their_text(string text, string expected)
    {
        Assert.Equal("{\"v\":" + expected + "}", JsonEmitter.Emit(Map(("v", P(text))), indented: false));
    }

    [Theory]
    [InlineData("1")]
    [InlineData("true")]
    [InlineData("null")]
    public void Quoted_scalars_are_always_strings(string text)
    {
        Assert.Equal("{\"v\":\"" + text + "\"}", JsonEmitter.Emit(Map(("v", Q(text))), indented: false));
    }

    [Fact]
    public void Non_ascii_text_is_written_readably_and_controls_are_escaped()
    {
        var json = JsonEmitter.Emit(Map(("clé", Q("été 😀\n\"\u0001"))), indented: false);

        // The relaxed encoder still escapes characters outside the basic plane.
        Assert.Equal("{\"clé\":\"été \\uD83D\\uDE00\\n\\\"\\u0001\"}", json);
        Assert.Equal("été 😀\n\"\u0001", ((ConfigScalar)((ConfigMap)JsonDocumentReader.Parse(json, "x.json").Root!).Entries[0].Value).Value);
    }

    [Fact]
    public void A_parsed_json_file_round_trips_exactly()
    {
        const string text = """{"a": [1e-05, 500000.0, -0, true, null, "x"], "b": {"c": {}, "d": []}, "e": ""}""";
        var first = JsonDocumentReader.Parse(text, "in.json").Root!;

        var second = JsonDocumentReader.Parse(JsonEmitter.Emit(first), "out.json");

        Assert.True(second.Success);
        TreeEquivalence.AssertIdentical(first, second.Root!);
    }
}
