using System.Diagnostics;
using System.Text;
using Strata.Sources;
using Strata.Tree;
using static Strata.Tests.Sources.TreeAssert;

namespace Strata.Tests.Sources;

public sealed class YamlDocumentReaderTests
{
    private static SourceDocument Parse(string text, SourceLimits? limits = null) => YamlDocumentReader.Parse(text, "train.yaml", limits: limits);

    private static ConfigMap ParseValid(string text)
    {
        var document = Parse(text);
        Assert.True(document.Success, string.Join("\n", document.Diagnostics));
        Assert.Empty(document.Diagnostics);
        return Assert.IsType<ConfigMap>(document.Root);
    }

    [Fact]
    public void Nodes_and_keys_carry_their_line_and_column()
    {
        var root = ParseValid("""
            model:
              hidden_size: 1024
              layers: [1, 2]
            data:
              - path: a
            """);

        Position(root.Origin, 1, 1);
        Position(Entry(root, "model").KeyOrigin, 1, 1);
        Position(At(root, "model").Origin, 2, 3);
        Position(Entry(At(root, "model"), "hidden_size").KeyOrigin, 2, 3);
        Position(At(root, "model", "hidden_size").Origin, 2, 16);
        Position(At(root, "model", "layers").Origin, 3, 11);
        Position(At(root, "model", "layers", 1).Origin, 3, 15);
        Position(At(root, "data").Origin, 5, 3);
        Position(At(root, "data", 0).Origin, 5, 5);
        Position(At(root, "data", 0, "path").Origin, 5, 11);
        Assert.Equal(OriginKind.File, root.Origin.Kind);
        Assert.Equal("train.yaml", At(root, "data", 0, "path").Origin.Source);
    }

    [Fact]
    public void Checkpoint_documents_have_checkpoint_origins()
    {
        var document = YamlDocumentReader.Parse("a: 1\n", "ckpt/metadata.yaml", checkpoint: true);

        var origin = At(document.Root!, "a").Origin;
        Assert.Equal(OriginKind.Checkpoint, origin.Kind);
        Assert.Equal("ckpt/metadata.yaml", origin.Source);
        Position(origin, 1, 4);
    }

    [Fact]
    public void Scalars_keep_their_text_and_only_quoting_makes_a_string()
    {
        var root = ParseValid("""
            lr: 1e-5
            flag: off
            width: 4.0
            big: 1267650600228229401496703205376
            double: "4"
            single: '007'
            block: |
              text
            folded: >-
              folded
            tagged: !!str 5
            long_tag: !<tag:yaml.org,2002:str> yes
            int_tag: !!int "5"
            words: hello world
            """);

        Plain(At(root, "lr"), "1e-5");
        Plain(At(root, "flag"), "off");
        Plain(At(root, "width"), "4.0");
        Plain(At(root, "big"), "1267650600228229401496703205376");
        Quoted(At(root, "double"), "4");
        Quoted(At(root, "single"), "007");
        Quoted(At(root, "block"), "text\n");
        Quoted(At(root, "folded"), "folded");
        Quoted(At(root, "tagged"), "5");
        Quoted(At(root, "long_tag"), "yes");
        Plain(At(root, "int_tag"), "5");
        Plain(At(root, "words"), "hello world");
    }

    [Fact]
    public void Null_words_and_empty_plain_scalars_are_nulls_but_quoted_ones_are_strings()
    {
        var root = ParseValid("""
            a: null
            b: Null
            c: NULL
            d: ~
            e:
            f: !!null whatever
            g: "null"
            h: ''
            i: nULL
            list: [~, null, ]
            """);

        foreach (var key in new[] { "a", "b", "c", "d", "e", "f" })
        {
            Null(At(root, key));
        }

        Quoted(At(root, "g"), "null");
        Quoted(At(root, "h"), string.Empty);
        Plain(At(root, "i"), "nULL");
        Assert.All(((ConfigSequence)At(root, "list")).Items, Null);
    }

    [Theory]
    [InlineData("")]
    [InlineData("\n\n")]
    [InlineData("# only a comment\n# and another\n")]
    [InlineData("---\n")]
    [InlineData("--- # empty\n...\n")]
    public void Empty_document_is_a_valid_empty_map(string text)
    {
        var root = ParseValid(text);

        Assert.Equal(0, root.Count);
        Assert.Equal("train.yaml", root.Origin.Source);
    }

