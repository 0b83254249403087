using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>What a value type or null and a reference type or null have in common: they are described by their inner type.</summary>
internal abstract class NullableValueTypeBase<TValue, TInner>(ConfigValueType<TInner> inner) : BuiltInValueType<TValue>
{
    public override string DisplayName => inner.DisplayName + "|None";

    public override bool AcceptsNull => true;

    public override ValueShape Shape => ValueShape.Nullable;

    public override ConfigValueType ElementType => inner;

    public override ConfigTypeInfo? NestedConfig => inner.NestedConfig;
}

/// <summary>A value type or null.</summary>
internal sealed class NullableValueType<T>(ConfigValueType<T> inner) : NullableValueTypeBase<T?, T>(inner)
    where T : struct
{
    private readonly ConfigValueType<T> _inner = inner;

    internal override bool FreezesValues => false;

    public override bool TryRead(ConfigNode node, ValueReadContext context, out T? value)
    {
        if (node is ConfigScalar { IsNull: true })
        {
            value = null;
            return true;
        }

        var ok = _inner.TryRead(node, context, out var inner);
        value = ok ? inner : null;
        return ok;
    }

    internal override void Write(T? value, ConfigWriter writer)
    {
        if (value is { } v)
        {
            _inner.Write(v, writer);
        }
        else
        {
            writer.Null();
        }
    }

    public override bool ValueEquals(T? left, T? right) =>
        left.HasValue == right.HasValue && (!left.HasValue || _inner.ValueEquals(left.GetValueOrDefault(), right.GetValueOrDefault()));
}

/// <summary>A reference type or null.</summary>
internal sealed class NullableReferenceValueType<T>(ConfigValueType<T> inner) : NullableValueTypeBase<T?, T>(inner)
    where T : class
{
    private readonly ConfigValueType<T> _inner = inner;

    public override bool TryRead(ConfigNode node, ValueReadContext context, out T? value)
    {
        if (node is ConfigScalar { IsNull: true })
        {
            value = null;
            return true;
        }

        var ok = _inner.TryRead(node, context, out var inner);
        value = ok ? inner : null;
        return ok;
    }

    internal override void Write(T? value, ConfigWriter writer)
    {
        if (value is null)
        {
            writer.Null();
        }
        else
        {
            _inner.Write(value, writer);
        }
    }

    public override bool ValueEquals(T? left, T? right) =>
        left is null ? right is null : right is not null && _inner.ValueEquals(left, right);

    public override T? Freeze(T? value) => value is null ? null : _inner.Freeze(value);

    internal override bool FreezesValues => _inner.FreezesValues;

    internal override void CollectChildren(T? value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is not null)
        {
            _inner.CollectChildren(value, key, children);
        }
    }
}
