using FsCheck;
using FsCheck.Fluent;
using Strata.Resolution;
using Strata.Tree;

namespace Strata.Tests.Resolution;

/// <summary>Laws of the merge (R2), on the one builder that merges every layer: later layers win, deep merge of maps is associative, lists replace.</summary>
public sealed class MergeLawTests
{
    // The kind of a value is fixed by its key (as a schema fixes it), so that layers agree on shapes: "m" keys hold
    // maps, "s" keys scalars, "l" keys lists. Deep merge is associative on such trees.
    private static readonly string[] s_keys = ["m1", "m2", "s1", "s2", "l1"];

    private static Gen<ConfigNode> Scalar =>
        Gen.Elements("1", "x", "true", "2.5").Select(static v => (ConfigNode)ConfigScalar.Plain(v, Origin.Code));

    private static Gen<ConfigNode> ValueFor(string key, int depth) => key[0] switch
    {
        'm' => depth == 0 ? Gen.Constant((ConfigNode)ConfigMap.Empty(Origin.Code)) : Map(depth - 1).Select(static m => (ConfigNode)m),
        's' => Scalar,
        _ => Gen.ListOf(Scalar).Select(static items => (ConfigNode)new ConfigSequence(items.Take(3), Origin.Code)),
    };

    private static Gen<ConfigMap> Map(int depth) =>
        Gen.SubListOf(s_keys).SelectMany(keys =>
            keys.Aggregate(
                Gen.Constant(new List<ConfigMapEntry>()),
                (acc, key) => acc.SelectMany(list => ValueFor(key, depth).Select(v => new List<ConfigMapEntry>(list) { new(key, Origin.Code, v) }))))
            .Select(static entries => new ConfigMap(entries, Origin.Code));

    private static ConfigMap Merge(ConfigMap lower, ConfigMap upper)
    {
        var builder = new MergeBuilder(null, new DiagnosticBag());
        builder.Merge(lower);
        builder.Merge(upper);
        return builder.ToMap();
    }

    private static string Show(ConfigNode node) => global::Strata.Serialization.FlowText.Format(node);

    [Fact]
    public void Deep_merge_is_associative() =>
        Prop.ForAll(Map(2).ToArbitrary(), Map(2).ToArbitrary(), Map(2).ToArbitrary(), (a, b, c) =>
                Show(Merge(Merge(a, b), c)) == Show(Merge(a, Merge(b, c))))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Every_leaf_of_the_later_layer_wins() =>
        Prop.ForAll(Map(2).ToArbitrary(), Map(2).ToArbitrary(), (lower, upper) => LeavesWin(Merge(lower, upper), upper))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Merging_with_an_empty_layer_changes_nothing() =>
        Prop.ForAll(Map(2).ToArbitrary(), a =>
                Show(Merge(a, ConfigMap.Empty(Origin.Code))) == Show(a) && Show(Merge(ConfigMap.Empty(Origin.Code), a)) == Show(a))
            .QuickCheckThrowOnFailure();

    [Fact]
    public void Lists_replace_rather_than_concatenate()
    {
        var lower = new ConfigMap([new ConfigMapEntry("l", Origin.Code, new ConfigSequence([ConfigScalar.Plain("1", Origin.Code), ConfigScalar.Plain("2", Origin.Code)], Origin.Code))], Origin.Code);
        var upper = new ConfigMap([new ConfigMapEntry("l", Origin.Code, new ConfigSequence([ConfigScalar.Plain("3", Origin.Code)], Origin.Code))], Origin.Code);
        Assert.Equal("{l: [3]}", Show(Merge(lower, upper)));
    }

    private static bool LeavesWin(ConfigNode merged, ConfigNode upper)
    {
        if (upper is ConfigMap upperMap && merged is ConfigMap mergedMap)
        {
            return upperMap.Entries.All(e => mergedMap.TryGetValue(e.Key, out var m) && LeavesWin(m, e.Value));
        }

        return upper is ConfigMap ? merged is ConfigMap : Show(merged) == Show(upper);
    }
}
