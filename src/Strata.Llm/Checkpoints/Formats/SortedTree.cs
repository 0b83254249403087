using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats;

/// <summary>Sorts the keys of every mapping of a tree by ordinal order, as Python's <c>yaml.safe_dump</c> and <c>json.dumps(sort_keys=True)</c> do.</summary>
internal static class SortedTree
{
    public static ConfigMap Sort(ConfigMap map) =>
        new(map.Entries.OrderBy(static e => e.Key, StringComparer.Ordinal).Select(static e => e with { Value = Sort(e.Value) }), map.Origin);

    private static ConfigNode Sort(ConfigNode node) => node switch
    {
        ConfigMap map => Sort(map),
        ConfigSequence sequence => new ConfigSequence(sequence.Items.Select(Sort), sequence.Origin),
        _ => node,
    };
}
