using Strata.Tree;

namespace Strata.Serialization;

/// <summary>
/// A sink that builds an output tree (no origins): <see cref="ConfigSerializer.ToTree"/>, the fingerprint, the comparer
/// and the values of custom value types. <see cref="Replay"/> is the way back: a tree written into any sink.
/// </summary>
internal sealed class TreeSink : ValueSink
{
    private readonly List<ConfigMapEntry> _entries = [];
    private readonly List<ConfigNode> _items = [];

    /// <summary>The open collections: where their members start in the shared lists, and the key each goes under.</summary>
    private readonly List<(bool IsList, int Start, string? Key)> _open = [];
    private string? _key;

    /// <summary>The value written, once it is complete.</summary>
    public ConfigNode? Result { get; private set; }

    /// <summary>Writes <paramref name="node"/> into <paramref name="sink"/>, as a value type writing the same value would.</summary>
    public static void Replay(ConfigNode node, ValueSink sink)
    {
        switch (node)
        {
            case ConfigMap map:
                sink.StartMap();
                foreach (var entry in map.EntryArray)
                {
                    sink.Key(entry.Key);
                    Replay(entry.Value, sink);
                }

                sink.EndMap();
                break;
            case ConfigSequence sequence:
                sink.StartList();
                foreach (var item in sequence.ItemArray)
                {
                    Replay(item, sink);
                }

                sink.EndList();
                break;
            case ConfigScalar { Value: null }:
                sink.Null();
                break;
            case ConfigScalar { Style: ScalarStyle.Quoted, Value: { } text }:
                sink.String(text);
                break;
            case ConfigScalar { Value: { } text }:
                sink.Plain(text);
                break;
            default:
                throw new ArgumentException("Unknown node type " + node.GetType().Name + ".", nameof(node));
        }
    }

    public override void StartMap() => Open(isList: false);

    public override void Key(string key) => _key = key;

    public override void EndMap()
    {
        var (_, start, key) = Close();
        var entries = new ConfigMapEntry[_entries.Count - start];
        _entries.CopyTo(start, entries, 0, entries.Length);
        _entries.RemoveRange(start, entries.Length);
        Add(key, new ConfigMap(entries, Origin.Default, owned: true));
    }

    public override void StartList() => Open(isList: true);

    public override void EndList()
    {
        var (_, start, key) = Close();
        var items = new ConfigNode[_items.Count - start];
        _items.CopyTo(start, items, 0, items.Length);
        _items.RemoveRange(start, items.Length);
        Add(key, new ConfigSequence(items, Origin.Default, owned: true));
    }

    public override void Plain(ReadOnlySpan<char> text) => Add(_key, ConfigScalar.Plain(text.ToString(), Origin.Default));

    public override void String(string text) => Add(_key, ConfigScalar.Quoted(text, Origin.Default));

    public override void Null() => Add(_key, ConfigScalar.Null(Origin.Default));

    private void Open(bool isList) => _open.Add((isList, isList ? _items.Count : _entries.Count, _key));

    private (bool IsList, int Start, string? Key) Close()
    {
        var top = _open[^1];
        _open.RemoveAt(_open.Count - 1);
        return top;
    }

    private void Add(string? key, ConfigNode node)
    {
        if (_open.Count == 0)
        {
            Result = node;
        }
        else if (_open[^1].IsList)
        {
            _items.Add(node);
        }
        else
        {
            _entries.Add(new ConfigMapEntry(key!, Origin.Default, node)); // A map's values follow their keys.
        }
    }
}
