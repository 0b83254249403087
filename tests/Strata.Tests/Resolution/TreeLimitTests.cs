using Strata.Sources;
using Strata.Tests.Model;
using Strata.Tree;

namespace Strata.Tests.Resolution;

/// <summary>A tree built by code and handed to the resolver is held to the depth limit of files before anything walks it.</summary>
public sealed class TreeLimitTests
{
    private static ConfigMap Nested(int depth)
    {
        ConfigNode node = ConfigScalar.Plain("1", Origin.FromProvider("leaf"));
        for (var level = depth; level >= 1; level--)
        {
            node = new ConfigMap([new ConfigMapEntry(level == 1 ? "tags" : "k", Origin.FromProvider("key " + level), node)], Origin.FromProvider("map " + level));
        }

        return (ConfigMap)node;
    }

    [Fact]
    public void A_tree_deeper_than_the_limit_is_a_nesting_error_at_its_deepest_mapping_and_is_not_merged()
    {
        var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddTree(Nested(50_000))
            .TryResolve(out _, out var diagnostics);

        Assert.False(ok);
        Assert.Equal("provider map 50000: error STR0005: the tree nests deeper than the limit of 128 levels", Assert.Single(diagnostics).ToString());
    }

    [Fact]
    public void A_tree_at_the_limit_is_merged()
    {
        var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment, Limits = new SourceLimits { MaxDepth = 3 } })
            .AddTree(Nested(3))
            .TryResolve(out _, out var diagnostics);

        // tags.k.k = 1: merged, then refused by the binder (a string value where a dictionary of strings has a mapping).
        Assert.False(ok);
        Assert.DoesNotContain(diagnostics, static d => d.Code == DiagnosticCodes.NestingLimit);
        Assert.NotEmpty(diagnostics);
    }
}
