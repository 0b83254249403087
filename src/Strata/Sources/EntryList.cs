using Strata.Tree;

namespace Strata.Sources;

/// <summary>The entries of a mapping being read, in order; a small mapping is searched for a key, a larger one indexed.</summary>
internal sealed class EntryList
{
    private const int LinearSearchLimit = 8;
    private readonly List<ConfigMapEntry> _entries = [];

    // The index of the keys, once the mapping is past the search limit (empty again when the list is cleared).
    private Dictionary<string, int>? _keys;

    public int Count => _entries.Count;

    public ConfigMapEntry this[int index] => _entries[index];

    public int IndexOf(string key)
    {
        if (_keys is { Count: > 0 } keys)
        {
            return keys.TryGetValue(key, out var found) ? found : -1;
        }

        for (var i = 0; i < _entries.Count; i++)
        {
            if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>Adds an entry whose key is not yet there, indexing the keys once the mapping is too large to search.</summary>
    public void Add(ConfigMapEntry entry)
    {
        _entries.Add(entry);
        if (_keys is { Count: > 0 } keys)
        {
            keys[entry.Key] = _entries.Count - 1;
        }
        else if (_entries.Count > LinearSearchLimit)
        {
            keys = _keys ??= new Dictionary<string, int>(_entries.Count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Count; i++)
            {
                keys[_entries[i].Key] = i;
            }
        }
    }

    public ConfigMapEntry[] ToArray() => [.. _entries];

    public void Clear()
    {
        _entries.Clear();
        _keys?.Clear();
    }
}
