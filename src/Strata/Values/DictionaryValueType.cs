using Strata.Serialization;
using Strata.Tree;

using Strata.Schema;

namespace Strata.Values;

/// <summary>Dictionaries: a mapping whose keys are read with the key type (string or integer) and values with the value type.</summary>
internal sealed class DictionaryValueType<TDictionary, TKey, TValue> : ConfigValueType<TDictionary>
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
            try
            {
                ConfigScalar? keyNode = null;
                TKey key;
                if (typeof(TKey) == typeof(string) && ReferenceEquals(_key, ValueTypes.String))
                {
                    // The string type reads any key text as itself: no node is needed unless to report a duplicate.
                    key = (TKey)(object)entry.Key;
                }
                else
                {
                    keyNode = ConfigScalar.Plain(entry.Key, entry.KeyOrigin);
                    if (!_key.TryRead(keyNode, context, out key))
                    {
                        ok = false;
                        continue;
                    }
                }

                if (!items.TryAdd(key, default!))
                {
                    context.Error(DiagnosticCodes.DuplicateEntry, keyNode ?? ConfigScalar.Plain(entry.Key, entry.KeyOrigin), "duplicate key after conversion");
                    ok = false;
                    continue;
                }

                if (entry.Value is ConfigScalar { IsNull: true } && !_value.AcceptsNull)
                {
                    context.Error(DiagnosticCodes.NullNotAllowed, entry.Value, "null is not allowed, expected " + _value.DisplayName);
                    (failed ??= []).Add(key);
                    ok = false;
                    continue;
                }

                if (_value.TryRead(entry.Value, context, out var item))
                {
                    items[key] = item;
                }
                else
                {
                    (failed ??= []).Add(key);
                    ok = false;
                }
            }
            finally
            {
                context.Pop();
            }
        }

        if (failed is not null)
        {
            foreach (var key in failed)
            {
                items.Remove(key);
            }
        }

        value = (TDictionary)(object)new ConfigDictionary<TKey, TValue>(items);
        return ok;
    }

    public override ConfigNode Write(TDictionary value, ValueWriteContext context)
    {
        if (value is null)
        {
            return ConfigScalar.Null(Origin.Default);
        }

        var entries = new List<ConfigMapEntry>();
        foreach (var (k, v) in value)
        {
            var keyText = ((ConfigScalar)_key.Write(k, context)).Value ?? string.Empty;
            entries.Add(new ConfigMapEntry(keyText, Origin.Default, _value.Write(v, context)));
        }

        return new ConfigMap([.. entries], Origin.Default, owned: true);
    }

    internal override void WriteYaml(TDictionary value, ValueWriteContext context, YamlBuffer writer, int indent, bool item)
    {
        if (value is not ConfigDictionary<TKey, TValue> dictionary)
        {
            // Another dictionary (before freezing): written through its tree.
            base.WriteYaml(value, context, writer, indent, item);
            return;
        }

        if (dictionary.Count == 0)
        {
            YamlEmitter.WriteEmptyValue("{}", writer, item);
            return;
        }

        if (!item)
        {
            writer.Write('\n');
        }

        var continuesLine = item;
        for (var i = 0; i < dictionary.Count; i++)
        {
            var (k, v) = dictionary.GetAt(i);

            // A string key is written as itself (what the string type's Write gives); other keys by their type.
            var keyText = k as string ?? ((ConfigScalar)_key.Write(k, context)).Value ?? string.Empty;
            YamlEmitter.WriteKey(keyText, writer, indent + 2, continuesLine);
            continuesLine = false;
            _value.WriteYaml(v, context, writer, indent + 2, item: false);
        }
    }

    public override bool ValueEquals(TDictionary left, TDictionary right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null)
        {
            return false;
        }

        var a = left.ToList();
        var b = right.ToList();
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

    public override TDictionary Freeze(TDictionary value)
    {
        if (value is null)
        {
            return value!;
        }

        var dict = value as ConfigDictionary<TKey, TValue> ?? new ConfigDictionary<TKey, TValue>(value);
        return (TDictionary)(object)dict.Frozen();
    }

    internal override void CollectChildren(TDictionary value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is null || _value.NestedConfig is null)
        {
            return;
        }

        if (value is ConfigDictionary<TKey, TValue> dictionary)
        {
            // By position: no enumerator is allocated at each walk of the graph.
            for (var i = 0; i < dictionary.Count; i++)
            {
                var (k, v) = dictionary.GetAt(i);
                AddChild(children, key, k, v);
            }

            return;
        }

        foreach (var (k, v) in value)
        {
            AddChild(children, key, k, v);
        }
    }

    private static void AddChild(List<(ConfigObject Child, PathStep Step)> children, string key, TKey k, TValue v)
    {
        if (v is ConfigObject config)
        {
            children.Add((config, new PathStep(key, EntryKey: k as string ?? Convert.ToString(k, System.Globalization.CultureInfo.InvariantCulture))));
        }
    }
}
