using Strata.Schema;
using Strata.Serialization;

namespace Strata.Values;

/// <summary>
/// What lists, sets and dictionaries have in common: a value is a sequence of items (elements, or entries in order) that
/// is written, compared and searched for nested configs item by item, in order.
/// </summary>
internal abstract class CollectionValueType<TCollection, TItem>(ConfigValueType element) : BuiltInValueType<TCollection>
    where TCollection : class
{
    public sealed override ConfigValueType ElementType => element;

    public sealed override ConfigTypeInfo? NestedConfig => element.NestedConfig;

    internal sealed override void Write(TCollection value, ConfigWriter writer)
    {
        if (value is null)
        {
            writer.Null();
            return;
        }

        var items = Items(value);
        var map = Shape == ValueShape.Dictionary;
        if (map)
        {
            writer.StartMap();
        }
        else
        {
            writer.StartList();
        }

        for (var i = 0; i < items.Count; i++)
        {
            WriteItem(items[i], writer);
        }

        if (map)
        {
            writer.EndMap();
        }
        else
        {
            writer.EndList();
        }
    }

    public sealed override bool ValueEquals(TCollection left, TCollection right)
    {
        if (ReferenceEquals(left, right) || left is null || right is null)
        {
            return ReferenceEquals(left, right);
        }

        var a = Items(left);
        var b = Items(right);
        var equal = a.Count == b.Count;
        for (var i = 0; equal && i < a.Count; i++)
        {
            equal = ItemEquals(a[i], b[i]);
        }

        return equal;
    }

    internal sealed override void CollectChildren(TCollection value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is null || NestedConfig is null)
        {
            return;
        }

        var items = Items(value);
        for (var i = 0; i < items.Count; i++)
        {
            if (Child(items[i]) is { } child)
            {
                children.Add((child, ChildStep(key, i, items[i])));
            }
        }
    }

    /// <summary>The items in order (the field's own collection, or a copy of one a program assigned).</summary>
    protected abstract IReadOnlyList<TItem> Items(TCollection value);

    /// <summary>Writes one item (an element, or a key and its value).</summary>
    protected abstract void WriteItem(TItem item, ConfigWriter writer);

    /// <summary>Whether two items at the same place are equal.</summary>
    protected abstract bool ItemEquals(TItem left, TItem right);

    /// <summary>The config an item holds, if any.</summary>
    protected abstract ConfigObject? Child(TItem item);

    /// <summary>The path step to the config held by the item at <paramref name="index"/> of the field <paramref name="key"/>.</summary>
    protected abstract PathStep ChildStep(string key, int index, TItem item);
}
