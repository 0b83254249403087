using System.Globalization;
using System.Numerics;
using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>Base of the built-in scalar types: only scalars are accepted, and only plain ones unless strings.</summary>
internal abstract class ScalarValueType<T> : BuiltInValueType<T>
{
    protected abstract string Expected { get; }

    internal override bool FreezesValues => false;

    public override bool TryRead(ConfigNode node, ValueReadContext context, out T value)
    {
        if (node is ConfigScalar { IsNull: false } scalar && TryParse(scalar, out value))
        {
            return true;
        }

        value = default!;
        if (node is ConfigScalar { IsNull: false } s && Reported(s, context))
        {
            return false;
        }

        context.TypeMismatch(node, Expected);
        return false;
    }

    /// <summary>
    /// Reads a scalar that is not null: from its text as a string, unless the type reads its characters (a number, a
    /// bool), which then never makes the string.
    /// </summary>
    protected virtual bool TryParse(ConfigScalar scalar, out T value) => TryParse(scalar.Value!, scalar.Style, out value);

    protected abstract bool TryParse(string text, ScalarStyle style, out T value);

    // The same read as TryRead's (from the characters where the type reads them), without its report.
    internal override bool Refuses(ConfigNode node) => node is ConfigScalar { IsNull: false } scalar && !TryParse(scalar, out _);

    /// <summary>Lets a type report a more precise problem (out of range) instead of a type mismatch.</summary>
    protected virtual bool Reported(ConfigScalar scalar, ValueReadContext context) => false;
}

internal sealed class BooleanValueType : ScalarValueType<bool>
{
    public override string DisplayName => "bool";

    public override ValueShape Shape => ValueShape.Boolean;

    protected override string Expected => "a boolean (true or false; yes/no and on/off are read too)";

    internal override void Write(bool value, ConfigWriter writer) => writer.Plain(value ? "true" : "false");

    protected override bool TryParse(ConfigScalar scalar, out bool value)
    {
        value = false;
        return scalar.Style == ScalarStyle.Plain && ScalarText.TryParseBoolean(scalar.Text, out value);
    }

    protected override bool TryParse(string text, ScalarStyle style, out bool value)
    {
        value = false;
        return style == ScalarStyle.Plain && ScalarText.TryParseBoolean(text, out value);
    }
}

