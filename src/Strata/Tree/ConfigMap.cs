using Strata.Provenance;

namespace Strata.Tree;

/// <summary>A mapping from string keys to nodes, in document order; keys are unique.</summary>
public sealed class ConfigMap : ConfigNode
{
    private const int LinearSearchLimit = 8;
    private static readonly ConfigMapEntry[] s_empty = [];
    private readonly ConfigMapEntry[] _entries;
    private Dictionary<string, int>? _index;

    /// <summary>Creates a map. Keys must be unique.</summary>
    /// <param name="entries">The entries, in order; the list is copied.</param>
    /// <param name="origin">Where the map starts.</param>
    /// <exception cref="ArgumentException">A key appears twice.</exception>
    public ConfigMap(IEnumerable<ConfigMapEntry> entries, Origin origin)
        : base(origin)
    {
        ArgumentNullException.ThrowIfNull(entries);
        _entries = [.. entries];
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in _entries)
        {
            if (!seen.Add(entry.Key))
            {
                throw new ArgumentException("Duplicate key '" + entry.Key + "'.", nameof(entries));
            }
        }
    }

    internal ConfigMap(ConfigMapEntry[] entries, Origin origin, bool owned)
        : base(origin)
    {
        _ = owned;
        _entries = entries;
    }

    internal ConfigMap(ConfigMapEntry[] entries, SourcePosition at)
        : base(at)
    {
        _entries = entries;
    }

    /// <summary>An empty map at <paramref name="origin"/>.</summary>
    /// <param name="origin">The origin.</param>
    public static ConfigMap Empty(Origin origin) => new(s_empty, origin, owned: true);

    /// <summary>The entries, in order.</summary>
    public IReadOnlyList<ConfigMapEntry> Entries => _entries;

    /// <summary>The number of entries.</summary>
    public int Count => _entries.Length;

    /// <inheritdoc />
    public override ConfigNodeKind Kind => ConfigNodeKind.Map;

    /// <summary>Finds the value of <paramref name="key"/>.</summary>
    /// <param name="key">The key.</param>
    /// <param name="value">The value when found.</param>
    /// <returns>Whether the key is present.</returns>
    public bool TryGetValue(string key, [System.Diagnostics.CodeAnalysis.NotNullWhen(true)] out ConfigNode? value)
    {
        var i = IndexOf(key);
        value = i >= 0 ? _entries[i].Value : null;
        return i >= 0;
    }

    /// <summary>The position of <paramref name="key"/> among the entries, or -1.</summary>
    /// <param name="key">The key.</param>
    public int IndexOf(string key)
    {
        if (_entries.Length <= LinearSearchLimit)
        {
            for (var i = 0; i < _entries.Length; i++)
            {
                if (string.Equals(_entries[i].Key, key, StringComparison.Ordinal))
                {
                    return i;
                }
            }

            return -1;
        }

        var index = _index;
        if (index is null)
        {
            index = new Dictionary<string, int>(_entries.Length, StringComparer.Ordinal);
            for (var i = 0; i < _entries.Length; i++)
            {
                index[_entries[i].Key] = i;
            }

            _index = index;
        }

        return index.TryGetValue(key, out var found) ? found : -1;
    }

    internal ConfigMapEntry[] EntryArray => _entries;

    /// <inheritdoc />
    public override ConfigNode WithOrigin(Origin origin) => ReferenceEquals(origin, Origin) ? this : new ConfigMap(_entries, origin, owned: true);

    /// <inheritdoc />
    public override string Describe() => "a mapping";
}
