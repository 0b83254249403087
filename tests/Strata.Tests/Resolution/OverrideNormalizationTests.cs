using FsCheck;
using FsCheck.Fluent;
using Strata.Resolution;
using Strata.Sources;
using Strata.Tests.Model;
using Strata.Tree;

namespace Strata.Tests.Resolution;

/// <summary>
/// An override whose path normalizing cannot change is set on the merged tree without building its tree for the
/// normalizer. Whenever <see cref="TreeNormalizer.MayChangeChain"/> says so, normalizing that tree must give it back
/// unchanged, not rebuilt, without a diagnostic; and the resolution must be the one of the full path.
/// </summary>
public sealed class OverrideNormalizationTests
{
    // Keys of the test schema (renamed ones, removed ones, lists, dictionaries, polymorphic types) and some unknown ones.
    private static readonly string[] s_keys =
    [
        "layers", "teacher", "extra", "datasets", "data", "old_flag", "flag", "width", "hidden_size", "norm", "eps", "epsilon",
        "legacy_flag", "num_layers", "type", "weight", "path", "seed", "tags", "name", "file", "mix", "random", "x",
    ];

    private static readonly Gen<ConfigNode> s_value = Gen.Elements<ConfigNode>(
        ConfigScalar.Plain("1", Origin.FromCommandLine(1, 3)),
        ConfigScalar.Null(Origin.FromCommandLine(1, 3)),
        new ConfigMap([new ConfigMapEntry("type", Origin.FromCommandLine(1, 4), ConfigScalar.Plain("file", Origin.FromCommandLine(1, 10)))], Origin.FromCommandLine(1, 3)),
        new ConfigMap([new ConfigMapEntry("width", Origin.FromCommandLine(1, 4), ConfigScalar.Plain("8", Origin.FromCommandLine(1, 10)))], Origin.FromCommandLine(1, 3)),
        new ConfigSequence([ConfigScalar.Plain("1", Origin.FromCommandLine(1, 4))], Origin.FromCommandLine(1, 3)));

    private static readonly Gen<ConfigOverride> s_override =
        from length in Gen.Choose(1, 5)
        from keys in Gen.ArrayOf(Gen.Elements(s_keys), length)
        from value in s_value
        select new ConfigOverride([.. keys.Select(OverridePathSegment.ForKey)], value, string.Join(".", keys) + "=v", Origin.FromCommandLine(1, 3));

