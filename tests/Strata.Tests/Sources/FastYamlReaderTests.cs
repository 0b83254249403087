using System.Globalization;
using System.Text;
using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using Strata.Provenance;
using Strata.Sources;
using Strata.Sources.Yaml;
using Strata.Tree;
using Xunit.Sdk;

namespace Strata.Tests.Sources;

/// <summary>
/// The fast YAML reader must be invisible: whenever it reads a document, the tree is the one YamlDotNet's path builds
/// (shape, keys, values, styles and every origin), and whenever it is unsure it gives up.
/// </summary>
public sealed class FastYamlReaderTests
{
    private const string Source = "fast.yaml";

    /// <summary>Documents inside the subset: the fast path must read each, exactly as YamlDotNet does.</summary>
    public static TheoryData<string> SubsetSnippets => new(
        "",
        "# only a comment\n\n   # another\n",
        "a: 1",
        "a: 1\n",
        "a: 1\r\nb:\r\n  c: 2\r\n",
        "---\na: 1\n",
        "--- # a comment\na: 1\n",
        "# leading comment\n---\na: 1\n",
        "url: http://x:8080/a",
        "a: b#c",
        "a: b #c",
        "a: b   #   c   ",
        "a: b   ",
        "a:    b",
        "a : b",
        "a b: c d",
        "a:b: c",
        "-x: 1",
        "-1: a",
        "a: -1",
        "a: -.inf",
        "a: b]c",
        "a: b[0]",
        "a: b, c",
        "a: b}",
        "a: 'it''s'",
        "a: ''",
        "a: \"\"",
        "a: '#not a comment'",
        "a: \"x\" # comment",
        "a: \"\\u00e9\\x41\\U0001F600\\n\\t\\\\\\\"\\/\\0\\a\\b\\e\\f\\r\\v\\N\\_\\L\\P\\ \"",
        "\"quoted key\": 1\n'single key': 2\n\"k\\\"ey\": 3\n'it''s': 4",
        "\"a\" : 1",
        "a:\nb:\nc: ~\nd: null\ne: Null\nf: NULL\ng: nil\nh: NuLL",
        "a:",
        "a:   # comment only\nb: 1",
        "a: []",
        "a: {}",
        "a: [ ]",
        "a: [1, [2, 3], {b: c}]",
        "a: [1,2 , 3]",
        "a: {b: 1, c: [x, 'y', \"z\"], d: {}}",
        "a: [~, null, '', \"\"]",
        "a: [-1, -x]",
        "a: [a b, c]",
        "a: [1, 2] # trailing comment",
        "a:\n  b:\n    c: 1\n  d: 2\ne: 3\n",
        "a:\n    b: 1\n    c: 2\nd: 3",
        "a:\n- 1\n- 2\nb: 3",
        "a:\n  - 1\n  - 2\nb: 3",
        "a:\n- x: 1\n  y: 2\n- x: 3\nb: 4",
        "a:\n  - name: n\n    values:\n      - 1\n      - 2\n  - name: m\n    values: [3]\n",
        "a:\n  - - 1\n    - 2\n  - - 3",
        "a:\n  - -   1\n    -   2",
        "a:\n  -   k: 1\n      j: 2",
        "a:\n  -\n  - x\n  -\n",
        "a:\n  - # comment\n  - x",
        "a:\n  -\n    k: v\n  -\n    - 1",
        "a:\n  - k:\n    - 1\n    - 2\n    j: 3",
        "a:\n  - k:\n      j: 1",
        "  a: 1\n  b: 2",
        "a: 1\n\n\n# comment\n   # indented comment\nb: 2\n",
        "a:\n  b: 1\n# comment at column 1\n  c: 2",
        "a: é\nb: 日本\nc: 😀x\n日: 1",
        "a: b\u00A0",
        "a: \u00A0b",
        "a: ...",
        "a: x!",
        "a: x&y*z",
        "a: x|y>z",
        "a: 'x' ",
        "a: 1.0e-05\nb: true\nc: 0x1F\nd: 2001-12-14\ne: 12:30",
        "a: \"\\x7F\"",
        "a: b\nc: 'd'\ne: \"f\"\ng: [h]\ni: {j: k}\n",
        "a: b   c",
        "a:  [1, 2]  ",
        "a: 1 # c\n# c2\n      # c3\nb: 2",
        "a:\n  -   x\n  -   \n  - y",
        "a:\r\n  - 1   \r\n  - {b: c} # x\r\n",
        "a: 2*3\nb: [2*3, x*]\nc*: d",
        "a: -1\nb: [-1, -x, -.5]",
        "'<<': 1\nb: 2",
        "a: {\"<<\": {x: 1}, y: 2}",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\nk11: 11",
        "a: {k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k10: 10}",
        "a: null\nb: [~, 'x', abcd]\n'long key': {c: \"12345\"}");

