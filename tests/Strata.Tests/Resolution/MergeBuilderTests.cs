using FsCheck;
using FsCheck.Fluent;
using Strata.Resolution;
using Strata.Sources;
using Strata.Tests.Model;
using Strata.Tree;

namespace Strata.Tests.Resolution;

/// <summary>
/// The merge builder changes maps in place (its own arrays of entries, builders of the maps and lists an override went
/// through, an index once a map is wide); it must give what the immutable merge gives, override after override.
/// </summary>
public sealed class MergeBuilderTests
{
    // Enough keys for maps wider than the builder's linear search, few enough for paths to meet.
    private static readonly string[] s_keys = [.. Enumerable.Range(0, 24).Select(static i => "k" + i.ToString(System.Globalization.CultureInfo.InvariantCulture))];

    private static Gen<Origin> Place => from line in Gen.Choose(1, 999) from column in Gen.Choose(1, 99) select Origin.InFile("f.yaml", line, column);

    private static Gen<ConfigNode> Scalar => from text in Gen.Elements("1", "x", "true") from origin in Place select (ConfigNode)ConfigScalar.Plain(text, origin);

    private static Gen<ConfigNode> Node(int depth) =>
        depth == 0
            ? Scalar
            : Gen.Frequency(
                (3, Scalar),
                (3, Map(depth - 1, wide: false).Select(static m => (ConfigNode)m)),
                (1, from items in Gen.ListOf(Node(depth - 1)) from origin in Place select (ConfigNode)new ConfigSequence(items.Take(3), origin)));

    /// <summary>A map: the root may be wide (up to 24 keys), the maps under it have up to 4.</summary>
    private static Gen<ConfigMap> Map(int depth, bool wide = true) =>
        from all in Gen.SubListOf(s_keys)
        let keys = wide ? all : [.. all.Take(4)]
        from values in Gen.ArrayOf(Node(depth), keys.Count)
        from origins in Gen.ArrayOf(Place, keys.Count)
        from origin in Place
        select new ConfigMap(keys.Select((k, i) => new ConfigMapEntry(k, origins[i], values[i])), origin);

    private static Gen<ConfigOverride> Override(int number) =>
        from length in Gen.Choose(1, 4)
        from steps in Gen.ArrayOf(Gen.Frequency((5, Gen.Elements(s_keys).Select(OverridePathSegment.ForKey)), (1, Gen.Choose(0, 3).Select(OverridePathSegment.ForIndex))), length)
        from value in Node(1)
        let origin = Origin.FromCommandLine(number, 3)
        select new ConfigOverride([OverridePathSegment.ForKey("k0"), .. steps], value, "override", origin);

    [Fact]
    public void Deep_updates_on_a_builder_give_the_immutable_deep_updates() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(Map(2).ToArbitrary(), Gen.ListOf(Map(2)).ToArbitrary(), static (lower, uppers) =>
            {
                var diagnostics = new DiagnosticBag();
                var builder = new MergeBuilder(lower);
                ConfigNode expected = lower;
                foreach (var upper in uppers.Take(4))
                {
                    builder = builder.DeepUpdate(upper, RunConfig.TypeInfo, diagnostics);
                    expected = TreeMerger.DeepUpdate(expected, upper, RunConfig.TypeInfo, new DiagnosticBag(), string.Empty);
                }

                return Show(builder.ToMap()) == Show(expected);
            }));

    [Fact]
    public void Overrides_set_on_one_builder_give_each_override_applied_to_the_tree_before_it() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(
                Map(2).ToArbitrary(),
                Gen.ListOf(Gen.Choose(1, 40).SelectMany(Override)).ToArbitrary(),
                static (root, changes) =>
                {
                    var together = new DiagnosticBag();
                    var builder = new MergeBuilder(root);
                    var alone = new DiagnosticBag();
                    var expected = root;
                    foreach (var change in changes.Take(12))
                    {
                        builder.Set(change, together);
                        expected = TreeMerger.ApplyOverride(expected, change, alone);
                    }

                    return Show(builder.ToMap()) + Show(together) == Show(expected) + Show(alone);
                }));

    [Fact]
    public void Overrides_and_deep_updates_mixed_on_one_builder_give_them_applied_one_by_one() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(
                Map(2).ToArbitrary(),
                Gen.ListOf(Gen.OneOf(Override(1).Select(static c => (object)c), Map(2).Select(static m => (object)m))).ToArbitrary(),
                static (root, steps) =>
                {
                    var diagnostics = new DiagnosticBag();
                    var builder = new MergeBuilder(root);
                    var expected = root;
                    foreach (var step in steps.Take(8))
                    {
                        if (step is ConfigOverride change)
                        {
                            builder.Set(change, diagnostics);
                            expected = TreeMerger.ApplyOverride(expected, change, new DiagnosticBag());
                        }
                        else
                        {
                            builder = builder.DeepUpdate((ConfigMap)step, RunConfig.TypeInfo, diagnostics);
                            expected = (ConfigMap)TreeMerger.DeepUpdate(expected, (ConfigMap)step, RunConfig.TypeInfo, new DiagnosticBag(), string.Empty);
                        }
                    }

                    return Show(builder.ToMap()) == Show(expected);
                }));

    private static string Show(DiagnosticBag diagnostics) =>
        string.Join("\n", diagnostics.Items.Select(static d => d.Severity + " " + d.Code + " " + d.Path + " " + d.Origin + " " + d.Message));

    private static string Show(ConfigNode node) => node switch
    {
        ConfigScalar s => (s.Value ?? "<null>") + "@" + History(s.Origin),
        ConfigSequence q => "[" + string.Join(",", q.Items.Select(Show)) + "]@" + History(q.Origin),
        ConfigMap m => "{" + string.Join(",", m.Entries.Select(e => e.Key + "@" + History(e.KeyOrigin) + ":" + Show(e.Value))) + "}@" + History(m.Origin),
        _ => node.GetType().Name,
    };

    private static string History(Origin origin) => string.Join(">", origin.History.Select(static o => o + ":" + o.Column));
}
