using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// A mutable view of a merged tree while overrides are applied to it, with the results of
/// <see cref="TreeMerger.ApplyOverride"/> and <see cref="TreeMerger.DeepUpdate(ConfigNode, ConfigNode, ConfigTypeInfo?, DiagnosticBag, string)"/>
/// applied one override at a time. A map or list is copied into a builder the first time an override goes through it
/// and changed in place afterwards, so each override costs the length of its path, not the width of the maps it
/// crosses (10⁴ overrides of one wide dictionary stay linear). The untouched parts stay the immutable nodes they were.
/// </summary>
internal sealed class MergeBuilder
{
    /// <summary>
    /// The widest map searched key by key: a few string comparisons cost less than building an index, which only a
    /// wide map (a dictionary of many entries) needs to keep each override constant-time.
    /// </summary>
    private const int LinearSearchLimit = 16;
    /// <summary>The value of an entry whose builder is in <see cref="_children"/> (replaced by <see cref="ToMap"/>).</summary>
    private static readonly ConfigScalar s_pending = ConfigScalar.Null(Origin.Code);

    private ConfigMapEntry[] _entries;
    private int _count;

    /// <summary>
    /// The builders of the entries an override went through (a <see cref="MergeBuilder"/> or a
    /// <see cref="SequenceBuilder"/>), by position, or <see langword="null"/> while there is none; the value of such an
    /// entry in <see cref="_entries"/> is stale until <see cref="ToMap"/>.
    /// </summary>
    private object?[]? _children;
    private Dictionary<string, int>? _index;

    /// <summary>Starts from <paramref name="map"/> (its entries are copied, their values are not).</summary>
    /// <param name="map">The map.</param>
    public MergeBuilder(ConfigMap map)
    {
        Origin = map.Origin;
        _entries = [.. map.EntryArray];
        _count = _entries.Length;
    }

    private MergeBuilder(Origin origin)
    {
        Origin = origin;
        _entries = [];
    }

    /// <summary>The origin of the map.</summary>
    public Origin Origin { get; private set; }

    /// <summary>Sets the path of <paramref name="change"/>, as <see cref="TreeMerger.ApplyOverride"/> does.</summary>
    /// <param name="change">The override.</param>
    /// <param name="diagnostics">Where to report a path that does not fit the tree.</param>
    public void Set(ConfigOverride change, DiagnosticBag diagnostics) => SetKey(this, change, 0, diagnostics);

    /// <summary>Deep-updates the tree with <paramref name="upper"/>, as <see cref="TreeMerger.DeepUpdate(ConfigNode, ConfigNode, ConfigTypeInfo?, DiagnosticBag, string)"/> does at the root.</summary>
    /// <param name="upper">The upper tree.</param>
    /// <param name="info">The schema of the root.</param>
    /// <param name="diagnostics">Where to report polymorphic type changes.</param>
    /// <returns>The builder to go on with: this one, or a new one when a polymorphic root changed its type.</returns>
    public MergeBuilder DeepUpdate(ConfigMap upper, ConfigTypeInfo info, DiagnosticBag diagnostics) =>
        DeepUpdate(this, upper, new TreeMerger.SchemaCursor(info, null), diagnostics, new PathTrail(string.Empty)) switch
        {
            MergeBuilder builder => builder,
            var replaced => new MergeBuilder((ConfigMap)replaced),
        };

    /// <summary>
    /// The tree, immutable again. This ends the builder: the map is made from its own array of entries when they fill
    /// it (no copy), so the builder must not be changed afterwards.
    /// </summary>
    public ConfigMap ToMap()
    {
        var entries = _entries;
        if (_children is { } children)
        {
            for (var i = 0; i < _count; i++)
            {
                if (children[i] is { } child)
                {
                    entries[i] = entries[i] with { Value = Build(child) };
                }
            }
        }

        var map = new ConfigMap(_count == entries.Length ? entries : entries[.._count], Origin, owned: true);
        _entries = [];
        _count = 0;
        _children = null;
        _index = null;
        return map;
    }

    private static ConfigNode Build(object value) => value switch
    {
        MergeBuilder map => map.ToMap(),
        SequenceBuilder sequence => sequence.ToSequence(),
        _ => (ConfigNode)value,
    };

    private static Origin OriginOf(object value) => value switch
    {
        MergeBuilder map => map.Origin,
        SequenceBuilder sequence => sequence.Origin,
        _ => ((ConfigNode)value).Origin,
    };