    /// <summary>Documents the fast path must give up on; the YamlDotNet path reads them (or reports their errors).</summary>
    public static TheoryData<string> GiveUpSnippets => new(
        "a:\tb",
        "a: b\t",
        "\ta: 1",
        "a: &x 1\nb: *x",
        "a: !!str 1",
        "a: !foo 1",
        "a: |\n  text\n",
        "a: >\n  text\n",
        "? a\n: b",
        "%YAML 1.2\n---\na: 1",
        "a: 1\n---\nb: 2",
        "---",
        "---\n",
        "--- a: 1",
        "a: 1\n...\n",
        "a: b\n  c",
        "a: 'b\n  c'",
        "a: \"b\n  c\"",
        "a: \"b\\\n  c\"",
        "a: [1,\n  2]",
        "a: {b: 1,\n  c: 2}",
        "[a]: 1",
        "{a: 1}: 2",
        "key:value",
        "a: 1\nkey:value",
        "a: 1\rb: 2",
        "a: b\u0085c",
        "a: b\u2028c",
        "a: b\uFEFFc",
        "a: \u0001",
        "a: [1, 2,]",
        "a: [1, , 2]",
        "a: {b}",
        "a: {b: }",
        "a: {b:1}",
        "a: [b: 1]",
        "a: [x:y]",
        "a: [x#y]",
        "a: [1, 2]x",
        "a: [1, 2]#x",
        "a: 'x'#c",
        "a: 'x' y",
        "a: ?x",
        "a: :x",
        "a: - 1",
        "- 1\n- 2",
        "scalar",
        "{a: 1}",
        "[1, 2]",
        "a: 1\na: 2",
        "null: 1",
        "<<: 1",
        "<<: {x: 1}\ny: 2",
        "a: {<<: {x: 1}, y: 2}",
        "a:\n  <<: [{x: 1}, {z: 2}]\n  y: 2",
        "a: 1\nb: 2\na: 3",
        "a: {b: 1, b: 2}",
        "a:\n  - {x: 1, y: 2, x: 3}",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\nk3: 11",
        "k1: 1\nk2: 2\nk3: 3\nk4: 4\nk5: 5\nk6: 6\nk7: 7\nk8: 8\nk9: 9\nk10: 10\nk10: 11",
        "a: {k1: 1, k2: 2, k3: 3, k4: 4, k5: 5, k6: 6, k7: 7, k8: 8, k9: 9, k1: 10}",
        "'a': 1\na: 2",
        "a: {~: 1}",
        "a: {null: 1}",
        "a: \"\\q\"",
        "a: \"\\uD800\"",
        "a: \"\\U00110000\"",
        "a: \"\\x4\"",
        "a:\n  b",
        "a:\n  [1, 2]",
        "a:\n  'x'",
        new string('k', 1100) + ": 1",
        "a: 1\n - b",
        "a:\n    b: 1\n  c: 2",
        "a:\n  - 1\n b: 2",
        "a: b: c",
        "a: 1\n  b: 2",
        "a: ---",
        "a: --x",
        "a *b: 1",
        "a: -",
        "a: [-]",
        "a: b *c",
        "a: [b *c]",
        "k: a *b: c",
        "k: [a *b: c]",
        "k: {a *b: c}",
        "a: !x",
        "a: \"x\"y",
        "a #b: c",
        "\"a\":1",
        "a: {\"b\":1}",
        "a: [1, 2",
        "a: ]",
        "a: 'x''",
        "a: " + new string('[', 110) + new string(']', 110));