    [Theory]
    [InlineData("- a\n- b\n", "a list")]
    [InlineData("just text\n", "'just text'")]
    [InlineData("42", "'42'")]
    [InlineData("\"quoted\"", "the string \"quoted\"")]
    public void Root_that_is_not_a_mapping_is_reported(string text, string described)
    {
        var document = Parse(text);

        var error = SingleError(document, DiagnosticCodes.RootNotMap);
        Assert.Null(document.Root);
        Position(error.Origin!, 1, 1);
        Assert.Contains(described, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Duplicate_key_is_reported_at_the_second_occurrence_with_its_path()
    {
        var document = Parse("""
            model:
              base_model:
                hidden_size: 1
                hidden_size: 2
            """);

        var error = SingleError(document, DiagnosticCodes.DuplicateKey);
        Assert.Equal("model.base_model.hidden_size", error.Path);
        Position(error.Origin!, 4, 5);
        Assert.Contains("train.yaml:3:5", error.Message, StringComparison.Ordinal);
        Assert.Equal("train.yaml:4:5: error STR0002: model.base_model.hidden_size: duplicate key 'hidden_size', first set at train.yaml:3:5", error.ToString());
    }

    [Fact]
    public void Every_duplicate_key_is_reported_and_list_items_appear_in_paths()
    {
        var document = Parse("""
            a: 1
            a: 2
            datasets:
            - path: x
            - path: y
              path: z
            """);

        Assert.Equal(
            [("a", 2, 1), ("datasets[1].path", 6, 3)],
            document.Diagnostics.Select(d => (d.Path, d.Origin!.Line, d.Origin.Column)));
        Assert.All(document.Diagnostics, d => Assert.Equal(DiagnosticCodes.DuplicateKey, d.Code));
    }

    [Theory]
    [InlineData("? [a, b]\n: 1\n", "a list")]
    [InlineData("? {a: 1}\n: 1\n", "a mapping")]
    [InlineData("~: 1\n", "null")]
    [InlineData("null: 1\n", "null")]
    [InlineData(": 1\n", "null")]
    public void Keys_that_are_not_strings_are_invalid(string text, string described)
    {
        var document = Parse(text);

        var error = SingleError(document, DiagnosticCodes.InvalidKey);
        Assert.Equal(1, error.Origin!.Line);
        Assert.Contains(described, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Keys_are_strings_whatever_they_look_like()
    {
        var root = ParseValid("1: a\ntrue: b\n\"null\": c\n!!str ~: d\n");

        Assert.Equal(["1", "true", "null", "~"], root.Entries.Select(e => e.Key));
    }

    [Theory]
    [InlineData("a: !!python/object:os.system x\n", "!!python/object:os.system")]
    [InlineData("a: !!python/object/apply:os.system ['ls']\n", "!!python/object/apply:os.system")]
    [InlineData("a: !foo 1\n", "!foo")]
    [InlineData("a: !<tag:example.com,2000:app/x> 1\n", "!<tag:example.com,2000:app/x>")]
    [InlineData("a: !!binary aGk=\n", "!!binary")]
    [InlineData("a: !!set {x: null}\n", "!!set")]
    public void Unsupported_tags_are_reported_with_their_place(string text, string tag)
    {
        var document = Parse(text);

        var error = SingleError(document, DiagnosticCodes.UnsupportedTag);
        Position(error.Origin!, 1, 4);
        Assert.Equal("a", error.Path);
        Assert.Contains("'" + tag + "'", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: !!map x\n")]
    [InlineData("a: !!str {b: 1}\n")]
    [InlineData("a: !!seq {b: 1}\n")]
    public void Standard_tags_on_the_wrong_shape_are_reported(string text)
    {
        var error = SingleError(Parse(text), DiagnosticCodes.UnsupportedTag);

        Assert.Contains("cannot be used on", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Standard_tags_are_accepted()
    {
        var root = ParseValid("""
            s: !!str 1
            i: !!int 2
            f: !!float 3.5
            b: !!bool true
            n: !!null ""
            m: !!map {x: 1}
            q: !!seq [1]
            long: !<tag:yaml.org,2002:int> 7
            ns: ! 8
            """);

        Quoted(At(root, "s"), "1");
        Plain(At(root, "i"), "2");
        Plain(At(root, "f"), "3.5");
        Plain(At(root, "b"), "true");
        Null(At(root, "n"));
        Plain(At(root, "m", "x"), "1");
        Plain(At(root, "q", 0), "1");
        Plain(At(root, "long"), "7");
        Quoted(At(root, "ns"), "8");
    }

    [Fact]
    public void Aliases_are_expanded_into_copies_that_keep_the_anchor_origins()
    {
        var root = ParseValid("""
            base: &base
              hidden_size: 1024
              heads: 16
            copy: *base
            value: &v 3
            again: *v
            """);

        var copy = At(root, "copy");
        Assert.Equal(["hidden_size", "heads"], ((ConfigMap)copy).Entries.Select(e => e.Key));
        Position(At(root, "copy", "hidden_size").Origin, 2, 16);
        Position(Entry(root, "copy").KeyOrigin, 4, 1);
        Plain(At(root, "again"), "3");
        Position(At(root, "again").Origin, 5, 8);
    }

    [Fact]
    public void Merge_keys_merge_entries_and_explicit_keys_win()
    {
        var root = ParseValid("""
            defaults: &defaults
              lr: 0.1
              steps: 10
            run:
              steps: 20
              <<: *defaults
              name: x
            """);

        var run = (ConfigMap)At(root, "run");
        Assert.Equal(["steps", "lr", "name"], run.Entries.Select(e => e.Key));
        Plain(At(run, "steps"), "20");
        Plain(At(run, "lr"), "0.1");
        Position(At(run, "lr").Origin, 2, 7);
    }

    [Fact]
    public void Merge_key_takes_a_list_of_mappings_and_earlier_ones_win()
    {
        var root = ParseValid("""
            a: &a {x: 1, y: 1}
            b: &b {y: 2, z: 2}
            c:
              <<: [*a, *b]
              "<<": quoted keys are ordinary keys
            """);

        var c = (ConfigMap)At(root, "c");
        Assert.Equal(["x", "y", "z", "<<"], c.Entries.Select(e => e.Key));
        Plain(At(c, "y"), "1");
        Plain(At(c, "z"), "2");
    }

    [Fact]
    public void Merge_key_with_a_scalar_is_reported()
    {
        var error = SingleError(Parse("a:\n  <<: 3\n"), DiagnosticCodes.Syntax);

        Assert.Contains("merge key", error.Message, StringComparison.Ordinal);
        Position(error.Origin!, 2, 7);
    }

    [Fact]
    public void Billion_laughs_stops_quickly_with_an_alias_limit_error()
    {
        var text = new StringBuilder("a: &a [\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\",\"lol\"]\n");
        for (var level = 'b'; level <= 'z'; level++)
        {
            var previous = (char)(level - 1);
            text.Append(level).Append(": &").Append(level).Append(" [")
                .Append(string.Join(",", Enumerable.Repeat("*" + previous, 9))).Append("]\n");
        }

        var watch = Stopwatch.StartNew();
        var document = Parse(text.ToString());
        watch.Stop();

        var error = SingleError(document, DiagnosticCodes.AliasLimit);
        Assert.Null(document.Root);
        Assert.Equal(6, error.Origin!.Line);

        // A guard against an exponential expansion, not a benchmark: the bounded version takes microseconds.
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), "took " + watch.Elapsed);
    }

    [Fact]
    public void Aliases_within_the_limit_are_fine_and_past_it_are_an_error()
    {
        const string text = "a: &a [1, 2, 3]\nb: [*a, *a]\n";

        Assert.True(Parse(text, new SourceLimits { MaxAliasNodes = 8 }).Success);
        var error = SingleError(Parse(text, new SourceLimits { MaxAliasNodes = 7 }), DiagnosticCodes.AliasLimit);
        Position(error.Origin!, 2, 9);
    }

    [Fact]
    public void Unknown_alias_is_a_syntax_error_at_the_alias()
    {
        var error = SingleError(Parse("a: 1\nb: *nope\n"), DiagnosticCodes.Syntax);

        Position(error.Origin!, 2, 4);
        Assert.Contains("*nope", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Deep_flow_nesting_stops_at_the_depth_limit()
    {
        var text = "a: " + new string('[', 100_000) + new string(']', 100_000) + "\n";

        var document = Parse(text);

        var error = SingleError(document, DiagnosticCodes.NestingLimit);
        Position(error.Origin!, 1, 4 + SourceLimits.Default.MaxDepth - 1);
    }

    [Fact]
    public void Deep_block_nesting_past_a_small_limit_is_reported()
    {
        var limits = new SourceLimits { MaxDepth = 3 };

        Assert.True(Parse("a:\n  b:\n    c: 1\n", limits).Success);
        var error = SingleError(Parse("a:\n  b:\n    c:\n      d: 1\n", limits), DiagnosticCodes.NestingLimit);
        Position(error.Origin!, 4, 7);
    }

    [Fact]
    public void Aliases_count_towards_the_depth_limit()
    {
        var limits = new SourceLimits { MaxDepth = 3 };

        var error = SingleError(Parse("a: &a {b: {c: 1}}\nx:\n  y: *a\n", limits), DiagnosticCodes.NestingLimit);

        Position(error.Origin!, 3, 6);
    }

    [Fact]
    public void Keys_and_scalars_longer_than_the_limits_are_reported_with_their_path()
    {
        var limits = new SourceLimits { MaxKeyLength = 5, MaxScalarLength = 6 };

        var document = Parse("short: sixsix\nmodel:\n  toolong: 1\n  name: sevenxx\n", limits);

        Assert.Equal(
            [(DiagnosticCodes.TooLong, "model", 3, 3), (DiagnosticCodes.TooLong, "model.name", 4, 9)],
            document.Diagnostics.Select(d => (d.Code, d.Path, d.Origin!.Line, d.Origin.Column)));
    }

    [Fact]
    public void Documents_with_more_nodes_than_the_limit_are_refused()
    {
        var error = SingleError(Parse("a: [1, 2, 3, 4, 5]\n", new SourceLimits { MaxNodes = 5 }), DiagnosticCodes.FileTooLarge);

        Assert.Contains("5 nodes", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a: [1,\n", 2, 1)]
    [InlineData("a: b: c\n", 1, 5)]
    [InlineData("a: @x\n", 1, 4)]
    [InlineData("a: \"unterminated\n", 1, 4)]
    [InlineData("a: 1\n b: 2\n", 2, 3)]
    [InlineData("a: {x: 1\n", 2, 1)]
    [InlineData("a: 1\n- b\n", 2, 1)]
    public void Malformed_yaml_is_a_syntax_error_with_a_place(string text, int line, int column)
    {
        var document = Parse(text);

        var error = SingleError(document, DiagnosticCodes.Syntax);
        Assert.Null(document.Root);
        Assert.Equal(string.Empty, error.Path);
        Assert.StartsWith("invalid YAML: ", error.Message, StringComparison.Ordinal);
        Assert.False(error.Message.EndsWith('.'));
        Position(error.Origin!, line, column);
    }

    [Theory]
    [InlineData("a:\n\tb: 1\n", 2, 1)]
    [InlineData("a:\n  b: 1\n\tc: 2\n", 3, 1)]
    [InlineData("a:\n  b:\n  \t- 1\n", 3, 3)]
    public void Tabs_used_as_indentation_are_a_syntax_error_at_the_tab(string text, int line, int column)
    {
        var error = SingleError(Parse(text), DiagnosticCodes.Syntax);

        Position(error.Origin!, line, column);
        Assert.Contains("tab", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tabs_inside_lines_and_flow_collections_are_fine()
    {
        var root = ParseValid("a:\tb\nc: [1,\t2]\n");

        Plain(At(root, "a"), "b");
        Plain(At(root, "c", 1), "2");
    }

    [Fact]
    public void A_second_document_is_an_error()
    {
        var error = SingleError(Parse("a: 1\n---\nb: 2\n"), DiagnosticCodes.Syntax);

        Position(error.Origin!, 2, 1);
        Assert.Contains("one document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Crlf_line_endings_and_a_byte_order_mark_are_fine()
    {
        var root = ParseValid("\uFEFFa: 1\r\nb:\r\n  c: 2\r\n");

        Assert.Equal(["a", "b"], root.Entries.Select(e => e.Key));
        Position(At(root, "b", "c").Origin, 3, 6);
    }

    [Fact]
    public void Directives_and_document_markers_are_accepted()
    {
        var root = ParseValid("%YAML 1.1\n---\na: 1\n...\n");

        Plain(At(root, "a"), "1");
    }

    [Theory]
    [InlineData("\0")]
    [InlineData("a: \"\\uD800\"")]
    [InlineData("{{{{")]
    [InlineData("]]]")]
    [InlineData("&a")]
    [InlineData("*")]
    [InlineData("!")]
    [InlineData("%TAG ! x\n")]
    [InlineData("? ? ?")]
    [InlineData("a: |\n  x\n b")]
    [InlineData("a: >9\n")]
    [InlineData("a: 'x'y\n")]
    [InlineData("&a &b c: 1")]
    [InlineData("a: \"\\q\"")]
    [InlineData("\uFFFF: 1")]
    public void Malformed_input_never_throws(string text)
    {
        var document = Parse(text);

        Assert.NotNull(document);
        Assert.All(document.Diagnostics, d => Assert.NotNull(d.Origin));
    }
}
