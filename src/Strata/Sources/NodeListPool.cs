using Strata.Provenance;
using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// The lists that the readers of this thread build collections in: each collection takes one and gives it back, empty,
/// once its array is made, so that a document of many small mappings grows a few lists once instead of one list per
/// mapping. A reader that gives up keeps what it took (the next one makes new lists); lists grown large are let go.
/// It also holds the keys read on this thread: a key written again (the same field of each item of a list, of each
/// document read) is the same string, not a copy per mapping that lives as long as the tree.
/// </summary>
internal sealed class NodeListPool
{
    private const int MaxPooled = 1024;

    /// <summary>The most keys kept (the table is emptied when it is full: a dictionary of many names cannot grow it).</summary>
    private const int MaxKeys = 2048;

    /// <summary>The longest key kept: field names are short; a long key is most likely written once.</summary>
    private const int MaxKeptKeyLength = 64;

    [ThreadStatic]
    private static NodeListPool? t_current;

    private readonly Stack<EntryList> _entries = new();
    private readonly Stack<List<ConfigNode>> _items = new();
    private readonly Dictionary<string, string> _keys = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _keysBySpan;

    private NodeListPool()
    {
        _keysBySpan = _keys.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public static NodeListPool Current => t_current ??= new NodeListPool();

    /// <summary>The key written as <paramref name="text"/>: the string read before on this thread when there is one.</summary>
    public string Key(ReadOnlySpan<char> text) => _keysBySpan.TryGetValue(text, out var key) ? key : Keep(text.ToString());

    /// <summary>The key <paramref name="text"/> (read by another reader), or the equal string read before on this thread.</summary>
    public string Key(string text) => _keys.TryGetValue(text, out var key) ? key : Keep(text);

    private string Keep(string key)
    {
        if (key.Length <= MaxKeptKeyLength)
        {
            if (_keys.Count == MaxKeys)
            {
                _keys.Clear();
            }

            _keys.Add(key, key);
        }

        return key;
    }

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