    [Theory]
    [MemberData(nameof(SubsetSnippets))]
    public void A_document_inside_the_subset_is_read_by_the_fast_path_exactly_as_by_YamlDotNet(string text)
    {
        var fast = AssertSameAsYamlDotNet(text);

        Assert.True(fast, "the fast path gave up on:\n" + text);
    }

    [Theory]
    [MemberData(nameof(GiveUpSnippets))]
    public void A_document_outside_the_subset_makes_the_fast_path_give_up_and_reads_as_before(string text)
    {
        var fast = AssertSameAsYamlDotNet(text);

        Assert.False(fast, "the fast path read:\n" + text);
    }

    [Fact]
    public void Every_yaml_file_of_the_repository_reads_the_same_through_both_paths()
    {
        var root = RepositoryRoot();
        var files = Directory.EnumerateFiles(root, "*.*", SearchOption.AllDirectories)
            .Where(f => f.EndsWith(".yaml", StringComparison.OrdinalIgnoreCase) || f.EndsWith(".yml", StringComparison.OrdinalIgnoreCase))
            .Where(f => !IsBuildOutput(Path.GetRelativePath(root, f)))
            .ToList();
        var read = new List<string>();

        foreach (var file in files)
        {
            var text = Encoding.UTF8.GetString(File.ReadAllBytes(file).AsSpan().TrimStart((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]));
            if (AssertSameAsYamlDotNet(text, Path.GetRelativePath(root, file)))
            {
                read.Add(Path.GetRelativePath(root, file).Replace('\\', '/'));
            }
        }

        Assert.True(files.Count >= 20, "only " + files.Count + " YAML files found under " + root);

        // The everyday files are inside the subset: the fast path is the one that runs on them.
        Assert.Contains("examples/from-scratch.yaml", read);
        Assert.Contains("examples/finetune-hf.yaml", read);
        Assert.Contains("examples/distillation.yaml", read);
        Assert.Contains("examples/from-fast-llm.yaml", read);
    }

    [Fact]
    public void A_byte_order_mark_is_ignored_by_both_paths()
    {
        var text = "\uFEFFa: 1\nb: [x]\n";

        var fast = YamlDocumentReader.Parse(text, Source);
        var slow = YamlDocumentReader.ParseWithYamlDotNet(text, Source);

        AssertSameDocument(slow, fast, text);
        Assert.True(FastYamlTreeBuilder.TryRead(text[1..], SourceInfo.OfFile(Source, checkpoint: false), SourceLimits.Default, out _));
    }

    [Fact]
    public void Limits_reported_by_the_assembler_make_the_fast_path_give_up_with_the_same_diagnostics()
    {
        var limits = new SourceLimits { MaxDepth = 2, MaxScalarLength = 3, MaxKeyLength = 2 };
        foreach (var text in new[] { "a:\n  b:\n    c: 1", "a: 1234", "abc: 1", "a: [[1]]" })
        {
            var fast = YamlDocumentReader.Parse(text, Source, limits: limits);
            var slow = YamlDocumentReader.ParseWithYamlDotNet(text, Source, limits: limits);

            Assert.NotEmpty(slow.Diagnostics);
            Assert.False(FastYamlTreeBuilder.TryRead(text, SourceInfo.OfFile(Source, checkpoint: false), limits, out _), text);
            AssertSameDocument(slow, fast, text);
        }
    }