/// <summary>Integers of a bounded type: out-of-range values are reported as such (STR0104).</summary>
internal sealed class IntegerValueType<T> : ScalarValueType<T>
    where T : IBinaryInteger<T>, IMinMaxValue<T>
{
    // The bounds as big integers, made once: a big integer beyond 32 bits is an allocation.
    private static readonly BigInteger s_min = BigInteger.CreateTruncating(T.MinValue);
    private static readonly BigInteger s_max = BigInteger.CreateTruncating(T.MaxValue);

    // The bounds as 64-bit integers (saturated: a wider type holds every long).
    private static readonly long s_minLong = long.CreateSaturating(T.MinValue);
    private static readonly long s_maxLong = long.CreateSaturating(T.MaxValue);

    // The most significant digits a value of T has in each base (indexed by the base): an integer with more is out of
    // range, known from its length alone, so that no conversion (quadratic in the digits) is spent on it.
    private static readonly int[] s_maxDigits = MaxDigits();

    private readonly string _name;

    public IntegerValueType(string name)
    {
        _name = name;
    }

    public override string DisplayName => _name;

    public override ValueShape Shape => ValueShape.Integer;

    protected override string Expected => "an integer";

    internal override void Write(T value, ConfigWriter writer)
    {
        // Formatted in place: the 128-bit integers have at most 40 characters.
        Span<char> text = stackalloc char[64];
        _ = value.TryFormat(text, out var length, default, CultureInfo.InvariantCulture);
        writer.Plain(text[..length]);
    }

    // The common case: a few decimal digits (100_000 too), read from the characters (never made a string) and bounded
    // without a big integer (the same value and range). Any other text is read once more, as a string, by the long path.
    protected override bool TryParse(ConfigScalar scalar, out T value) =>
        scalar.Style == ScalarStyle.Plain && ScalarText.TryParseShortDecimal(scalar.Text, out var small)
            ? FromShort(small, out value)
            : TryParse(scalar.Value!, scalar.Style, out value);

    /// <summary>The long path, reached only from <see cref="TryParse(ConfigScalar, out T)"/> once the short read failed: a base prefix, more than 18 digits, or no integer.</summary>
    protected override bool TryParse(string text, ScalarStyle style, out T value)
    {
        value = T.Zero;
        if (style != ScalarStyle.Plain
            || !ScalarText.TryMeasureInteger(text, out var shape)
            || shape.Digits > s_maxDigits[shape.Radix]
            || !ScalarText.TryParseInteger(text, out var big))
        {
            return false;
        }

        if (big < s_min || big > s_max)
        {
            return false;
        }

        value = T.CreateTruncating(big);
        return true;
    }

    private static bool FromShort(long small, out T value)
    {
        value = small < s_minLong || small > s_maxLong ? T.Zero : T.CreateTruncating(small);
        return small >= s_minLong && small <= s_maxLong;
    }

    protected override bool Reported(ConfigScalar scalar, ValueReadContext context)
    {
        // Only an integer comes here (TryParse failed): one that is not is a type mismatch.
        if (scalar.Style == ScalarStyle.Plain && scalar.Value is { } text && ScalarText.TryMeasureInteger(text, out _))
        {
            context.Error(
                DiagnosticCodes.NumberOutOfRange,
                scalar,
                string.Create(CultureInfo.InvariantCulture, $"{MessageText.Bounded(text)} is out of range for {_name} ({T.MinValue}..{T.MaxValue})"));
            return true;
        }

        return false;
    }

    private static int[] MaxDigits()
    {
        var digits = new int[17];
        var largest = BigInteger.Max(BigInteger.Abs(s_min), s_max);
        foreach (var radix in (ReadOnlySpan<int>)[2, 8, 10, 16])
        {
            for (var rest = largest; !rest.IsZero; rest /= radix)
            {
                digits[radix]++;
            }
        }

        return digits;
    }
}

internal sealed class BigIntegerValueType : ScalarValueType<BigInteger>
{
    public override string DisplayName => "big integer";

    public override ValueShape Shape => ValueShape.Integer;

    protected override string Expected => "an integer";

    internal override void Write(BigInteger value, ConfigWriter writer) => writer.Plain(value.ToString(CultureInfo.InvariantCulture));

    protected override bool TryParse(string text, ScalarStyle style, out BigInteger value)
    {
        value = BigInteger.Zero;
        return style == ScalarStyle.Plain && ScalarText.TryParseInteger(text, out value);
    }

    /// <summary>An integer that was not read is longer than <see cref="ScalarText.MaxIntegerDigits"/>: out of range, not a type mismatch.</summary>
    protected override bool Reported(ConfigScalar scalar, ValueReadContext context)
    {
        if (scalar.Style == ScalarStyle.Plain && scalar.Value is { } text && ScalarText.TryMeasureInteger(text, out var shape))
        {
            context.Error(
                DiagnosticCodes.NumberOutOfRange,
                scalar,
                string.Create(CultureInfo.InvariantCulture, $"{MessageText.Bounded(text)} is out of range for {DisplayName}: it has {shape.Digits} digits, more than the limit of {ScalarText.MaxIntegerDigits}"));
            return true;
        }

        return false;
    }
}

internal sealed class DoubleValueType : ScalarValueType<double>
{
    public override string DisplayName => "float";

    public override ValueShape Shape => ValueShape.Number;

    protected override string Expected => "a number";

    internal override void Write(double value, ConfigWriter writer)
    {
        Span<char> text = stackalloc char[ScalarText.MaxDoubleLength];
        writer.Plain(text[..ScalarText.FormatDouble(value, text)]);
    }

