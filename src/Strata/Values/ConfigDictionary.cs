using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Strata.Schema;

namespace Strata.Values;

/// <summary>The dictionary held by config fields: in insertion order, read-only once the config is frozen.</summary>
internal sealed class ConfigDictionary<TKey, TValue> : IDictionary<TKey, TValue>, IReadOnlyDictionary<TKey, TValue>
    where TKey : notnull
{
    private readonly OrderedDictionary<TKey, TValue> _items;
    private bool _frozen;

    /// <summary>Creates a dictionary that owns <paramref name="items"/> (no copy: the caller gives them away).</summary>
    public ConfigDictionary(OrderedDictionary<TKey, TValue> items)
    {
        _items = items;
    }

    public int Count => _items.Count;

    /// <summary>The entries in insertion order, by position.</summary>
    public IReadOnlyList<KeyValuePair<TKey, TValue>> Entries => _items;

    public bool IsReadOnly => _frozen;

    public ICollection<TKey> Keys => _items.Keys;

    public ICollection<TValue> Values => _items.Values;

    IEnumerable<TKey> IReadOnlyDictionary<TKey, TValue>.Keys => _items.Keys;

    IEnumerable<TValue> IReadOnlyDictionary<TKey, TValue>.Values => _items.Values;

    public TValue this[TKey key]
    {
        get => _items[key];
        set
        {
            ThrowIfFrozen();
            _items[key] = value;
        }
    }

    public ConfigDictionary<TKey, TValue> Frozen()
    {
        _frozen = true;
        return this;
    }

    public void Add(TKey key, TValue value)
    {
        ThrowIfFrozen();
        _items.Add(key, value);
    }

    public void Add(KeyValuePair<TKey, TValue> item) => Add(item.Key, item.Value);

    public void Clear()
    {
        ThrowIfFrozen();
        _items.Clear();
    }

    public bool Contains(KeyValuePair<TKey, TValue> item) =>
        _items.TryGetValue(item.Key, out var v) && EqualityComparer<TValue>.Default.Equals(v, item.Value);

    public bool ContainsKey(TKey key) => _items.ContainsKey(key);

    public void CopyTo(KeyValuePair<TKey, TValue>[] array, int arrayIndex) => ((ICollection<KeyValuePair<TKey, TValue>>)_items).CopyTo(array, arrayIndex);

    public IEnumerator<KeyValuePair<TKey, TValue>> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Remove(TKey key)
    {
        ThrowIfFrozen();
        return _items.Remove(key);
    }

    public bool Remove(KeyValuePair<TKey, TValue> item) => Contains(item) && Remove(item.Key);

    public bool TryGetValue(TKey key, [MaybeNullWhen(false)] out TValue value) => _items.TryGetValue(key, out value);

    private void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("Cannot modify a collection of a frozen config.");
        }
    }
}