    /// <summary>
    /// Each limit the assembler enforces, set exactly at what a document needs and one below: at it, the fast path
    /// reads the document as YamlDotNet does; one below, YamlDotNet reports and the fast path gives up.
    /// </summary>
    [Theory]
    [MemberData(nameof(SubsetSnippets))]
    public void Each_limit_is_read_by_the_fast_path_exactly_at_it_and_given_up_one_over(string text)
    {
        var reference = YamlDocumentReader.ParseWithYamlDotNet(text, Source);
        Assert.Empty(reference.Diagnostics);
        if (FastYamlTreeBuilder.TryRead(text, SourceInfo.OfFile(Source, checkpoint: false), SourceLimits.Default, out var read) && read is null)
        {
            // An empty document: nothing to limit.
            return;
        }

        var (nodes, depth, key, value) = Measure(reference.Root!);
        var cases = new List<(string Name, SourceLimits At, SourceLimits? Over)>
        {
            ("nodes", new SourceLimits { MaxNodes = nodes }, new SourceLimits { MaxNodes = nodes - 1 }),
            ("depth", new SourceLimits { MaxDepth = depth }, new SourceLimits { MaxDepth = depth - 1 }),
            ("key length", new SourceLimits { MaxKeyLength = key }, key > 0 ? new SourceLimits { MaxKeyLength = key - 1 } : null),
            ("value length", new SourceLimits { MaxScalarLength = value }, value > 0 ? new SourceLimits { MaxScalarLength = value - 1 } : null),
        };

        foreach (var (name, at, over) in cases)
        {
            var context = name + " limit, text:\n" + text;
            Assert.True(AssertSameAsYamlDotNet(text, context, at), "the fast path gave up at the " + context);
            if (over is not null)
            {
                Assert.False(AssertSameAsYamlDotNet(text, context, over), "the fast path read one over the " + context);
                Assert.NotEmpty(YamlDocumentReader.ParseWithYamlDotNet(text, Source, limits: over).Diagnostics);
            }
        }
    }

    [Fact]
    public void A_large_document_is_read_by_the_fast_path_at_its_node_limit_and_given_up_one_over()
    {
        var sb = new StringBuilder();
        for (var i = 0; i < 300; i++)
        {
            sb.Append('k').Append(i.ToString(CultureInfo.InvariantCulture)).Append(":\n  - [x, {y: ").Append(i.ToString(CultureInfo.InvariantCulture)).Append("}]\n  - z\n");
        }

        var text = sb.ToString();
        var (nodes, depth, _, _) = Measure(YamlDocumentReader.ParseWithYamlDotNet(text, Source).Root!);

        Assert.Equal(1 + (300 * 8), nodes);
        Assert.True(AssertSameAsYamlDotNet(text, "at the node limit", new SourceLimits { MaxNodes = nodes, MaxDepth = depth }));
        Assert.False(AssertSameAsYamlDotNet(text, "one node over", new SourceLimits { MaxNodes = nodes - 1 }));
        Assert.False(AssertSameAsYamlDotNet(text, "one level over", new SourceLimits { MaxDepth = depth - 1 }));
    }

    [Fact]
    public void A_duplicate_key_in_a_large_mapping_makes_the_fast_path_give_up()
    {
        var keys = Enumerable.Range(0, 40).Select(i => "k" + i.ToString(CultureInfo.InvariantCulture)).ToList();
        foreach (var duplicate in new[] { 0, 7, 8, 9, 39 })
        {
            var block = string.Concat(keys.Select(k => k + ": 1\n")) + keys[duplicate] + ": 2\n";
            var flow = "a: {" + string.Join(", ", keys.Select(k => k + ": 1")) + ", " + keys[duplicate] + ": 2}";
            foreach (var text in new[] { block, flow })
            {
                Assert.False(AssertSameAsYamlDotNet(text), text);
                Assert.Contains(YamlDocumentReader.ParseWithYamlDotNet(text, Source).Diagnostics, d => d.Code == DiagnosticCodes.DuplicateKey);
            }
        }

        Assert.True(AssertSameAsYamlDotNet(string.Concat(keys.Select(k => k + ": 1\n"))));
    }

    [Fact]
    public void Checkpoint_origins_are_kept_by_the_fast_path()
    {
        var text = "a:\n  - b: 1\n";

        var fast = YamlDocumentReader.Parse(text, Source, checkpoint: true);
        var slow = YamlDocumentReader.ParseWithYamlDotNet(text, Source, checkpoint: true);

        AssertSameDocument(slow, fast, text);
        Assert.Equal(OriginKind.Checkpoint, fast.Root!.Origin.Kind);
    }

    [Property(Arbitrary = [typeof(SubsetArbitraries)], MaxTest = 400)]
    public void Generated_documents_of_the_subset_are_read_by_the_fast_path_as_YamlDotNet_reads_them(SubsetDocument document)
    {
        var fast = AssertSameAsYamlDotNet(document.Text);

        Assert.True(fast, "the fast path gave up on:\n" + document.Text);
    }

    [Property(Arbitrary = [typeof(SubsetArbitraries)], MaxTest = 1500)]
    public void Mutated_documents_never_make_the_two_paths_disagree(MutatedDocument document) =>
        AssertSameAsYamlDotNet(document.Text);

