using System.Globalization;
using System.Numerics;
using Microsoft.CodeAnalysis.CSharp;
using Strata.Generators.Model;

namespace Strata.Generators.Emitting;

/// <summary>C# literals, written with the invariant culture so that generated code is the same on every machine.</summary>
internal static class Literals
{
    public static string String(string value) => SymbolDisplay.FormatLiteral(value, quote: true);

    public static string NullableString(string? value) => value is null ? "null" : String(value);

    public static string Bool(bool value) => value ? "true" : "false";

    public static string Int(int value) => value.ToString(CultureInfo.InvariantCulture);

    /// <summary>A bound, already checked to be a value of <paramref name="kind"/>, as a literal of that type.</summary>
    public static string Number(double value, NumericKind kind) => kind switch
    {
        NumericKind.Int32 => ((int)value).ToString(CultureInfo.InvariantCulture),
        NumericKind.Int64 => ((long)value).ToString(CultureInfo.InvariantCulture) + "L",
        NumericKind.BigInteger => BigIntegerParse(new BigInteger(value).ToString(CultureInfo.InvariantCulture)),
        NumericKind.Single => Single((float)value),
        _ => Double(value),
    };

    /// <summary>A divisor as a literal of an integer type.</summary>
    public static string Integer(long value, NumericKind kind) => kind switch
    {
        NumericKind.Int64 => value.ToString(CultureInfo.InvariantCulture) + "L",
        NumericKind.BigInteger => BigIntegerParse(value.ToString(CultureInfo.InvariantCulture)),
        _ => value.ToString(CultureInfo.InvariantCulture),
    };

    public static string Double(double value)
    {
        if (double.IsNaN(value))
        {
            return "double.NaN";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? "double.PositiveInfinity" : "double.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (double.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            // "R" does not always round-trip on .NET Framework, where Visual Studio runs generators.
            text = value.ToString("G17", CultureInfo.InvariantCulture);
        }

        return text.IndexOfAny(['.', 'E', 'e']) >= 0 ? text : text + ".0";
    }

    public static string Single(float value)
    {
        if (float.IsNaN(value))
        {
            return "float.NaN";
        }

        if (float.IsInfinity(value))
        {
            return value > 0 ? "float.PositiveInfinity" : "float.NegativeInfinity";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        if (float.Parse(text, CultureInfo.InvariantCulture) != value)
        {
            text = value.ToString("G9", CultureInfo.InvariantCulture);
        }

        return text + "f";
    }

    private static string BigIntegerParse(string digits) =>
        "global::System.Numerics.BigInteger.Parse(" + String(digits) + ", global::System.Globalization.CultureInfo.InvariantCulture)";
}
