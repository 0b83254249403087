using Strata.Tests.Model;

namespace Strata.Tests.Provenance;

/// <summary>A config a hook made joins the graph with the values the hook set on it implicit (DESIGN §7.2).</summary>
public sealed class HookMadeConfigTests
{
    [Fact]
    public void A_child_of_a_hook_made_config_stays_implicit_when_the_hook_reads_it_after_linking_its_parent()
    {
        var resolved = new ConfigResolver<MadeHolderConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() })
            .AddYaml("{}\n", "made.yaml")
            .Resolve();

        var inner = resolved.Config.Made.Inner;
        Assert.Equal(3, inner.Level);
        Assert.Equal(3, resolved.Config.Seen);
        Assert.False(inner.IsExplicit(nameof(MadeInnerConfig.Level)));
        Assert.Equal(OriginKind.Derived, inner.GetOrigin(nameof(MadeInnerConfig.Level)).Kind);
    }
}
