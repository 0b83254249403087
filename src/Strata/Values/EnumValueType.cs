using System.Runtime.CompilerServices;
using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>
/// An enumeration read by name or alias and written by name. The typed shell that a field of <typeparamref name="TEnum"/>
/// needs: the names and their lookup are the non-generic <see cref="EnumMembers"/>, and a value is turned from and into
/// its <see cref="long"/> by its bits (no boxing).
/// </summary>
internal sealed class EnumValueType<TEnum>(EnumMembers members) : BuiltInValueType<TEnum>
    where TEnum : struct, Enum
{
    public override string DisplayName => members.DisplayName;

    public override ValueShape Shape => ValueShape.Enum;

    public override IReadOnlyList<string> EnumNames => members.Names;

    internal override IReadOnlyList<string> EnumAliases => members.Aliases;

    internal override bool FreezesValues => false;

    internal override bool Refuses(ConfigNode node) => members.Refuses(node);

    public override bool TryRead(ConfigNode node, ValueReadContext context, out TEnum value)
    {
        var read = members.TryRead(node, context, out var member);
        value = read ? FromInt64(members.Values[member]) : default;
        return read;
    }

    internal override void Write(TEnum value, ConfigWriter writer)
    {
        var values = members.Values;
        for (var i = 0; i < values.Length; i++)
        {
            if (EqualityComparer<TEnum>.Default.Equals(FromInt64(values[i]), value))
            {
                writer.String(members.Names[i]);
                return;
            }
        }

        throw new InvalidOperationException("Value " + value + " is not a member of " + members.DisplayName + ".");
    }

    /// <summary>The enum value whose bits are the low bits of <paramref name="raw"/> (what <c>unchecked((long)member)</c> wrote).</summary>
    private static TEnum FromInt64(long raw) => Unsafe.SizeOf<TEnum>() switch
    {
        1 => Unsafe.BitCast<byte, TEnum>(unchecked((byte)raw)),
        2 => Unsafe.BitCast<short, TEnum>(unchecked((short)raw)),
        4 => Unsafe.BitCast<int, TEnum>(unchecked((int)raw)),
        _ => Unsafe.BitCast<long, TEnum>(raw),
    };
}