    /// <summary>The value of <paramref name="current"/> once the path of <paramref name="change"/> from <paramref name="step"/> is set in it.</summary>
    private static object Set(object? current, ConfigOverride change, int step, DiagnosticBag diagnostics)
    {
        if (step == change.Path.Count)
        {
            return TreeMerger.WithHistory(change.Value, current is null ? null : OriginOf(current));
        }

        var segment = change.Path[step];
        if (!segment.IsIndex)
        {
            var map = current as MergeBuilder ?? (current is ConfigMap existing ? new MergeBuilder(existing) : new MergeBuilder(change.Origin));
            SetKey(map, change, step, diagnostics);
            return map;
        }

        var count = current switch
        {
            ConfigSequence s => s.ItemArray.Length,
            SequenceBuilder b => b.Items.Length,
            _ => -1,
        };
        if (count < 0 || segment.Index < 0 || segment.Index >= count)
        {
            var path = PathBefore(change, step);
            diagnostics.Error(
                DiagnosticCodes.OverrideSyntax,
                path,
                change.Origin,
                count >= 0
                    ? "index " + segment + " is out of range for a list of " + count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                    : MessageText.Quoted(path, '`', '`') + " is not a list, so " + segment + " cannot be set");
            return current ?? ConfigScalar.Null(change.Origin);
        }

        var sequence = current as SequenceBuilder ?? new SequenceBuilder((ConfigSequence)current!); // count >= 0: a list or a list builder.
        sequence.Items[segment.Index] = Set(sequence.Items[segment.Index], change, step + 1, diagnostics);
        return sequence;
    }

    private static void SetKey(MergeBuilder map, ConfigOverride change, int step, DiagnosticBag diagnostics)
    {
        var key = change.Path[step].Key ?? string.Empty;
        var index = map.IndexOf(key);
        if (index >= 0)
        {
            map.SetValue(index, map._entries[index].KeyOrigin, Set(map.ValueAt(index), change, step + 1, diagnostics));
        }
        else
        {
            map.Add(key, change.Origin, Set(null, change, step + 1, diagnostics));
        }
    }

    /// <summary>The dotted text of the first <paramref name="step"/> steps of the override's path.</summary>
    private static string PathBefore(ConfigOverride change, int step)
    {
        var path = string.Empty;
        for (var i = 0; i < step; i++)
        {
            var segment = change.Path[i];
            path = segment.IsIndex ? path + segment : PathText.Combine(path, segment.Key ?? string.Empty);
        }

        return path;
    }

    private static object DeepUpdate(object lower, ConfigNode upper, TreeMerger.SchemaCursor cursor, DiagnosticBag diagnostics, PathTrail path)
    {
        if (upper is not ConfigMap upperMap || lower is not (MergeBuilder or ConfigMap))
        {
            return TreeMerger.WithHistory(upper, OriginOf(lower));
        }

        var lowerType = lower is MergeBuilder b ? b.TypeName : TreeMerger.TypeOf((ConfigMap)lower);
        var info = cursor.ResolveConfig(upperMap) ?? cursor.ResolveConfig(lowerType);
        if (cursor.IsPolymorphic && TreeMerger.TypeChanged(lowerType, TreeMerger.TypeOf(upperMap)))
        {
            var keys = lower is MergeBuilder l ? l._entries.Take(l._count).Select(static e => e.Key) : ((ConfigMap)lower).EntryArray.Select(static e => e.Key);
            return TreeMerger.ReportTypeChange(lowerType, keys, upperMap, path, diagnostics);
        }

        var map = lower as MergeBuilder ?? new MergeBuilder((ConfigMap)lower);

        // Keys of both are merged in the order of the lower map, as the immutable merge does; new keys follow in the upper map's order.
        var upperEntries = upperMap.EntryArray;
        if (upperEntries.Length == 1)
        {
            // One key (the tree of an override): no order to keep.
            MergeEntry(map, map.IndexOf(upperEntries[0].Key), upperEntries[0], cursor, info, diagnostics, path);
        }
        else if (upperEntries.Length > 1)
        {
            var matches = new List<(int Lower, int Upper)>();
            for (var u = 0; u < upperEntries.Length; u++)
            {
                var index = map.IndexOf(upperEntries[u].Key);
                if (index >= 0)
                {
                    matches.Add((index, u));
                }
            }

            if (matches.Count > 1)
            {
                matches.Sort(static (x, y) => x.Lower.CompareTo(y.Lower));
            }

            foreach (var (l, u) in matches)
            {
                MergeEntry(map, l, upperEntries[u], cursor, info, diagnostics, path);
            }

            if (matches.Count < upperEntries.Length)
            {
                foreach (var upperEntry in upperEntries)
                {
                    if (map.IndexOf(upperEntry.Key) < 0)
                    {
                        map.Add(upperEntry.Key, upperEntry.KeyOrigin, upperEntry.Value);
                    }
                }
            }
        }

