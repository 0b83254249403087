using Strata.Sources;
using Strata.Tree;
using static Strata.Tests.Sources.TreeAssert;

namespace Strata.Tests.Sources;

public sealed class JsonDocumentReaderTests
{
    private static SourceDocument Parse(string text, SourceLimits? limits = null) => JsonDocumentReader.Parse(text, "config.json", limits: limits);

    private static ConfigMap ParseValid(string text)
    {
        var document = Parse(text);
        Assert.True(document.Success, string.Join("\n", document.Diagnostics));
        Assert.Empty(document.Diagnostics);
        return Assert.IsType<ConfigMap>(document.Root);
    }

    [Fact]
    public void Tokens_carry_their_line_and_column()
    {
        var root = ParseValid("""
            {
              "model": {"hidden_size": 1024},
              "list": [1.5, "x"]
            }
            """);

        Position(root.Origin, 1, 1);
        Position(Entry(root, "model").KeyOrigin, 2, 3);
        Position(At(root, "model").Origin, 2, 12);
        Position(Entry(At(root, "model"), "hidden_size").KeyOrigin, 2, 13);
        Position(At(root, "model", "hidden_size").Origin, 2, 28);
        Position(At(root, "list").Origin, 3, 11);
        Position(At(root, "list", 1).Origin, 3, 17);
        Assert.Equal("config.json", root.Origin.Source);
    }

    [Fact]
    public void Columns_count_characters_not_bytes()
    {
        var root = ParseValid("{\"é日😀\": \"ü\", \"k\": 1}");

        Position(Entry(root, "k").KeyOrigin, 1, 15);
        Position(At(root, "k").Origin, 1, 20);
    }

    [Fact]
    public void Positions_on_one_long_line_are_exact()
    {
        var items = string.Join(",", Enumerable.Range(0, 2000).Select(i => "\"é" + i + "\""));

        var root = ParseValid("{\"a\": [" + items + "], \"b\": 2}");

        var expected = "{\"a\": [".Length + items.Length + "], ".Length + 1;
        Position(Entry(root, "b").KeyOrigin, 1, expected);
    }

    [Fact]
    public void Strings_are_quoted_and_numbers_keep_their_exact_text()
    {
        var root = ParseValid("""
            {"s": "1", "lr": 1e-05, "theta": 500000.0, "neg": -0, "big": 1267650600228229401496703205376,
             "t": true, "f": false, "n": null, "esc": "a\"b\\c\u00e9\n"}
            """);

        Quoted(At(root, "s"), "1");
        Plain(At(root, "lr"), "1e-05");
        Plain(At(root, "theta"), "500000.0");
        Plain(At(root, "neg"), "-0");
        Plain(At(root, "big"), "1267650600228229401496703205376");
        Plain(At(root, "t"), "true");
        Plain(At(root, "f"), "false");
        Null(At(root, "n"));
        Quoted(At(root, "esc"), "a\"b\\cé\n");
    }

    [Fact]
    public void Comments_and_trailing_commas_are_accepted()
    {
        var root = ParseValid("""
            {
              // a comment
              "a": [1, 2,], /* another */
              "b": {"c": 1,},
            }
            """);

        Assert.Equal(2, ((ConfigSequence)At(root, "a")).Items.Count);
        Plain(At(root, "b", "c"), "1");
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence_with_its_path()
    {
        var document = Parse("{\"a\": {\"b\": [{\"c\": 1, \"c\": 2}]}}");

        var error = SingleError(document, DiagnosticCodes.DuplicateKey);
        Assert.Equal("a.b[0].c", error.Path);
        Position(error.Origin!, 1, 23);
    }

    [Fact]
    public void Nesting_past_the_limit_is_reported_at_the_opening_token()
    {
        var limits = new SourceLimits { MaxDepth = 3 };

        Assert.True(Parse("{\"a\": [{\"b\": 1}]}", limits).Success);
        var error = SingleError(Parse("{\"a\": [{\"b\": [1]}]}", limits), DiagnosticCodes.NestingLimit);
        Position(error.Origin!, 1, 14);
    }

    [Fact]
    public void Deep_nesting_at_the_default_limit_is_reported_not_thrown()
    {
        var text = "{\"a\": " + new string('[', 10_000) + new string(']', 10_000) + "}";

        SingleError(Parse(text), DiagnosticCodes.NestingLimit);
    }

    [Theory]
    [InlineData("{\"a\": }", 1, 7)]
    [InlineData("{\"a\": 1,\n \"b\": x}", 2, 7)]
    [InlineData("{\"a\": 1} {}", 1, 10)]
    [InlineData("{\"a\": \"x", 1, 9)]
    [InlineData("", 1, 1)]
    [InlineData("{'a': 1}", 1, 2)]
    public void Malformed_json_is_a_syntax_error_with_a_place(string text, int line, int column)
    {
        var document = Parse(text);

        var error = SingleError(document, DiagnosticCodes.Syntax);
        Assert.Null(document.Root);
        Assert.StartsWith("invalid JSON: ", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("LineNumber", error.Message, StringComparison.Ordinal);
        Position(error.Origin!, line, column);
    }

    [Theory]
    [InlineData("[1, 2]", "a list")]
    [InlineData("1", "'1'")]
    [InlineData("\"s\"", "the string \"s\"")]
    [InlineData("null", "null")]
    public void Root_that_is_not_an_object_is_reported(string text, string described)
    {
        var document = Parse(text);

        var error = SingleError(document, DiagnosticCodes.RootNotMap);
        Assert.Contains(described, error.Message, StringComparison.Ordinal);
        Position(error.Origin!, 1, 1);
    }

    [Fact]
    public void A_byte_order_mark_in_text_is_ignored()
    {
        Assert.True(Parse("\uFEFF{\"a\": 1}").Success);
    }

    [Fact]
    public void Keys_and_strings_longer_than_the_limits_are_reported()
    {
        var document = Parse("{\"toolong\": 1, \"a\": \"toolong\"}", new SourceLimits { MaxKeyLength = 5, MaxScalarLength = 5 });

        Assert.Equal([(DiagnosticCodes.TooLong, 1, 2), (DiagnosticCodes.TooLong, 1, 21)], document.Diagnostics.Select(d => (d.Code, d.Origin!.Line, d.Origin.Column)));
    }

    [Fact]
    public void Merge_keys_mean_nothing_in_json()
    {
        var root = ParseValid("{\"<<\": {\"a\": 1}}");

        Assert.Equal("<<", Assert.Single(root.Entries).Key);
    }
}
