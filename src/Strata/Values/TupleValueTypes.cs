using System.Globalization;
using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>Shared reading of fixed-length lists.</summary>
internal static class TupleReading
{
    public static ConfigSequence? Expect(ConfigNode node, int length, ValueReadContext context)
    {
        if (node is not ConfigSequence sequence)
        {
            context.TypeMismatch(node, "a list of " + length.ToString(CultureInfo.InvariantCulture) + " elements");
            return null;
        }

        if (sequence.Items.Count != length)
        {
            context.Error(
                DiagnosticCodes.CollectionShape,
                node,
                string.Create(CultureInfo.InvariantCulture, $"expected {length} elements, got {sequence.Items.Count}"));
            return null;
        }

        return sequence;
    }
}

internal sealed class TupleValueType<T1, T2>(ConfigValueType<T1> first, ConfigValueType<T2> second) : BuiltInValueType<(T1, T2)>
{
    public override string DisplayName => "tuple[" + first.DisplayName + ", " + second.DisplayName + "]";

    public override ValueShape Shape => ValueShape.Tuple;

    public override bool TryRead(ConfigNode node, ValueReadContext context, out (T1, T2) value)
    {
        value = default;
        var s = TupleReading.Expect(node, 2, context);
        if (s is null)
        {
            return false;
        }

        var ok = context.ReadChild("[0]", first, s.Items[0], out var a) & context.ReadChild("[1]", second, s.Items[1], out var b);
        value = (a, b);
        return ok;
    }

    /// <summary>Tuples are values: freezing leaves them as they are.</summary>
    internal override bool FreezesValues => false;

    internal override void Write((T1, T2) value, ConfigWriter writer)
    {
        writer.StartList();
        first.Write(value.Item1, writer);
        second.Write(value.Item2, writer);
        writer.EndList();
    }

    public override bool ValueEquals((T1, T2) left, (T1, T2) right) =>
        first.ValueEquals(left.Item1, right.Item1) && second.ValueEquals(left.Item2, right.Item2);
}

internal sealed class TupleValueType<T1, T2, T3>(ConfigValueType<T1> first, ConfigValueType<T2> second, ConfigValueType<T3> third)
    : BuiltInValueType<(T1, T2, T3)>
{
    public override string DisplayName => "tuple[" + first.DisplayName + ", " + second.DisplayName + ", " + third.DisplayName + "]";

    public override ValueShape Shape => ValueShape.Tuple;

    public override bool TryRead(ConfigNode node, ValueReadContext context, out (T1, T2, T3) value)
    {
        value = default;
        var s = TupleReading.Expect(node, 3, context);
        if (s is null)
        {
            return false;
        }

        var ok = context.ReadChild("[0]", first, s.Items[0], out var a)
            & context.ReadChild("[1]", second, s.Items[1], out var b)
            & context.ReadChild("[2]", third, s.Items[2], out var c);
        value = (a, b, c);
        return ok;
    }

    internal override bool FreezesValues => false;

    internal override void Write((T1, T2, T3) value, ConfigWriter writer)
    {
        writer.StartList();
        first.Write(value.Item1, writer);
        second.Write(value.Item2, writer);
        third.Write(value.Item3, writer);
        writer.EndList();
    }

    public override bool ValueEquals((T1, T2, T3) left, (T1, T2, T3) right) =>
        first.ValueEquals(left.Item1, right.Item1) && second.ValueEquals(left.Item2, right.Item2) && third.ValueEquals(left.Item3, right.Item3);
}
