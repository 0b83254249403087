using System.Collections;
using Strata.Schema;

namespace Strata.Values;

/// <summary>The list (and set) held by config fields: ordered, and read-only once the config is frozen.</summary>
internal sealed class ConfigList<T> : IList<T>, IReadOnlyList<T>, ISet<T>, IReadOnlySet<T>
{
    private readonly List<T> _items;
    private readonly bool _isSet;
    private bool _frozen;

    /// <summary>Creates a list that owns <paramref name="items"/> (no copy: the caller gives the list away).</summary>
    public ConfigList(List<T> items, bool isSet)
    {
        _items = items;
        _isSet = isSet;
    }

    public int Count => _items.Count;

    public bool IsReadOnly => _frozen;

    public T this[int index]
    {
        get => _items[index];
        set
        {
            ThrowIfFrozen();
            _items[index] = value;
        }
    }

    public ConfigList<T> Frozen()
    {
        _frozen = true;
        return this;
    }

    public void Add(T item)
    {
        ThrowIfFrozen();
        _items.Add(item);
    }

    bool ISet<T>.Add(T item)
    {
        ThrowIfFrozen();
        if (_items.Contains(item))
        {
            return false;
        }

        _items.Add(item);
        return true;
    }

    public void Clear()
    {
        ThrowIfFrozen();
        _items.Clear();
    }

    public bool Contains(T item) => _items.Contains(item);

    public void CopyTo(T[] array, int arrayIndex) => _items.CopyTo(array, arrayIndex);

    public IEnumerator<T> GetEnumerator() => _items.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public int IndexOf(T item) => _items.IndexOf(item);

    public void Insert(int index, T item)
    {
        ThrowIfFrozen();
        _items.Insert(index, item);
    }

    public bool Remove(T item)
    {
        ThrowIfFrozen();
        return _items.Remove(item);
    }

    public void RemoveAt(int index)
    {
        ThrowIfFrozen();
        _items.RemoveAt(index);
    }

    public void ExceptWith(IEnumerable<T> other)
    {
        ThrowIfFrozen();
        var remove = new HashSet<T>(other);
        _items.RemoveAll(remove.Contains);
    }

    public void IntersectWith(IEnumerable<T> other)
    {
        ThrowIfFrozen();
        var keep = new HashSet<T>(other);
        _items.RemoveAll(x => !keep.Contains(x));
    }

    public void SymmetricExceptWith(IEnumerable<T> other)
    {
        ThrowIfFrozen();
        var theirs = new HashSet<T>(other);
        var mine = AsHashSet();
        _items.RemoveAll(theirs.Contains);
        foreach (var x in theirs)
        {
            if (!mine.Contains(x))
            {
                _items.Add(x);
            }
        }
    }

    public void UnionWith(IEnumerable<T> other)
    {
        ThrowIfFrozen();
        foreach (var x in other)
        {
            if (!_items.Contains(x))
            {
                _items.Add(x);
            }
        }
    }

    public bool IsProperSubsetOf(IEnumerable<T> other) => AsHashSet().IsProperSubsetOf(other);

    public bool IsProperSupersetOf(IEnumerable<T> other) => AsHashSet().IsProperSupersetOf(other);

    public bool IsSubsetOf(IEnumerable<T> other) => AsHashSet().IsSubsetOf(other);

    public bool IsSupersetOf(IEnumerable<T> other) => AsHashSet().IsSupersetOf(other);

    public bool Overlaps(IEnumerable<T> other) => AsHashSet().Overlaps(other);

    public bool SetEquals(IEnumerable<T> other) => AsHashSet().SetEquals(other);

    public override string ToString() => (_isSet ? "{" : "[") + string.Join(", ", _items) + (_isSet ? "}" : "]");

    private HashSet<T> AsHashSet() => [.. _items];

    private void ThrowIfFrozen()
    {
        if (_frozen)
        {
            throw new InvalidOperationException("Cannot modify a collection of a frozen config.");
        }
    }
}