    /// <summary>
    /// Compares the public parse (fast path first) with the YamlDotNet path, in full; when the fast reader reads the
    /// text, YamlDotNet must have read it without a diagnostic. Returns whether the fast reader read it.
    /// </summary>
    private static bool AssertSameAsYamlDotNet(string text, string? label = null, SourceLimits? limits = null)
    {
        limits ??= SourceLimits.Default;
        var slow = YamlDocumentReader.ParseWithYamlDotNet(text, Source, limits: limits);
        var both = YamlDocumentReader.Parse(text, Source, limits: limits);
        var fast = FastYamlTreeBuilder.TryRead(text, SourceInfo.OfFile(Source, checkpoint: false), limits, out var fastRoot);
        var context = (label ?? "text") + ":\n" + text;

        AssertSameDocument(slow, both, context);
        if (fast)
        {
            if (slow.Diagnostics.Count > 0)
            {
                throw new XunitException("the fast path read a document that YamlDotNet reports on: " + string.Join("; ", slow.Diagnostics) + "\n" + context);
            }

            var rootMap = fastRoot as ConfigMap ?? ConfigMap.Empty(Place(1, 1));
            AssertSameNode(slow.Root!, rootMap, "$", context);
        }

        return fast;
    }

    /// <summary>
    /// What the assembler counts in a tree: its nodes (keys included), its depth in collections, its longest key and
    /// its longest non-null value.
    /// </summary>
    private static (int Nodes, int Depth, int Key, int Value) Measure(ConfigNode node)
    {
        switch (node)
        {
            case ConfigMap map:
                var (nodes, depth, key, value) = (1, 0, 0, 0);
                foreach (var entry in map.Entries)
                {
                    var child = Measure(entry.Value);
                    (nodes, depth, key, value) = (nodes + 1 + child.Nodes, Math.Max(depth, child.Depth), Math.Max(key, Math.Max(entry.Key.Length, child.Key)), Math.Max(value, child.Value));
                }

                return (nodes, depth + 1, key, value);
            case ConfigSequence sequence:
                var (n, d, k, v) = (1, 0, 0, 0);
                foreach (var item in sequence.Items)
                {
                    var child = Measure(item);
                    (n, d, k, v) = (n + child.Nodes, Math.Max(d, child.Depth), Math.Max(k, child.Key), Math.Max(v, child.Value));
                }

                return (n, d + 1, k, v);
            default:
                return (1, 0, 0, ((ConfigScalar)node).Value?.Length ?? 0);
        }
    }

    private static void AssertSameDocument(SourceDocument expected, SourceDocument actual, string context)
    {
        Assert.Equal(expected.Diagnostics.Count, actual.Diagnostics.Count);
        for (var i = 0; i < expected.Diagnostics.Count; i++)
        {
            var (e, a) = (expected.Diagnostics[i], actual.Diagnostics[i]);
            Assert.Equal((e.Severity, e.Code, e.Path, e.Message, Describe(e.Origin)), (a.Severity, a.Code, a.Path, a.Message, Describe(a.Origin)));
        }

        if (expected.Root is null || actual.Root is null)
        {
            Assert.True(expected.Root is null && actual.Root is null, "one root is null:\n" + context);
            return;
        }

        AssertSameNode(expected.Root, actual.Root, "$", context);
    }

