using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats;

/// <summary>Sorts the keys of every mapping of a tree by ordinal order, as Python's <c>yaml.safe_dump</c> and <c>json.dumps(sort_keys=True)</c> do.</summary>
internal static class SortedTree
{
    public static ConfigMap Sort(ConfigMap map)
    {
        var source = map.Entries;
        var order = new int[source.Count];
        for (var i = 0; i < order.Length; i++)
        {
            order[i] = i;
        }

        // Stable, as OrderBy was: equal keys (which a tree built by code may hold) keep their order.
        Array.Sort(order, (a, b) => string.CompareOrdinal(source[a].Key, source[b].Key) is var c and not 0 ? c : a.CompareTo(b));
        var entries = new ConfigMapEntry[order.Length];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = source[order[i]] with { Value = Sort(source[order[i]].Value) };
        }

        return new ConfigMap(entries, map.Origin);
    }

    private static ConfigNode Sort(ConfigNode node)
    {
        switch (node)
        {
            case ConfigMap map:
                return Sort(map);
            case ConfigSequence sequence:
                var items = new ConfigNode[sequence.Items.Count];
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = Sort(sequence.Items[i]);
                }

                return new ConfigSequence(items, sequence.Origin);
            default:
                return node;
        }
    }
}
