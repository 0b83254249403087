using System.Globalization;
using System.Numerics;

namespace Strata.Schema;

/// <summary>
/// Culture-invariant reading and writing of scalar text under the schema (rule R5): <c>1e-5</c> is a float, <c>off</c>
/// is not a bool, <c>4.0</c> is not an int, integers of any size are exact.
/// </summary>
public static class ScalarText
{
    /// <summary>Parses <c>true</c>/<c>false</c> (YAML 1.2 core: also <c>True</c>, <c>TRUE</c>, <c>False</c>, <c>FALSE</c>).</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    public static bool TryParseBoolean(string text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
            default:
                value = false;
                return false;
        }
    }

    /// <summary>Parses an integer of any size: decimal with an optional sign, or <c>0x</c>/<c>0o</c>/<c>0b</c> prefixed.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    public static bool TryParseInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length == 0)
        {
            return false;
        }

        var negative = false;
        var span = text.AsSpan();
        if (span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length == 0)
        {
            return false;
        }

        int radix = 10;
        if (span.Length > 2 && span[0] == '0' && span[1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            radix = span[1] is 'x' or 'X' ? 16 : span[1] is 'o' or 'O' ? 8 : 2;
            span = span[2..];
        }

        // Digits accumulate in a machine word while they fit, and in a big integer only beyond (no big-integer
        // arithmetic for the integers configs hold).
        const ulong WordLimit = (ulong.MaxValue - 15) / 16;
        ulong word = 0;
        var isBig = false;
        foreach (var c in span)
        {
            var digit = c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : 99;
            if (digit >= radix)
            {
                value = BigInteger.Zero;
                return false;
            }

            if (!isBig && word <= WordLimit)
            {
                word = (word * (ulong)radix) + (ulong)digit;
                continue;
            }

            if (!isBig)
            {
                value = word;
                isBig = true;
            }

            value = (value * radix) + digit;
        }

        if (!isBig)
        {
            value = word;
        }

        if (negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>Parses a floating-point number: any decimal or exponent form, integers, and <c>.inf</c>, <c>-.inf</c>, <c>.nan</c>.</summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    public static bool TryParseDouble(string text, out double value)
    {
        ArgumentNullException.ThrowIfNull(text);
        switch (text)
        {
            case ".inf" or ".Inf" or ".INF" or "+.inf" or "+.Inf" or "+.INF" or "inf" or "Infinity" or "+inf" or "+Infinity":
                value = double.PositiveInfinity;
                return true;
            case "-.inf" or "-.Inf" or "-.INF" or "-inf" or "-Infinity":
                value = double.NegativeInfinity;
                return true;
            case ".nan" or ".NaN" or ".NAN" or "nan" or "NaN":
                value = double.NaN;
                return true;
        }

        value = 0;
        if (!IsDecimalNumber(text))
        {
            if (TryParseInteger(text, out var big))
            {
                value = (double)big;
                return true;
            }

            return false;
        }

        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// Formats a double so that it reads back exactly and is a float for YAML 1.1 readers too: <c>4096.0</c>,
    /// <c>1.0e-05</c>, <c>.inf</c>, <c>.nan</c>.
    /// </summary>
    /// <param name="value">The value.</param>
    public static string FormatDouble(double value)
    {
        if (double.IsNaN(value))
        {
            return ".nan";
        }

        if (double.IsInfinity(value))
        {
            return value > 0 ? ".inf" : "-.inf";
        }

        var text = value.ToString("R", CultureInfo.InvariantCulture);
        var e = text.IndexOf('E', StringComparison.Ordinal);
        if (e < 0)
        {
            return text.Contains('.', StringComparison.Ordinal) ? text : text + ".0";
        }

        var mantissa = text[..e];
        var exponent = text[(e + 1)..];
        if (!mantissa.Contains('.', StringComparison.Ordinal))
        {
            mantissa += ".0";
        }

        var sign = exponent[0] is '-' or '+' ? exponent[0] : '+';
        var digits = exponent.TrimStart('-', '+');
        if (digits.Length < 2)
        {
            digits = "0" + digits;
        }

        return mantissa + "e" + sign + digits;
    }

    /// <summary>Formats a single-precision number like <see cref="FormatDouble"/>, with the shortest text that reads back as the same float.</summary>
    /// <param name="value">The value.</param>
    public static string FormatSingle(float value)
    {
        if (float.IsNaN(value) || float.IsInfinity(value))
        {
            return FormatDouble(value);
        }

        var shortest = double.Parse(value.ToString("R", CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        return FormatDouble(shortest);
    }

    private static bool IsDecimalNumber(string text)
    {
        // [-+]? (digits [. digits?] | . digits) ([eE] [-+]? digits)?
        var i = 0;
        if (i < text.Length && text[i] is '+' or '-')
        {
            i++;
        }

        var intDigits = 0;
        while (i < text.Length && char.IsAsciiDigit(text[i]))
        {
            i++;
            intDigits++;
        }

        var fracDigits = 0;
        if (i < text.Length && text[i] == '.')
        {
            i++;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                fracDigits++;
            }
        }

        if (intDigits + fracDigits == 0)
        {
            return false;
        }

        if (i < text.Length && text[i] is 'e' or 'E')
        {
            i++;
            if (i < text.Length && text[i] is '+' or '-')
            {
                i++;
            }

            var expDigits = 0;
            while (i < text.Length && char.IsAsciiDigit(text[i]))
            {
                i++;
                expDigits++;
            }

            if (expDigits == 0)
            {
                return false;
            }
        }

        return i == text.Length;
    }
}
