using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats;

/// <summary>Sorts the keys of every mapping of a tree by ordinal order, as Python's <c>yaml.safe_dump</c> and <c>json.dumps(sort_keys=True)</c> do.</summary>
internal static class SortedTree
{
    public static ConfigMap Sort(ConfigMap map)
    {
        var entries = new ConfigMapEntry[map.Entries.Count];
        for (var i = 0; i < entries.Length; i++)
        {
            entries[i] = map.Entries[i] with { Value = Sort(map.Entries[i].Value) };
        }

        // The keys of a mapping are distinct, so an unstable sort gives the one ordinal order.
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
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
