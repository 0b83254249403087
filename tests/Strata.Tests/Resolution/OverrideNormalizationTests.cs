using FsCheck;
using FsCheck.Fluent;
using Strata.Resolution;
using Strata.Sources;
using Strata.Tests.Model;
using Strata.Tree;

namespace Strata.Tests.Resolution;

/// <summary>
/// Renamed keys, removed keys and polymorphic type changes apply to an override as they apply to a file layer: an
/// override of a leaf sets what the same path written in a file sets, with the same diagnostics.
/// </summary>
public sealed class OverrideNormalizationTests
{
    private const string Base = "layers:\n  num_layers: 2\n  width: 3\nextra:\n  - num_layers: 1\n";

    // Keys of the test schema (renamed ones, removed ones, lists, dictionaries, polymorphic types) and some unknown ones.
    private static readonly string[] s_keys =
    [
        "layers", "teacher", "extra", "datasets", "data", "old_flag", "flag", "width", "hidden_size", "norm", "eps", "epsilon",
        "legacy_flag", "num_layers", "type", "weight", "path", "seed", "tags", "name", "file", "mix", "random", "x",
    ];

    // Leaves only: a mapping given to an override replaces the sub-tree, where a file's mapping merges into it.
    private static readonly Gen<string> s_value = Gen.Elements("1", "null", "file", "random", "[1]");

    private static readonly Gen<string> s_override =
        from length in Gen.Choose(1, 5)
        from keys in Gen.ArrayOf(Gen.Elements(s_keys), length)
        from value in s_value
        select string.Join(".", keys) + "=" + value;

