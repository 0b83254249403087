using System.Numerics;
using Strata.Values;

namespace Strata.Schema;

/// <summary>The built-in value types (used by generated field tables and by custom value types that compose them).</summary>
public static class ValueTypes
{
    /// <summary><c>bool</c>: <c>true</c> or <c>false</c> only.</summary>
    public static ConfigValueType<bool> Boolean { get; } = new BooleanValueType();

    /// <summary>32-bit integers.</summary>
    public static ConfigValueType<int> Int32 { get; } = new IntegerValueType<int>("int");

    /// <summary>64-bit integers.</summary>
    public static ConfigValueType<long> Int64 { get; } = new IntegerValueType<long>("int64");

    /// <summary>Integers of any size.</summary>
    public static ConfigValueType<BigInteger> BigInteger { get; } = new BigIntegerValueType();

    /// <summary>Double-precision numbers (integers accepted; <c>.inf</c>, <c>.nan</c>).</summary>
    public static ConfigValueType<double> Double { get; } = new DoubleValueType();

    /// <summary>Single-precision numbers.</summary>
    public static ConfigValueType<float> Single { get; } = new SingleValueType();

    /// <summary>Strings (plain or quoted).</summary>
    public static ConfigValueType<string> String { get; } = new StringValueType();

    /// <summary>Filesystem paths.</summary>
    public static ConfigValueType<ConfigPath> Path { get; } = new PathValueType();

    /// <summary>An enumeration.</summary>
    /// <typeparam name="TEnum">The enum type.</typeparam>
    /// <param name="displayName">The name in documentation.</param>
    /// <param name="names">Each member's YAML name.</param>
    /// <param name="values">Each member's value, as <c>unchecked((long)member)</c>.</param>
    /// <param name="aliases">Each member's accepted aliases.</param>
    public static ConfigValueType<TEnum> Enum<TEnum>(string displayName, string[] names, long[] values, string[][] aliases)
        where TEnum : struct, System.Enum => new EnumValueType<TEnum>(new EnumMembers(displayName, names, values, aliases));

    /// <summary>A value type or null.</summary>
    /// <typeparam name="T">The value type.</typeparam>
    /// <param name="inner">The type of non-null values.</param>
    public static ConfigValueType<T?> Nullable<T>(ConfigValueType<T> inner)
        where T : struct => new NullableValueType<T>(inner);

    /// <summary>A reference type or null.</summary>
    /// <typeparam name="T">The reference type.</typeparam>
    /// <param name="inner">The type of non-null values.</param>
    public static ConfigValueType<T?> NullableReference<T>(ConfigValueType<T> inner)
        where T : class => new NullableReferenceValueType<T>(inner);

    /// <summary>A nested config (polymorphic when its class has registered subclasses).</summary>
    /// <typeparam name="T">The config class.</typeparam>
    public static ConfigValueType<T> Config<T>()
        where T : ConfigObject, IConfig<T> => ConfigObjectValueType<T>.Instance;

    /// <summary>A list, held as <see cref="IList{T}"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="element">The element value type.</param>
    public static ConfigValueType<IList<T>> List<T>(ConfigValueType<T> element) => new ListValueType<IList<T>, T>(element, isSet: false);

    /// <summary>A list, held as <see cref="IReadOnlyList{T}"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="element">The element value type.</param>
    public static ConfigValueType<IReadOnlyList<T>> ReadOnlyList<T>(ConfigValueType<T> element) => new ListValueType<IReadOnlyList<T>, T>(element, isSet: false);

    /// <summary>A set (duplicates are errors), held as <see cref="ISet{T}"/> in input order.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="element">The element value type.</param>
    public static ConfigValueType<ISet<T>> Set<T>(ConfigValueType<T> element) => new ListValueType<ISet<T>, T>(element, isSet: true);

    /// <summary>A set, held as <see cref="IReadOnlySet{T}"/> in input order.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    /// <param name="element">The element value type.</param>
    public static ConfigValueType<IReadOnlySet<T>> ReadOnlySet<T>(ConfigValueType<T> element) => new ListValueType<IReadOnlySet<T>, T>(element, isSet: true);

    /// <summary>A dictionary with string keys, held as <see cref="IDictionary{TKey, TValue}"/> in input order.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="value">The value's value type.</param>
    public static ConfigValueType<IDictionary<string, TValue>> Dictionary<TValue>(ConfigValueType<TValue> value) =>
        new DictionaryValueType<IDictionary<string, TValue>, string, TValue>(ValueTypes.String, value);

    /// <summary>A dictionary with string keys, held as <see cref="IReadOnlyDictionary{TKey, TValue}"/>.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="value">The value's value type.</param>
    public static ConfigValueType<IReadOnlyDictionary<string, TValue>> ReadOnlyDictionary<TValue>(ConfigValueType<TValue> value) =>
        new DictionaryValueType<IReadOnlyDictionary<string, TValue>, string, TValue>(ValueTypes.String, value);

    /// <summary>A dictionary with integer keys, held as <see cref="IDictionary{TKey, TValue}"/>.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="value">The value's value type.</param>
    public static ConfigValueType<IDictionary<int, TValue>> IntDictionary<TValue>(ConfigValueType<TValue> value) =>
        new DictionaryValueType<IDictionary<int, TValue>, int, TValue>(ValueTypes.Int32, value);

    /// <summary>A dictionary with integer keys, held as <see cref="IReadOnlyDictionary{TKey, TValue}"/>.</summary>
    /// <typeparam name="TValue">The value type.</typeparam>
    /// <param name="value">The value's value type.</param>
    public static ConfigValueType<IReadOnlyDictionary<int, TValue>> ReadOnlyIntDictionary<TValue>(ConfigValueType<TValue> value) =>
        new DictionaryValueType<IReadOnlyDictionary<int, TValue>, int, TValue>(ValueTypes.Int32, value);

    /// <summary>A fixed pair, written as a two-element list.</summary>
    /// <typeparam name="T1">The first type.</typeparam>
    /// <typeparam name="T2">The second type.</typeparam>
    /// <param name="first">The first value type.</param>
    /// <param name="second">The second value type.</param>
    public static ConfigValueType<(T1, T2)> Tuple<T1, T2>(ConfigValueType<T1> first, ConfigValueType<T2> second) =>
        new TupleValueType<T1, T2>(first, second);

    /// <summary>A fixed triple, written as a three-element list.</summary>
    /// <typeparam name="T1">The first type.</typeparam>
    /// <typeparam name="T2">The second type.</typeparam>
    /// <typeparam name="T3">The third type.</typeparam>
    /// <param name="first">The first value type.</param>
    /// <param name="second">The second value type.</param>
    /// <param name="third">The third value type.</param>
    public static ConfigValueType<(T1, T2, T3)> Tuple<T1, T2, T3>(ConfigValueType<T1> first, ConfigValueType<T2> second, ConfigValueType<T3> third) =>
        new TupleValueType<T1, T2, T3>(first, second, third);
}
