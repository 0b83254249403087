using Strata.Serialization;
using Strata.Tree;

using Strata.Schema;

namespace Strata.Values;

/// <summary>Lists and sets: a sequence whose elements are read with the element type; sets reject duplicates.</summary>
internal sealed class ListValueType<TCollection, T> : ConfigValueType<TCollection>
    where TCollection : class, IEnumerable<T>
{
    private readonly ConfigValueType<T> _element;
    private readonly string _kind;

    public ListValueType(ConfigValueType<T> element, string kind)
    {
        _element = element;
        _kind = kind;
    }

    private bool IsSet => _kind == "set";

    public override string DisplayName => _kind + "[" + _element.DisplayName + "]";

    public override ValueShape Shape => IsSet ? ValueShape.Set : ValueShape.List;

    public override ConfigValueType ElementType => _element;

    public override ConfigTypeInfo? NestedConfig => _element.NestedConfig;

    public override bool TryRead(ConfigNode node, ValueReadContext context, out TCollection value)
    {
        value = null!;
        if (node is not ConfigSequence sequence)
        {
            context.TypeMismatch(node, "a list");
            return false;
        }

        var items = new List<T>(sequence.ItemArray.Length);
        var seen = IsSet ? new HashSet<T>() : null;
        var ok = true;
        var itemNodes = sequence.ItemArray;
        for (var i = 0; i < itemNodes.Length; i++)
        {
            var itemNode = itemNodes[i];
            context.PushIndex(i);
            try
            {
                if (itemNode is ConfigScalar { IsNull: true } && !_element.AcceptsNull)
                {
                    context.Error(DiagnosticCodes.NullNotAllowed, itemNode, "null is not allowed, expected " + _element.DisplayName);
                    ok = false;
                    continue;
                }

                if (!_element.TryRead(itemNode, context, out var item))
                {
                    ok = false;
                    continue;
                }

                if (seen is not null && !seen.Add(item))
                {
                    context.Error(DiagnosticCodes.DuplicateEntry, itemNode, "duplicate element in a set");
                    ok = false;
                    continue;
                }

                items.Add(item);
            }
            finally
            {
                context.Pop();
            }
        }

        value = Wrap(items);
        return ok;
    }

    public override ConfigNode Write(TCollection value, ValueWriteContext context)
    {
        if (value is null)
        {
            return ConfigScalar.Null(Origin.Default);
        }

        var nodes = new List<ConfigNode>();
        foreach (var item in value)
        {
            nodes.Add(_element.Write(item, context));
        }

        return new ConfigSequence([.. nodes], Origin.Default, owned: true);
    }

    internal override void WriteYaml(TCollection value, ValueWriteContext context, YamlBuffer writer, int indent, bool item)
    {
        if (value is not ConfigList<T> list)
        {
            // Another collection (before freezing): written through its tree.
            base.WriteYaml(value, context, writer, indent, item);
            return;
        }

        if (list.Count == 0)
        {
            YamlEmitter.WriteEmptyValue("[]", writer, item);
            return;
        }

        // The items of an entry's list align with its key; those of an item's list follow its "- ".
        var itemIndent = indent;
        var continuesLine = item;
        if (item)
        {
            itemIndent += 2;
        }
        else
        {
            writer.Write('\n');
        }

        for (var i = 0; i < list.Count; i++)
        {
            if (!continuesLine)
            {
                writer.WriteSpaces(itemIndent);
            }

            continuesLine = false;
            writer.Write("- ");
            _element.WriteYaml(list[i], context, writer, itemIndent, item: true);
        }
    }

    public override bool ValueEquals(TCollection left, TCollection right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null)
        {
            return false;
        }

        using var a = left.GetEnumerator();
        using var b = right.GetEnumerator();
        while (true)
        {
            var hasA = a.MoveNext();
            var hasB = b.MoveNext();
            if (hasA != hasB)
            {
                return false;
            }

            if (!hasA)
            {
                return true;
            }

            if (!_element.ValueEquals(a.Current, b.Current))
            {
                return false;
            }
        }
    }

    public override TCollection Freeze(TCollection value)
    {
        if (value is null)
        {
            return value!;
        }

        var list = value as ConfigList<T> ?? new ConfigList<T>(value, IsSet);
        return (TCollection)(object)list.Frozen();
    }

    internal override void CollectChildren(TCollection value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is null || _element.NestedConfig is null)
        {
            return;
        }

        // Indexed (in the order of enumeration): no enumerator is allocated at each walk of the graph.
        if (value is ConfigList<T> configList)
        {
            for (var j = 0; j < configList.Count; j++)
            {
                if (configList[j] is ConfigObject child)
                {
                    children.Add((child, new PathStep(key, j)));
                }
            }

            return;
        }

        if (value is List<T> list)
        {
            for (var j = 0; j < list.Count; j++)
            {
                if (list[j] is ConfigObject child)
                {
                    children.Add((child, new PathStep(key, j)));
                }
            }

            return;
        }

        var i = 0;
        foreach (var item in value)
        {
            if (item is ConfigObject config)
            {
                children.Add((config, new PathStep(key, i)));
            }

            i++;
        }
    }

    private TCollection Wrap(List<T> items) => (TCollection)(object)new ConfigList<T>(items, IsSet, owned: true);
}
