using FsCheck;
using FsCheck.Fluent;
using Strata.Resolution;
using Strata.Sources;
using Strata.Tests.Model;
using Strata.Tree;

namespace Strata.Tests.Resolution;

/// <summary>
/// The merge builder changes maps in place (its own arrays of entries, builders of the maps and lists a layer went
/// into, an index once a map is wide); it must give what merging each layer into the tree before it gives, layer after
/// layer, and leave its inputs as they were.
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

    /// <summary>Overrides of every operation (set, append, add, upsert, remove), with indexes from the start and from the end.</summary>
    private static Gen<ConfigOverride> Override(int number) =>
        from length in Gen.Choose(1, 4)
        from steps in Gen.ArrayOf(Gen.Frequency((5, Gen.Elements(s_keys).Select(OverridePathSegment.ForKey)), (1, Gen.Choose(-3, 3).Select(OverridePathSegment.ForIndex))), length)
        from value in Node(1)
        from operation in Gen.Frequency(
            (4, Gen.Constant(OverrideOperation.Set)),
            (1, Gen.Constant(OverrideOperation.Append)),
            (1, Gen.Constant(OverrideOperation.Add)),
            (1, Gen.Constant(OverrideOperation.Upsert)),
            (1, Gen.Constant(OverrideOperation.Remove)))
        let origin = Origin.FromCommandLine(number, 3)
        select new ConfigOverride([OverridePathSegment.ForKey("k0"), .. steps], value, "override", origin, operation);

    [Fact]
    public void Layers_merged_on_one_builder_give_each_layer_merged_into_the_tree_before_it() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(Map(2).ToArbitrary(), Gen.ListOf(Map(2)).ToArbitrary(), static (lower, uppers) =>
            {
                var builder = Start(lower, new DiagnosticBag());
                var expected = lower;
                foreach (var upper in uppers.Take(4))
                {
                    builder.Merge(upper);
                    var alone = Start(expected, new DiagnosticBag());
                    alone.Merge(upper);
                    expected = alone.ToMap();
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
                    var builder = Start(root, together);
                    var alone = new DiagnosticBag();
                    var expected = root;
                    foreach (var change in changes.Take(12))
                    {
                        builder.Set(change);
                        var one = Start(expected, alone);
                        one.Set(change);
                        expected = one.ToMap();
                    }

                    return Show(builder.ToMap()) + Show(together) == Show(expected) + Show(alone);
                }));

    [Fact]
    public void Overrides_and_layers_mixed_on_one_builder_give_them_applied_one_by_one() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(
                Map(2).ToArbitrary(),
                Gen.ListOf(Gen.OneOf(Override(1).Select(static c => (object)c), Map(2).Select(static m => (object)m))).ToArbitrary(),
                static (root, steps) =>
                {
                    var builder = Start(root, new DiagnosticBag());
                    var expected = root;
                    foreach (var step in steps.Take(8))
                    {
                        var one = Start(expected, new DiagnosticBag());
                        Apply(builder, step);
                        Apply(one, step);
                        expected = one.ToMap();
                    }

                    return Show(builder.ToMap()) == Show(expected);
                }));

    [Fact]
    public void Merging_leaves_the_layers_and_overrides_it_took_in_as_they_were() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(300),
            Prop.ForAll(
                Map(2).ToArbitrary(),
                Gen.ListOf(Gen.OneOf(Override(1).Select(static c => (object)c), Map(2).Select(static m => (object)m))).ToArbitrary(),
                static (root, steps) =>
                {
                    var inputs = Show(root) + string.Concat(steps.Select(static s => s is ConfigMap m ? Show(m) : Show(((ConfigOverride)s).Value)));
                    var builder = Start(root, new DiagnosticBag());
                    foreach (var step in steps.Take(8))
                    {
                        Apply(builder, step);
                    }

                    builder.ToMap();
                    return inputs == Show(root) + string.Concat(steps.Select(static s => s is ConfigMap m ? Show(m) : Show(((ConfigOverride)s).Value)));
                }));

    [Fact]
    public void A_tree_merged_beneath_a_place_fills_what_the_layers_left_unset_and_their_values_win_with_it_in_their_history()
    {
        var diagnostics = new DiagnosticBag();
        var builder = new MergeBuilder(RunConfig.TypeInfo, diagnostics);
        builder.Merge(Parse("name: run\nlayers:\n  num_layers: 3\n", "user.yaml"));
        builder.MergeBeneath([OverridePathSegment.ForKey("layers")], Parse("num_layers: 24\nwidth: 512\nheads: 16\n", "checkpoint.yaml"));

        var layers = (ConfigMap)builder.ToMap().Entries[1].Value;
        Assert.Equal("{num_layers: 3, heads: 16, hidden_size: 512}", global::Strata.Serialization.FlowText.Format(layers));
        Assert.Equal(["checkpoint.yaml:1:13", "user.yaml:3:15"], History(layers.Entries[0].Value.Origin).Split('>').Select(static o => o[..o.LastIndexOf(':')]));
        var renamed = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.RenamedKey, "layers.width"), (renamed.Code, renamed.Path));
    }

    [Fact]
    public void A_tree_merged_beneath_a_place_where_the_layers_set_nothing_is_placed_there_whole()
    {
        var builder = new MergeBuilder(RunConfig.TypeInfo, new DiagnosticBag());
        builder.Merge(Parse("name: run\n", "user.yaml"));
        builder.MergeBeneath([OverridePathSegment.ForKey("datasets"), OverridePathSegment.ForKey("train")], Parse("type: file\npath: x\n", "checkpoint.yaml"));

        Assert.Equal("{name: run, datasets: {train: {type: file, path: x}}}", global::Strata.Serialization.FlowText.Format(builder.ToMap()));
    }

    [Fact]
    public void Layers_that_change_the_type_of_a_tree_merged_beneath_them_drop_its_keys_and_say_so()
    {
        var diagnostics = new DiagnosticBag();
        var builder = new MergeBuilder(RunConfig.TypeInfo, diagnostics);
        builder.Merge(Parse("datasets:\n  train:\n    type: random\n", "user.yaml"));
        builder.MergeBeneath([OverridePathSegment.ForKey("datasets"), OverridePathSegment.ForKey("train")], Parse("type: file\npath: x\n", "checkpoint.yaml"));

        Assert.Equal("{datasets: {train: {type: random}}}", global::Strata.Serialization.FlowText.Format(builder.ToMap()));
        var changed = Assert.Single(diagnostics.Items);
        Assert.Equal((DiagnosticCodes.TypeChanged, "datasets.train", "user.yaml:3:11"), (changed.Code, changed.Path, changed.Origin?.ToString()));
        Assert.EndsWith("keys of the lower layer dropped: path", changed.Message, StringComparison.Ordinal);
    }

    private static MergeBuilder Start(ConfigMap root, DiagnosticBag diagnostics)
    {
        var builder = new MergeBuilder(RunConfig.TypeInfo, diagnostics);
        builder.Merge(root);
        return builder;
    }

    private static void Apply(MergeBuilder builder, object step)
    {
        if (step is ConfigOverride change)
        {
            builder.Set(change);
        }
        else
        {
            builder.Merge((ConfigMap)step);
        }
    }

    private static ConfigMap Parse(string yaml, string name) => (ConfigMap)YamlDocumentReader.Parse(yaml, name).Root!;

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
