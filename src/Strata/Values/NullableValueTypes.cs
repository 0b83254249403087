using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>What a value type or null and a reference type or null have in common: they are described by their inner type.</summary>
internal abstract class NullableValueTypeBase<TValue, TInner>(ConfigValueType<TInner> inner) : BuiltInValueType<TValue>
{
    /// <summary>The type of the value when it is not null.</summary>
    protected ConfigValueType<TInner> Inner { get; } = inner;

    public override string DisplayName => Inner.DisplayName + "|None";

    public override bool AcceptsNull => true;

    public override ValueShape Shape => ValueShape.Nullable;

    public override ConfigValueType ElementType => Inner;

    public override ConfigTypeInfo? NestedConfig => Inner.NestedConfig;

    internal sealed override bool Refuses(ConfigNode node) => node is not ConfigScalar { IsNull: true } && Inner.Refuses(node);

    public sealed override bool TryRead(ConfigNode node, ValueReadContext context, out TValue value)
    {
        // Null (the default of both twins) for a null node, and for a value the inner type refused.
        value = default!;
        if (node is ConfigScalar { IsNull: true })
        {
            return true;
        }

        if (!Inner.TryRead(node, context, out var read))
        {
            return false;
        }

        value = Wrap(read);
        return true;
    }

    /// <summary>The inner value as a value of this type (each twin converts in its own class: no generic method to instantiate).</summary>
    protected abstract TValue Wrap(TInner value);
}

/// <summary>A value type or null.</summary>
internal sealed class NullableValueType<T>(ConfigValueType<T> inner) : NullableValueTypeBase<T?, T>(inner)
    where T : struct
{
    internal override bool FreezesValues => false;

    protected override T? Wrap(T value) => value;

    internal override void Write(T? value, ConfigWriter writer)
    {
        if (value is { } v)
        {
            Inner.Write(v, writer);
        }
        else
        {
            writer.Null();
        }
    }

    public override bool ValueEquals(T? left, T? right) =>
        left.HasValue == right.HasValue && (!left.HasValue || Inner.ValueEquals(left.GetValueOrDefault(), right.GetValueOrDefault()));
}

/// <summary>A reference type or null.</summary>
internal sealed class NullableReferenceValueType<T>(ConfigValueType<T> inner) : NullableValueTypeBase<T?, T>(inner)
    where T : class
{
    protected override T? Wrap(T value) => value;

    internal override void Write(T? value, ConfigWriter writer)
    {
        if (value is null)
        {
            writer.Null();
        }
        else
        {
            Inner.Write(value, writer);
        }
    }

    public override bool ValueEquals(T? left, T? right) =>
        left is null ? right is null : right is not null && Inner.ValueEquals(left, right);

    public override T? Freeze(T? value) => value is null ? null : Inner.Freeze(value);

    internal override bool FreezesValues => Inner.FreezesValues;

    internal override void CollectChildren(T? value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is not null)
        {
            Inner.CollectChildren(value, key, children);
        }
    }
}
