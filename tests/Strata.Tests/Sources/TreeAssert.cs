using Strata.Tree;

namespace Strata.Tests.Sources;

/// <summary>Small accessors and assertions over source trees.</summary>
internal static class TreeAssert
{
    public static ConfigNode At(ConfigNode root, params object[] path)
    {
        var node = root;
        foreach (var step in path)
        {
            node = step switch
            {
                string key => ((ConfigMap)node).TryGetValue(key, out var value) ? value : throw new Xunit.Sdk.XunitException("no key '" + key + "'"),
                int index => ((ConfigSequence)node).Items[index],
                _ => throw new ArgumentException("bad step", nameof(path)),
            };
        }

        return node;
    }

    public static ConfigScalar Scalar(ConfigNode root, params object[] path) => Assert.IsType<ConfigScalar>(At(root, path));

    public static ConfigMapEntry Entry(ConfigNode map, string key) => ((ConfigMap)map).Entries.Single(e => e.Key == key);

    public static void Position(Origin origin, int line, int column)
    {
        Assert.Equal((line, column), (origin.Line, origin.Column));
    }

    public static void Plain(ConfigNode node, string text)
    {
        var scalar = Assert.IsType<ConfigScalar>(node);
        Assert.Equal((ScalarStyle.Plain, text), (scalar.Style, scalar.Value));
    }

    public static void Quoted(ConfigNode node, string text)
    {
        var scalar = Assert.IsType<ConfigScalar>(node);
        Assert.Equal((ScalarStyle.Quoted, text), (scalar.Style, scalar.Value));
    }

    public static void Null(ConfigNode node) => Assert.True(Assert.IsType<ConfigScalar>(node).IsNull);

    public static Diagnostic SingleError(Strata.Sources.SourceDocument document, string code)
    {
        var errors = document.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).ToList();
        Assert.False(document.Success);
        var error = Assert.Single(errors);
        Assert.Equal(code, error.Code);
        return error;
    }
}