    [Fact]
    public void An_override_said_unchangeable_is_given_back_by_the_normalizer_as_it_is() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(5000),
            Prop.ForAll(s_override.ToArbitrary(), static change =>
            {
                if (TreeNormalizer.MayChangeChain(change, RunConfig.TypeInfo))
                {
                    return true;
                }

                var chain = TreeMerger.Chain(change);
                var diagnostics = new DiagnosticBag();
                var normalized = TreeNormalizer.Normalize(chain, RunConfig.TypeInfo, diagnostics, string.Empty, out var rebuilt);
                return ReferenceEquals(normalized, chain) && !rebuilt && diagnostics.Items.Count == 0;
            }));

    [Theory]
    [InlineData("layers.num_layers", false)]
    [InlineData("name", false)]
    [InlineData("layers.width", true)]
    [InlineData("layers.norm.eps", true)]
    [InlineData("layers.legacy_flag", true)]
    [InlineData("data.old_flag", true)]
    [InlineData("teacher.width", true)]
    [InlineData("extra", false)]
    [InlineData("datasets.a.weight", true)]
    public void Renamed_and_removed_keys_and_dictionaries_of_configs_go_through_the_normalizer(string path, bool mayChange)
    {
        var change = new ConfigOverride([.. path.Split('.').Select(OverridePathSegment.ForKey)], ConfigScalar.Plain("1", Origin.FromCommandLine(1, 3)), path + "=1", Origin.FromCommandLine(1, 3));

        Assert.Equal(mayChange, TreeNormalizer.MayChangeChain(change, RunConfig.TypeInfo));
    }

    [Theory]
    [InlineData("datasets:\n  a:\n    type: file\n", true)]
    [InlineData("datasets: {}\n", true)]
    [InlineData("extra:\n  - num_layers: 1\n", true)]
    [InlineData("teacher:\n  num_layers: 1\n", false)]
    [InlineData("tags:\n  a: b\n", false)]
    [InlineData("layers:\n  width: 4\n", true)]
    [InlineData("name: x\n", false)]
    public void A_layer_through_a_list_or_dictionary_of_configs_counts_as_rebuilt_even_with_nothing_to_rename(string yaml, bool rebuilt)
    {
        var layer = (ConfigMap)YamlDocumentReader.Parse(yaml, "l.yaml").Root!;

        TreeNormalizer.Normalize(layer, RunConfig.TypeInfo, new DiagnosticBag(), string.Empty, out var wasRebuilt);

        Assert.Equal(rebuilt, wasRebuilt);
    }

    [Fact]
    public void Overrides_resolve_as_they_did_when_every_one_went_through_the_normalizer() =>
        Check.One(
            Config.QuickThrowOnFailure.WithMaxTest(500),
            Prop.ForAll(Gen.ListOf(s_override).ToArbitrary(), static changes =>
            {
                var arguments = changes.Select(static c => c.DottedPath + "=" + global::Strata.Serialization.FlowText.Format(c.Value)).ToList();
                var resolver = new ConfigResolver<RunConfig>().AddYaml("layers:\n  num_layers: 2\n  width: 3\n", "base.yaml").AddOverrides(arguments);
                var state = new ResolutionState(ResolveOptions.Default);
                var fast = Show(resolver.MergeLayers(state)) + Show(state.Diagnostics);
                return fast == FullMerge(arguments);
            }));

    /// <summary>The merge of the overrides as before (every override normalized as a tree) and its diagnostics.</summary>
    private static string FullMerge(IReadOnlyList<string> arguments)
    {
        var state = new ResolutionState(ResolveOptions.Default);
        var info = RunConfig.TypeInfo;
        var document = YamlDocumentReader.Parse("layers:\n  num_layers: 2\n  width: 3\n", "base.yaml");
        var merged = TreeNormalizer.Normalize((ConfigMap)document.Root!, info, state.Diagnostics, string.Empty);
        var builder = new MergeBuilder(merged);
        for (var i = 0; i < arguments.Count; i++)
        {
            if (!OverrideParser.TryParse(arguments[i], i + 1, out var change, out var error))
            {
                state.Diagnostics.Add(error);
                continue;
            }

            var normalized = TreeNormalizer.Normalize(TreeMerger.Chain(change), info, state.Diagnostics, string.Empty, out var rebuilt);
            builder = rebuilt ? builder.DeepUpdate(normalized, info, state.Diagnostics) : builder;
            if (!rebuilt)
            {
                builder.Set(change, state.Diagnostics);
            }
        }

        return Show(builder.ToMap()) + Show(state.Diagnostics);
    }

    private static string Show(DiagnosticBag diagnostics) =>
        string.Join("\n", diagnostics.Items.Select(static d => d.Severity + " " + d.Code + " " + d.Path + " " + d.Origin + ":" + d.Origin?.Column + " " + d.Message));

    private static string Show(ConfigNode? node) => node switch
    {
        null => "<none>",
        ConfigScalar s => (s.Value ?? "<null>") + "/" + s.Style + "@" + History(s.Origin),
        ConfigSequence q => "[" + string.Join(",", q.Items.Select(Show)) + "]@" + History(q.Origin),
        ConfigMap m => "{" + string.Join(",", m.Entries.Select(e => e.Key + "@" + History(e.KeyOrigin) + ":" + Show(e.Value))) + "}@" + History(m.Origin),
        _ => node.GetType().Name,
    };

    private static string History(Origin origin) => string.Join(">", origin.History.Select(static o => o.ToString() + ":" + o.Column));
}
