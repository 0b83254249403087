using Strata.Provenance;
using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// The lists that the readers of this thread build collections in: each collection takes one and gives it back, empty,
/// once its array is made, so that a document of many small mappings grows a few lists once instead of one list per
/// mapping. A reader that gives up keeps what it took (the next one makes new lists); lists grown large are let go.
/// </summary>
internal sealed class NodeListPool
{
    private const int MaxPooled = 1024;

    [ThreadStatic]
    private static NodeListPool? t_current;

    private readonly Stack<EntryList> _entries = new();
    private readonly Stack<List<ConfigNode>> _items = new();

    public static NodeListPool Current => t_current ??= new NodeListPool();

    public EntryList RentEntries() => _entries.TryPop(out var list) ? list : new EntryList();

    public List<ConfigNode> RentItems() => _items.TryPop(out var list) ? list : [];

    /// <summary>The mapping of <paramref name="entries"/>, which go back to the pool.</summary>
    public ConfigMap ToMap(EntryList entries, SourcePosition at)
    {
        var map = new ConfigMap(entries.ToArray(), at);
        Return(entries);
        return map;
    }

    /// <summary>Gives back a list of entries that no mapping was made of.</summary>
    public void Return(EntryList entries)
    {
        if (entries.Count <= MaxPooled)
        {
            entries.Clear();
            _entries.Push(entries);
        }
    }

    /// <summary>The sequence of <paramref name="items"/>, which go back to the pool.</summary>
    public ConfigSequence ToSequence(List<ConfigNode> items, SourcePosition at)
    {
        var sequence = new ConfigSequence([.. items], at);
        if (items.Count <= MaxPooled)
        {
            items.Clear();
            _items.Push(items);
        }

        return sequence;
    }
}
