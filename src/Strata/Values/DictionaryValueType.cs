using System.Globalization;
using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>Dictionaries: a mapping whose keys are read with the key type (string or integer) and values with the value type.</summary>
internal sealed class DictionaryValueType<TDictionary, TKey, TValue> : CollectionValueType<TDictionary, KeyValuePair<TKey, TValue>>
    where TDictionary : class, IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private readonly ConfigValueType<TKey> _key;
    private readonly ConfigValueType<TValue> _value;

    public DictionaryValueType(ConfigValueType<TKey> key, ConfigValueType<TValue> value)
        : base(value)
    {
        _key = key;
        _value = value;
    }

    public override string DisplayName => "dict[" + _key.DisplayName + ", " + _value.DisplayName + "]";

    public override ValueShape Shape => ValueShape.Dictionary;

    public override bool TryRead(ConfigNode node, ValueReadContext context, out TDictionary value)
    {
        value = null!;
        if (node is not ConfigMap map)
        {
            context.TypeMismatch(node, "a mapping");
            return false;
        }

        // Keys are claimed in the dictionary as they are read (a key read twice is a duplicate, even when its first value
        // failed); the keys whose values failed are taken out at the end.
        var items = new OrderedDictionary<TKey, TValue>(map.Count);
        List<TKey>? failed = null;
        var ok = true;
        foreach (var entry in map.EntryArray)
        {
            context.Push(entry.Key);
            ok &= ReadEntry(entry, items, ref failed, context);
            context.Pop();
        }

        foreach (var key in failed ?? [])
        {
            items.Remove(key);
        }

        value = (TDictionary)(object)new ConfigDictionary<TKey, TValue>(items);
        return ok;
    }

    public override TDictionary Freeze(TDictionary value) =>
        value is null ? value! : (TDictionary)(object)(value as ConfigDictionary<TKey, TValue> ?? new ConfigDictionary<TKey, TValue>(new OrderedDictionary<TKey, TValue>(value))).Frozen();

    private bool ReadEntry(ConfigMapEntry entry, OrderedDictionary<TKey, TValue> items, ref List<TKey>? failed, ValueReadContext context)
    {
        // A string key is itself: no node is made unless to report a duplicate.
        ConfigScalar? keyNode = null;
        if (entry.Key is not TKey key)
        {
            keyNode = ConfigScalar.Plain(entry.Key, entry.KeyOrigin);
            if (!_key.TryRead(keyNode, context, out key))
            {
                return false;
            }
        }

        if (!items.TryAdd(key, default!))
        {
            context.Error(DiagnosticCodes.DuplicateEntry, keyNode ?? ConfigScalar.Plain(entry.Key, entry.KeyOrigin), "duplicate key after conversion");
            return false;
        }

        if (entry.Value is ConfigScalar { IsNull: true } && !_value.AcceptsNull)
        {
            context.Error(DiagnosticCodes.NullNotAllowed, entry.Value, "null is not allowed, expected " + _value.DisplayName);
        }
        else if (_value.TryRead(entry.Value, context, out var item))
        {
            items[key] = item;
            return true;
        }

        (failed ??= []).Add(key);
        return false;
    }

    /// <summary>The entries in order (the field's own dictionary, or a copy of one a program assigned).</summary>
    protected override IReadOnlyList<KeyValuePair<TKey, TValue>> Items(TDictionary value) =>
        value is ConfigDictionary<TKey, TValue> dictionary ? dictionary.Entries : [.. value];

    protected override void WriteItem(KeyValuePair<TKey, TValue> item, ConfigWriter writer)
    {
        writer.Key(KeyText(item.Key));
        _value.Write(item.Value, writer);
    }

    protected override bool ItemEquals(KeyValuePair<TKey, TValue> left, KeyValuePair<TKey, TValue> right) =>
        EqualityComparer<TKey>.Default.Equals(left.Key, right.Key) && _value.ValueEquals(left.Value, right.Value);

    protected override ConfigObject? Child(KeyValuePair<TKey, TValue> item) => item.Value as ConfigObject;

    protected override PathStep ChildStep(string key, int index, KeyValuePair<TKey, TValue> item) => new(key, EntryKey: KeyText(item.Key));

    private static string KeyText(TKey key) => key as string ?? Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;
}
