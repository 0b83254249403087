using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>Lists and sets: a sequence whose elements are read with the element type; a set keeps each element once and warns at a repetition.</summary>
internal sealed class ListValueType<TCollection, T> : BuiltInValueType<TCollection>
    where TCollection : class, IEnumerable<T>
{
    private readonly ConfigValueType<T> _element;
    private readonly bool _isSet;

    public ListValueType(ConfigValueType<T> element, bool isSet)
    {
        _element = element;
        _isSet = isSet;
    }

    public override string DisplayName => (_isSet ? "set[" : "list[") + _element.DisplayName + "]";

    public override ValueShape Shape => _isSet ? ValueShape.Set : ValueShape.List;

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

        var itemNodes = sequence.ItemArray;
        var items = new List<T>(itemNodes.Length);
        var seen = _isSet ? new HashSet<T>() : null;
        var ok = true;
        for (var i = 0; i < itemNodes.Length; i++)
        {
            var itemNode = itemNodes[i];
            context.PushIndex(i);
            if (itemNode is ConfigScalar { IsNull: true } && !_element.AcceptsNull)
            {
                context.Error(DiagnosticCodes.NullNotAllowed, itemNode, "null is not allowed, expected " + _element.DisplayName);
                ok = false;
            }
            else if (!_element.TryRead(itemNode, context, out var item))
            {
                ok = false;
            }
            else if (seen is not null && !seen.Add(item))
            {
                // A set field reads as a set (as Fast-LLM's do): a repeated element is kept once, with a warning at the
                // repetition so that a typo (`[4, 5, 4]` for `[4, 5, 6]`) is still seen.
                context.Warning(DiagnosticCodes.DuplicateEntry, itemNode, "duplicate element in a set, kept once");
            }
            else
            {
                items.Add(item);
            }

            context.Pop();
        }

        value = (TCollection)(object)new ConfigList<T>(items, _isSet);
        return ok;
    }

    internal override void Write(TCollection value, ConfigWriter writer)
    {
        if (value is null)
        {
            writer.Null();
            return;
        }

        var items = Items(value);
        writer.StartList();
        for (var i = 0; i < items.Count; i++)
        {
            _element.Write(items[i], writer);
        }

        writer.EndList();
    }

    public override bool ValueEquals(TCollection left, TCollection right)
    {
        if (ReferenceEquals(left, right) || left is null || right is null)
        {
            return ReferenceEquals(left, right);
        }

        var a = Items(left);
        var b = Items(right);
        if (a.Count != b.Count)
        {
            return false;
        }

        for (var i = 0; i < a.Count; i++)
        {
            if (!_element.ValueEquals(a[i], b[i]))
            {
                return false;
            }
        }

        return true;
    }

    public override TCollection Freeze(TCollection value) =>
        value is null ? value! : (TCollection)(object)(value as ConfigList<T> ?? new ConfigList<T>([.. value], _isSet)).Frozen();

    internal override void CollectChildren(TCollection value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is null || _element.NestedConfig is null)
        {
            return;
        }

        var items = Items(value);
        for (var i = 0; i < items.Count; i++)
        {
            if (items[i] is ConfigObject child)
            {
                children.Add((child, new PathStep(key, i)));
            }
        }
    }

    /// <summary>The elements by position (the field's own list, or a list or array a program assigned; a copy of any other collection).</summary>
    private static IReadOnlyList<T> Items(TCollection value) => value as IReadOnlyList<T> ?? [.. value];
}