    private static void AssertSameNode(ConfigNode expected, ConfigNode actual, string path, string context)
    {
        Check(Describe(expected.Origin) == Describe(actual.Origin), path, "origin " + Describe(expected.Origin) + " vs " + Describe(actual.Origin), context);
        switch (expected)
        {
            case ConfigScalar e:
                var a = actual as ConfigScalar;
                Check(a is not null && a.Value == e.Value && a.Style == e.Style, path, "scalar " + e.Style + " " + Show(e.Value) + " vs " + (a is null ? actual.Kind.ToString() : a.Style + " " + Show(a.Value)), context);
                break;
            case ConfigMap e:
                var am = actual as ConfigMap;
                Check(am is not null && am.Count == e.Count, path, "mapping of " + e.Count + " vs " + actual.Describe(), context);
                for (var i = 0; i < e.Count; i++)
                {
                    var (x, y) = (e.Entries[i], am!.Entries[i]);
                    Check(x.Key == y.Key && Describe(x.KeyOrigin) == Describe(y.KeyOrigin), path, "key " + Show(x.Key) + "@" + Describe(x.KeyOrigin) + " vs " + Show(y.Key) + "@" + Describe(y.KeyOrigin), context);
                    AssertSameNode(x.Value, y.Value, path + "." + x.Key, context);
                }

                break;
            case ConfigSequence e:
                var s = actual as ConfigSequence;
                Check(s is not null && s.Items.Count == e.Items.Count, path, "list of " + e.Items.Count + " vs " + actual.Describe(), context);
                for (var i = 0; i < e.Items.Count; i++)
                {
                    AssertSameNode(e.Items[i], s!.Items[i], path + "[" + i.ToString(CultureInfo.InvariantCulture) + "]", context);
                }

                break;
        }
    }

    private static void Check(bool condition, string path, string what, string context)
    {
        if (!condition)
        {
            throw new XunitException("fast and YamlDotNet paths differ at " + path + ": " + what + "\n" + context);
        }
    }

    private static string Describe(Origin? origin) =>
        origin is null ? "-" : origin.Kind + ":" + origin.Source + ":" + origin.Line.ToString(CultureInfo.InvariantCulture) + ":" + origin.Column.ToString(CultureInfo.InvariantCulture);

    private static string Show(string? value) => value is null ? "null" : System.Text.Json.JsonSerializer.Serialize(value);

    private static Origin Place(int line, int column) => Origin.InFile(Source, line, column);

    private static bool IsBuildOutput(string relative)
    {
        var parts = relative.Split(Path.DirectorySeparatorChar, Path.AltDirectorySeparatorChar);
        return parts.Any(p => p is "bin" or "obj" or ".git" or "artifacts" or "TestResults" or "BenchmarkDotNet.Artifacts");
    }

    private static string RepositoryRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Strata.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new InvalidOperationException("Strata.slnx not found above " + AppContext.BaseDirectory);
    }
}

/// <summary>A document generated inside the fast reader's subset.</summary>
public sealed record SubsetDocument(string Text)
{
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(Text);
}

/// <summary>A subset document with a few characters inserted or deleted.</summary>
public sealed record MutatedDocument(string Text)
{
    public override string ToString() => System.Text.Json.JsonSerializer.Serialize(Text);
}

/// <summary>
/// Generates random trees (block and flow mappings and lists, scalars with characters that need quoting) and writes
/// them as YAML of the subset, with random indentation, comments, blank lines, trailing spaces and line ends.
/// </summary>
public static class SubsetArbitraries
{
    private static readonly string[] s_atoms =
    [
        "a", "b", "Z", "0", "1", "9", " ", "-", "?", ":", ",", "[", "]", "{", "}", "#", "&", "*", "!", "|", ">", "'", "\"", "%",
        "@", "`", "\\", ".", "_", "~", "é", "日", "😀", "\u00A0", "\t", "\n", "\u0001", "\u001b", "true", "null", "Null", "1e-05",
        "-1", "http://x:8080/a", "a: b", " #", "b#c", "<<", "---", "...", "- ",
    ];

    private const string MutationAlphabet = ": -#'\"[]{},\n \t&*!|>a1\r";

    public static Arbitrary<SubsetDocument> Documents() => Arb.From(DocumentGen.Select(d => new SubsetDocument(d)));

    public static Arbitrary<MutatedDocument> Mutated() => Arb.From(
        from text in DocumentGen
        from count in Gen.Choose(1, 3)
        from edits in Gen.ListOf(Gen.Zip(Gen.Choose(0, 1_000_000), Gen.Zip(Gen.Elements(true, false), Gen.Elements(MutationAlphabet.ToCharArray()))), count)
        select new MutatedDocument(Mutate(text, edits)));

    private static Gen<string> DocumentGen =>
        from root in Gen.Sized(size => Map(Math.Min(size, 24), flow: false))
        from width in Gen.Choose(1, 4)
        from seed in Gen.Choose(0, int.MaxValue)
        from crlf in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        from marker in Gen.Frequency((5, Gen.Constant(false)), (1, Gen.Constant(true)))
        select Emit(root, width, seed, crlf, marker);

