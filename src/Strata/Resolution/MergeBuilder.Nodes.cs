using Strata.Tree;

namespace Strata.Resolution;

// The builders of MergeBuilder: the maps and lists that layers went into, changed in place.
internal sealed partial class MergeBuilder
{
    /// <summary>A map or a list a layer went into: its values are nodes, or the builders of the maps and lists a layer went into.</summary>
    private abstract class Builder(object origin)
    {
        /// <summary>The origin, or the node whose origin it is: made only when asked for (a message, or the built node).</summary>
        private object _origin = origin;

        public Origin Origin => _origin as Origin ?? ((ConfigNode)_origin).Origin;

        public void TakeOriginOf(ConfigNode node) => _origin = node;

        /// <summary>An override changed this map or list as a whole (an append, a removal): the origin is the override's, over the one it had.</summary>
        public void Took(Origin origin) => _origin = origin.WithPrevious(Origin);

        public abstract ConfigNode Build();
    }

    private sealed class Map(object origin) : Builder(origin)
    {
        /// <summary>The widest map searched key by key: only a wide map (a dictionary of many entries) needs an index to keep each override constant-time.</summary>
        private const int LinearSearchLimit = 16;

        /// <summary>Each key as the entry it came with (its key origin made only when asked for) and its value, unless a builder stands for it.</summary>
        private ConfigMapEntry[] _entries = [];
        private Builder?[]? _builders;

        /// <summary>Whether <see cref="_entries"/> is also an immutable map's (the one begun from or built): copied before a change.</summary>
        private bool _shared;
        private int _count;
        private Dictionary<string, int>? _index;

        public Map(ConfigMap map)
            : this((object)map)
        {
            _entries = map.EntryArray;
            _count = _entries.Length;
            _shared = true;
        }

        public int Count => _count;

        public ConfigMapEntry Entry(int index) => _entries[index];

        /// <summary>The value of entry <paramref name="index"/>: a node, or the builder of the map or list a layer went into.</summary>
        public object Value(int index) => (object?)_builders?[index] ?? _entries[index].Value;

        public int IndexOf(string key)
        {
            if (_count > LinearSearchLimit && _index is null)
            {
                _index = new Dictionary<string, int>(Math.Max(_count * 2, _entries.Length), StringComparer.Ordinal);
                for (var i = 0; i < _count; i++)
                {
                    _index[_entries[i].Key] = i;
                }
            }

            for (var i = 0; _index is null && i < _count; i++)
            {
                if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return _index is not null && _index.TryGetValue(key, out var found) ? found : -1;
        }

        /// <summary>
        /// Makes room for <paramref name="more"/> new keys at once: a wide layer (a dictionary of many entries) goes in
        /// without growing the entries and their index step by step, and, when its keys are all new, is built without a
        /// last copy.
        /// </summary>
        public void Reserve(int more)
        {
            if (_count + more > _entries.Length)
            {
                Resize(_count + more);
            }

            _index?.EnsureCapacity(_count + more);
        }

        /// <summary>
        /// Sets entry <paramref name="index"/> to a node or a builder, or adds it last when it is -1, with the key (and
        /// its origin) of <paramref name="keyOf"/>.
        /// </summary>
        public void Put(int index, ConfigMapEntry keyOf, object value)
        {
            var full = index < 0 && _count == _entries.Length;
            if (full || _shared)
            {
                Resize(full ? Math.Max(4, _count * 2) : _entries.Length);
            }

            if (index < 0)
            {
                _index?.Add(keyOf.Key, _count);
                index = _count++;
            }

            _entries[index] = value is ConfigNode node ? keyOf with { Value = node } : keyOf;
            if (value is Builder builder)
            {
                (_builders ??= new Builder?[_entries.Length])[index] = builder;
            }
            else
            {
                _builders?[index] = null;
            }
        }

        public void RemoveAt(int index)
        {
            if (_shared)
            {
                Resize(_entries.Length);
            }

            var after = _count - index - 1;
            Array.Copy(_entries, index + 1, _entries, index, after);
            _entries[_count - 1] = default;
            if (_builders is not null)
            {
                Array.Copy(_builders, index + 1, _builders, index, after);
                _builders[_count - 1] = null;
            }

            _count--;
            _index = null;
        }

        public override ConfigMap Build()
        {
            if (_builders is not null)
            {
                if (_shared)
                {
                    Resize(_entries.Length);
                }

                for (var i = 0; i < _count; i++)
                {
                    if (_builders[i] is { } builder)
                    {
                        _entries[i] = _entries[i] with { Value = builder.Build() };
                    }
                }
            }

            if (_count != _entries.Length)
            {
                Resize(_count);
            }

            _shared = true;
            return new ConfigMap(_entries, Origin, owned: true);
        }

        private void Resize(int length)
        {
            var entries = new ConfigMapEntry[length];
            Array.Copy(_entries, entries, _count);
            _entries = entries;
            _shared = false;
            if (_builders is not null)
            {
                Array.Resize(ref _builders, length);
            }
        }
    }

    /// <summary>A list an override went into by index.</summary>
    private sealed class Sequence(ConfigSequence sequence) : Builder(sequence)
    {
        public List<object> Items { get; } = [.. sequence.ItemArray];

        public override ConfigSequence Build()
        {
            var items = new ConfigNode[Items.Count];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = Items[i] as ConfigNode ?? ((Builder)Items[i]).Build();
            }

            return new ConfigSequence(items, Origin, owned: true);
        }
    }
}