        map.Origin = upperMap.Origin;
        return map;
    }

    /// <summary>Merges an entry of the upper map into entry <paramref name="index"/> of <paramref name="map"/>, or adds it when -1.</summary>
    private static void MergeEntry(MergeBuilder map, int index, ConfigMapEntry upperEntry, TreeMerger.SchemaCursor cursor, Schema.ConfigTypeInfo? info, DiagnosticBag diagnostics, PathTrail path)
    {
        if (index < 0)
        {
            map.Add(upperEntry.Key, upperEntry.KeyOrigin, upperEntry.Value);
            return;
        }

        var key = map._entries[index].Key;
        path.Push(key);
        var merged = DeepUpdate(map.ValueAt(index), upperEntry.Value, cursor.Child(info, key), diagnostics, path);
        path.Pop();
        map.SetValue(index, upperEntry.KeyOrigin, merged);
    }

    /// <summary>The text of the <c>type</c> key, when it is a scalar.</summary>
    private string? TypeName
    {
        get
        {
            var index = IndexOf("type");
            return index >= 0 && ValueAt(index) is ConfigScalar scalar ? scalar.Value : null;
        }
    }

    /// <summary>The value of entry <paramref name="index"/>: its builder, or its node.</summary>
    private object ValueAt(int index) => _children?[index] ?? _entries[index].Value;

    /// <summary>Sets the value (a node or a builder) and the key's origin of entry <paramref name="index"/>.</summary>
    private void SetValue(int index, Origin keyOrigin, object value)
    {
        var entry = _entries[index];
        if (value is ConfigNode node)
        {
            _entries[index] = new ConfigMapEntry(entry.Key, keyOrigin, node);
            if (_children is not null)
            {
                _children[index] = null;
            }
        }
        else
        {
            if (!ReferenceEquals(keyOrigin, entry.KeyOrigin))
            {
                _entries[index] = entry with { KeyOrigin = keyOrigin };
            }

            (_children ??= new object?[_entries.Length])[index] = value;
        }
    }

    private int IndexOf(string key)
    {
        if (_index is null && _count <= LinearSearchLimit)
        {
            var entries = _entries;
            for (var i = 0; i < _count; i++)
            {
                if (string.Equals(entries[i].Key, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        if (_index is null)
        {
            _index = new Dictionary<string, int>(_count * 2, StringComparer.Ordinal);
            for (var i = 0; i < _count; i++)
            {
                _index[_entries[i].Key] = i;
            }
        }

        return _index.TryGetValue(key, out var found) ? found : -1;
    }

    /// <summary>Adds an entry whose value is a node or a builder.</summary>
    private void Add(string key, Origin keyOrigin, object value)
    {
        if (_count == _entries.Length)
        {
            var capacity = Math.Max(4, _entries.Length * 2);
            Array.Resize(ref _entries, capacity);
            if (_children is not null)
            {
                Array.Resize(ref _children, capacity);
            }
        }

        _index?.Add(key, _count);
        _entries[_count] = new ConfigMapEntry(key, keyOrigin, value as ConfigNode ?? s_pending);
        if (value is not ConfigNode)
        {
            (_children ??= new object?[_entries.Length])[_count] = value;
        }

        _count++;
    }

    /// <summary>A list an override went through by index.</summary>
    private sealed class SequenceBuilder(ConfigSequence sequence)
    {
        public Origin Origin { get; } = sequence.Origin;

        public object[] Items { get; } = [.. sequence.ItemArray];

        public ConfigSequence ToSequence()
        {
            var items = new ConfigNode[Items.Length];
            for (var i = 0; i < items.Length; i++)
            {
                items[i] = Build(Items[i]);
            }

            return new ConfigSequence(items, Origin, owned: true);
        }
    }
}
