using System.Globalization;
using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>Dictionaries: a mapping whose keys are read with the key type (string or integer) and values with the value type.</summary>
internal sealed class DictionaryValueType<TDictionary, TKey, TValue> : BuiltInValueType<TDictionary>
    where TDictionary : class, IEnumerable<KeyValuePair<TKey, TValue>>
    where TKey : notnull
{
    private readonly ConfigValueType<TKey> _key;
    private readonly ConfigValueType<TValue> _value;

    public DictionaryValueType(ConfigValueType<TKey> key, ConfigValueType<TValue> value)
    {
        _key = key;
        _value = value;
    }

    public override string DisplayName => "dict[" + _key.DisplayName + ", " + _value.DisplayName + "]";

    public override ValueShape Shape => ValueShape.Dictionary;

    public override ConfigValueType ElementType => _value;

    public override ConfigTypeInfo? NestedConfig => _value.NestedConfig;

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

    internal override void Write(TDictionary value, ConfigWriter writer)
    {
        if (value is null)
        {
            writer.Null();
            return;
        }

        var entries = Entries(value);
        writer.StartMap();
        for (var i = 0; i < entries.Count; i++)
        {
            writer.Key(KeyText(entries[i].Key));
            _value.Write(entries[i].Value, writer);
        }

        writer.EndMap();
    }

    public override bool ValueEquals(TDictionary left, TDictionary right)
    {
        if (ReferenceEquals(left, right) || left is null || right is null)
        {
            return ReferenceEquals(left, right);
        }

        var a = Entries(left);
        var b = Entries(right);
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!EqualityComparer<TKey>.Default.Equals(a[i].Key, b[i].Key) || !_value.ValueEquals(a[i].Value, b[i].Value))
            {
                return false;
            }
        }

        return true;
    }

    public override TDictionary Freeze(TDictionary value) =>
        value is null ? value! : (TDictionary)(object)(value as ConfigDictionary<TKey, TValue> ?? new ConfigDictionary<TKey, TValue>(new OrderedDictionary<TKey, TValue>(value))).Frozen();

    internal override void CollectChildren(TDictionary value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is null || _value.NestedConfig is null)
        {
            return;
        }

        var entries = Entries(value);
        for (var i = 0; i < entries.Count; i++)
        {
            if (entries[i].Value is ConfigObject config)
            {
                children.Add((config, new PathStep(key, EntryKey: KeyText(entries[i].Key))));
            }
        }
    }

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
    private static IReadOnlyList<KeyValuePair<TKey, TValue>> Entries(TDictionary value) =>
        value is ConfigDictionary<TKey, TValue> dictionary ? dictionary.Entries : [.. value];

    private static string KeyText(TKey key) => key as string ?? Convert.ToString(key, CultureInfo.InvariantCulture) ?? string.Empty;
}