    private static string Mutate(string text, IEnumerable<(int Position, (bool Insert, char Char) Edit)> edits)
    {
        var sb = new StringBuilder(text);
        foreach (var (position, (insert, c)) in edits)
        {
            if (insert)
            {
                sb.Insert(position % (sb.Length + 1), c);
            }
            else if (sb.Length > 0)
            {
                sb.Remove(position % sb.Length, 1);
            }
        }

        return sb.ToString();
    }

    private static Gen<string> Text => Gen.Choose(0, 5).SelectMany(n => Gen.ListOf(Gen.Elements(s_atoms), n)).Select(string.Concat);

    private static Gen<Node> Scalar => Gen.Zip(Text, Gen.Choose(0, 2)).Select(p => (Node)new YScalar(p.Item1, p.Item2));

    private static Gen<Node> Any(int size, bool flow) => size <= 1
        ? Scalar
        : Gen.Frequency(
            (3, Scalar),
            (1, Map(size / 2, flow)),
            (1, Sequence(size / 2, flow)));

    private static Gen<Node> Map(int size, bool flow) =>
        from isFlow in flow ? Gen.Constant(true) : Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from n in Gen.Choose(0, 5)
        from keys in Gen.ListOf(Scalar, n)
        from values in Gen.ListOf(Any(size, isFlow), n)
        select (Node)new YMap([.. keys.Cast<YScalar>().Zip(values).DistinctBy(e => e.First.Text)], isFlow);

    private static Gen<Node> Sequence(int size, bool flow) =>
        from isFlow in flow ? Gen.Constant(true) : Gen.Frequency((4, Gen.Constant(false)), (1, Gen.Constant(true)))
        from indentless in Gen.Elements(true, false)
        from n in Gen.Choose(0, 5)
        from items in Gen.ListOf(Any(size, isFlow), n)
        select (Node)new YSeq([.. items], isFlow, indentless);

    private static string Emit(Node root, int width, int seed, bool crlf, bool marker)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        if (marker)
        {
            lines.Add(random.Next(2) == 0 ? "---" : "--- # start");
        }

        var map = (YMap)root;
        if (map.Flow || map.Entries.Count == 0)
        {
            // The root is written as a block mapping (a flow root is outside the subset).
            map = map with { Flow = false };
        }

        BlockMap(map, 0, width, random, lines);
        if (map.Entries.Count == 0 && marker)
        {
            lines.Add("a: 1");
        }

