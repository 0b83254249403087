using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>Lists and sets: a sequence whose elements are read with the element type; a set keeps each element once and warns at a repetition.</summary>
internal sealed class ListValueType<TCollection, T> : CollectionValueType<TCollection, T>
    where TCollection : class, IEnumerable<T>
{
    private readonly ConfigValueType<T> _element;
    private readonly bool _isSet;

    public ListValueType(ConfigValueType<T> element, bool isSet)
        : base(element)
    {
        _element = element;
        _isSet = isSet;
    }

    public override string DisplayName => (_isSet ? "set[" : "list[") + _element.DisplayName + "]";

    public override ValueShape Shape => _isSet ? ValueShape.Set : ValueShape.List;

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

    public override TCollection Freeze(TCollection value) =>
        value is null ? value! : (TCollection)(object)(value as ConfigList<T> ?? new ConfigList<T>([.. value], _isSet)).Frozen();

    /// <summary>The elements by position (the field's own list, or a list or array a program assigned; a copy of any other collection).</summary>
    protected override IReadOnlyList<T> Items(TCollection value) => value as IReadOnlyList<T> ?? [.. value];

    protected override void WriteItem(T item, ConfigWriter writer) => _element.Write(item, writer);

    protected override bool ItemEquals(T left, T right) => _element.ValueEquals(left, right);

    protected override ConfigObject? Child(T item) => item as ConfigObject;

    protected override PathStep ChildStep(string key, int index, T item) => new(key, index);
}