    [Fact]
    public void An_override_of_a_leaf_sets_what_the_same_path_in_a_file_layer_sets() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(1000),
            Prop.ForAll(Gen.ListOf(s_override).ToArbitrary(), static arguments =>
            {
                var resolver = new ConfigResolver<RunConfig>().AddYaml(Base, "base.yaml").AddOverrides(arguments);
                var state = new ResolutionState(ResolveOptions.Default);
                var set = Show(resolver.MergeLayers(state)) + Show(state.Diagnostics);

                var diagnostics = new DiagnosticBag();
                var builder = new MergeBuilder(RunConfig.TypeInfo, diagnostics);
                builder.Merge((ConfigMap)YamlDocumentReader.Parse(Base, "base.yaml").Root!);
                for (var i = 0; i < arguments.Count; i++)
                {
                    Assert.True(OverrideParser.TryParse(arguments[i], i + 1, out var change, out _));
                    builder.Merge(Layer(change));
                }

                return set == Show(builder.ToMap()) + Show(diagnostics);
            }));

    [Theory]
    [InlineData("layers.num_layers", "layers.num_layers", null)]
    [InlineData("name", "name", null)]
    [InlineData("layers.width", "layers.hidden_size", DiagnosticCodes.RenamedKey)]
    [InlineData("layers.norm.eps", "layers.epsilon", DiagnosticCodes.RenamedKey)]
    [InlineData("layers.legacy_flag", null, DiagnosticCodes.RemovedKey)]
    [InlineData("data.old_flag", "flag", DiagnosticCodes.RenamedKey)]
    [InlineData("teacher.width", "teacher.hidden_size", DiagnosticCodes.RenamedKey)]
    [InlineData("extra[0].width", "extra[0].hidden_size", DiagnosticCodes.RenamedKey)]
    [InlineData("datasets.a.weight", "datasets.a.weight", null)]
    public void An_override_through_a_renamed_or_removed_key_moves_or_drops_with_a_warning(string path, string? placed, string? code)
    {
        var state = new ResolutionState(ResolveOptions.Default);
        var merged = new ConfigResolver<RunConfig>().AddYaml("extra:\n  - num_layers: 1\n", "base.yaml").AddOverride(path + "=7").MergeLayers(state);

        Assert.Equal(placed, Find(merged, string.Empty));
        Assert.Equal(code is null ? [] : [code], state.Diagnostics.Items.Select(static d => d.Code));
        Assert.All(state.Diagnostics.Items, d => Assert.Equal(path, d.Path));
    }

    [Theory]
    [InlineData("extra:\n  - width: 4\n", "extra[0].width")]
    [InlineData("datasets: {}\n", null)]
    [InlineData("teacher:\n  width: 4\n", "teacher.width")]
    [InlineData("teacher:\n  num_layers: 1\n", null)]
    [InlineData("tags:\n  a: b\n", null)]
    [InlineData("layers:\n  width: 4\n", "layers.width")]
    [InlineData("name: x\n", null)]
    public void Renamed_keys_move_in_configs_anywhere_in_a_layer_including_lists_of_configs(string yaml, string? warned)
    {
        var state = new ResolutionState(ResolveOptions.Default);
        new ConfigResolver<RunConfig>().AddYaml(yaml, "l.yaml").MergeLayers(state);

        Assert.Equal(warned is null ? [] : [warned], state.Diagnostics.Items.Select(static d => d.Path));
    }

    [Fact]
    public void A_mapping_given_to_an_override_replaces_the_sub_tree_also_where_a_key_in_it_is_renamed()
    {
        var r = Resolve.Yaml("layers:\n  num_layers: 2\n  heads: 4\n", "layers={width: 64}");

        Assert.Equal((12, 8, 64), (r.Config.Layers.NumLayers, r.Config.Layers.Heads, r.Config.Layers.HiddenSize));
        Assert.Contains(r.Diagnostics, static d => d.Code == DiagnosticCodes.RenamedKey && d.Path == "layers.width");
    }

    [Fact]
    public void An_override_that_changes_a_polymorphic_type_drops_the_lower_layers_keys_and_says_so()
    {
        var r = Resolve.Yaml("datasets:\n  train:\n    type: mix\n    weight: 2\n", "datasets.train.type=random");

        var random = Assert.IsType<RandomDatasetConfig>(r.Config.Datasets["train"]);
        Assert.Equal(1.0, random.Weight);
        var changed = Assert.Single(r.Diagnostics, static d => d.Code == DiagnosticCodes.TypeChanged);
        Assert.Equal(("datasets.train", "cli arg #1"), (changed.Path, changed.Origin?.ToString()));
        Assert.EndsWith("dropped: weight", changed.Message, StringComparison.Ordinal);
    }

    /// <summary>The tree an override of keys sets, as a file layer would write it.</summary>
    private static ConfigMap Layer(ConfigOverride change)
    {
        var node = change.Value;
        for (var i = change.Path.Count - 1; i >= 0; i--)
        {
            node = new ConfigMap([new ConfigMapEntry(change.Path[i].Key!, change.Origin, node)], change.Origin);
        }

        return (ConfigMap)node;
    }

    /// <summary>The path of the first scalar <c>7</c> in the tree, or <see langword="null"/>.</summary>
    private static string? Find(ConfigNode node, string path) => node switch
    {
        ConfigScalar { Value: "7" } => path,
        ConfigMap map => map.Entries.Select(e => Find(e.Value, path.Length == 0 ? e.Key : path + "." + e.Key)).FirstOrDefault(static p => p is not null),
        ConfigSequence list => list.Items.Select((item, i) => Find(item, path + "[" + i + "]")).FirstOrDefault(static p => p is not null),
        _ => null,
    };

    private static string Show(DiagnosticBag diagnostics) =>
        string.Join("\n", diagnostics.Items.Select(static d => d.Severity + " " + d.Code + " " + d.Path + " " + d.Origin + ":" + d.Origin?.Column + " " + d.Message));

    /// <summary>
    /// The values with their origins and the length of their histories. Where a key or a mapping was written is left
    /// out: an override keeps the place of the keys and mappings on its path that a file wrote, a file layer replaces it.
    /// </summary>
    private static string Show(ConfigNode? node) => node switch
    {
        null => "<none>",
        ConfigScalar s => (s.Value ?? "<null>") + "/" + s.Style + "@" + Show(s.Origin),
        ConfigSequence q => "[" + string.Join(",", q.Items.Select(Show)) + "]@" + Show(q.Origin),
        ConfigMap m => "{" + string.Join(",", m.Entries.Select(e => e.Key + ":" + Show(e.Value))) + "}",
        _ => node.GetType().Name,
    };

    private static string Show(Origin origin) => origin + ":" + origin.Column + "#" + origin.History.Count;
}