        return string.Join(crlf ? "\r\n" : "\n", lines) + (random.Next(2) == 0 ? "\n" : string.Empty);
    }

    private static void BlockMap(YMap map, int indent, int width, Random random, List<string> lines)
    {
        var pad = new string(' ', indent);
        foreach (var (key, value) in map.Entries)
        {
            Decorate(random, lines, pad);
            var head = pad + KeyText(key, random) + ":";
            switch (value)
            {
                case YMap { Flow: false, Entries.Count: > 0 } child:
                    lines.Add(head + Comment(random));
                    BlockMap(child, indent + width, width, random, lines);
                    break;
                case YSeq { Flow: false, Items.Count: > 0 } child:
                    lines.Add(head + Comment(random));
                    BlockSequence(child, child.Indentless ? indent : indent + width, width, random, lines);
                    break;
                default:
                    lines.Add(head + " " + Inline(value, random) + Comment(random));
                    break;
            }
        }
    }

    private static void BlockSequence(YSeq sequence, int indent, int width, Random random, List<string> lines)
    {
        var pad = new string(' ', indent);
        foreach (var item in sequence.Items)
        {
            Decorate(random, lines, pad);
            if (item is YMap { Flow: false, Entries.Count: > 0 } or YSeq { Flow: false, Items.Count: > 0 })
            {
                // A compact item: the child written two columns in, its first line's indentation replaced by "- ".
                var first = lines.Count;
                if (item is YMap map)
                {
                    BlockMap(map, indent + 2, width, random, lines);
                }
                else
                {
                    BlockSequence((YSeq)item, indent + 2, width, random, lines);
                }

                var at = lines.FindIndex(first, l => l.Length > indent + 2 && l[indent + 2] != ' ' && l[indent + 2] != '#');
                lines[at] = pad + "- " + lines[at][(indent + 2)..];
            }
            else
            {
                lines.Add(pad + "- " + Inline(item, random) + Comment(random));
            }
        }
    }

    private static string Inline(Node node, Random random) => node switch
    {
        YScalar s => ScalarText(s, flow: false, random),
        YMap m => "{" + string.Join(", ", m.Entries.Select(e => KeyText(e.Key, random, flow: true) + ": " + FlowInline(e.Value, random))) + "}",
        YSeq q => "[" + string.Join(random.Next(2) == 0 ? ", " : ",", q.Items.Select(i => FlowInline(i, random))) + "]",
        _ => throw new InvalidOperationException(),
    };

    private static string FlowInline(Node node, Random random) => node is YScalar s ? ScalarText(s, flow: true, random) : Inline(node, random);

    private static string KeyText(YScalar key, Random random, bool flow = false) =>
        key.Text is "" or "~" or "null" or "Null" or "NULL" or "<<" ? Quote(key.Text, key.Style == 1 && CanSingleQuote(key.Text)) : ScalarText(key, flow, random);

    private static string ScalarText(YScalar scalar, bool flow, Random random)
    {
        if (scalar.Style == 0 && IsPlainSafe(scalar.Text, flow))
        {
            return scalar.Text;
        }

        return Quote(scalar.Text, scalar.Style == 1 && CanSingleQuote(scalar.Text), random.Next(4) == 0);
    }

    private static bool CanSingleQuote(string text) => text.All(c => c >= ' ' && c != '\u007F');

    private static string Quote(string text, bool single, bool escapeNonAscii = false)
    {
        if (single)
        {
            return "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
        }

        var sb = new StringBuilder("\"");
        foreach (var c in text)
        {
            sb.Append(c switch
            {
                '"' => "\\\"",
                '\\' => "\\\\",
                '\n' => "\\n",
                '\t' => "\\t",
                '\u001b' => "\\e",
                < ' ' => "\\x" + ((int)c).ToString("X2", CultureInfo.InvariantCulture),
                > '~' when escapeNonAscii && !char.IsSurrogate(c) => "\\u" + ((int)c).ToString("x4", CultureInfo.InvariantCulture),
                _ => c.ToString(),
            });
        }

        return sb.Append('"').ToString();
    }

    /// <summary>Whether the fast reader takes the text as a plain scalar (a subset of what YAML allows).</summary>
    private static bool IsPlainSafe(string text, bool flow)
    {
        if (text.Length == 0 || text[0] == ' ' || text[^1] == ' ' || text[^1] == ':' || text.StartsWith("...", StringComparison.Ordinal)
            || text.Any(c => c < ' ' || c == '\u007F'))
        {
            return false;
        }

        var first = text[0];
        if ("?:,[]{}#&*!|>'\"%@`".Contains(first, StringComparison.Ordinal)
            || (first == '-' && !(text.Length > 1 && (char.IsAsciiLetterOrDigit(text[1]) || text[1] == '.'))))
        {
            return false;
        }

        if (text.Contains(": ", StringComparison.Ordinal) || text.Contains(" #", StringComparison.Ordinal) || text.Contains(" *", StringComparison.Ordinal))
        {
            return false;
        }

        return !flow || text.IndexOfAny([',', '[', ']', '{', '}', ':', '#']) < 0;
    }

    private static string Comment(Random random) => random.Next(6) switch
    {
        0 => " # note: - [x]",
        1 => "   ",
        _ => string.Empty,
    };

    private static void Decorate(Random random, List<string> lines, string pad)
    {
        switch (random.Next(10))
        {
            case 0:
                lines.Add(string.Empty);
                break;
            case 1:
                lines.Add(pad + "# a comment: with - [indicators] 'and' \"quotes\"");
                break;
            case 2:
                lines.Add("#" + pad);
                break;
        }
    }

    private abstract record Node;

    private sealed record YScalar(string Text, int Style) : Node;

    private sealed record YMap(List<(YScalar Key, Node Value)> Entries, bool Flow) : Node;

    private sealed record YSeq(List<Node> Items, bool Flow, bool Indentless) : Node;
}