    public override bool ValueEquals(double left, double right) => left.Equals(right);

    protected override bool TryParse(string text, ScalarStyle style, out double value)
    {
        return TryParseValue(text, style, out value) && !Overflows(text, value);
    }

    protected override bool Reported(ConfigScalar scalar, ValueReadContext context) => ReportOverflow(scalar, context, DisplayName, single: false);

    /// <summary>Parses a float without judging its range.</summary>
    internal static bool TryParseValue(string text, ScalarStyle style, out double value)
    {
        value = 0;
        if (style == ScalarStyle.Plain)
        {
            return ScalarText.TryParseDouble(text, out value);
        }

        // A JSON document cannot write infinities or NaN as numbers: accept them as strings, for floats only.
        return text is "inf" or "-inf" or "nan" or "Infinity" or "-Infinity" or "NaN" or ".inf" or "-.inf" or ".nan"
            && ScalarText.TryParseDouble(text, out value);
    }

    /// <summary>Whether a number written as digits (not as an infinity word) became infinite: <c>1e999</c> is out of range, not infinity.</summary>
    internal static bool Overflows(string text, double value) =>
        double.IsInfinity(value) && text.TrimStart('+', '-') is not (".inf" or ".Inf" or ".INF" or "inf" or "Infinity");

    /// <summary>Reports a number too large for the float type as out of range (STR0104) rather than as a type mismatch.</summary>
    internal static bool ReportOverflow(ConfigScalar scalar, ValueReadContext context, string name, bool single)
    {
        if (scalar.Value is not { } text || !TryParseValue(text, scalar.Style, out var value)
            || !(Overflows(text, value) || (single && !double.IsInfinity(value) && float.IsInfinity((float)value))))
        {
            return false;
        }

        context.Error(DiagnosticCodes.NumberOutOfRange, scalar, MessageText.Bounded(text) + " is out of range for " + name + (single ? " (about ±3.4e38)" : " (about ±1.8e308)"));
        return true;
    }
}

internal sealed class SingleValueType : ScalarValueType<float>
{
    public override string DisplayName => "float32";

    public override ValueShape Shape => ValueShape.Number;

    protected override string Expected => "a number";

    internal override void Write(float value, ConfigWriter writer) => writer.Plain(ScalarText.FormatSingle(value));

    public override bool ValueEquals(float left, float right) => left.Equals(right);

    protected override bool TryParse(string text, ScalarStyle style, out float value)
    {
        // Parsed without reporting: the base reports once, as out of range or as a type mismatch.
        value = 0;
        if (!DoubleValueType.TryParseValue(text, style, out var d) || DoubleValueType.Overflows(text, d))
        {
            return false;
        }

        value = (float)d;
        return !(float.IsInfinity(value) && !double.IsInfinity(d));
    }

    protected override bool Reported(ConfigScalar scalar, ValueReadContext context) => DoubleValueType.ReportOverflow(scalar, context, DisplayName, single: true);
}

internal sealed class StringValueType : ScalarValueType<string>
{
    public override string DisplayName => "str";

    public override ValueShape Shape => ValueShape.String;

    protected override string Expected => "a string";

    internal override void Write(string value, ConfigWriter writer)
    {
        if (value is null)
        {
            writer.Null();
        }
        else
        {
            writer.String(value);
        }
    }

    protected override bool TryParse(string text, ScalarStyle style, out string value)
    {
        // Plain scalars are strings too when the schema says string (R5): `name: llama3` needs no quotes.
        value = text;
        return true;
    }
}

internal sealed class PathValueType : ScalarValueType<ConfigPath>
{
    public override string DisplayName => "path";

    public override ValueShape Shape => ValueShape.Path;

    protected override string Expected => "a path (a string)";

    internal override void Write(ConfigPath value, ConfigWriter writer) => writer.String(value.Value);

    protected override bool TryParse(string text, ScalarStyle style, out ConfigPath value)
    {
        value = new ConfigPath(text);
        return true;
    }
}
