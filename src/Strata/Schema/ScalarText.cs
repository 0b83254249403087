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

    /// <summary>
    /// Parses a decimal integer of at most 18 digits with an optional sign, which always fits a long: what
    /// <see cref="TryParseInteger"/> reads from such text, without a big integer. Any other text is left to it.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    internal static bool TryParseShortDecimal(string text, out long value)
    {
        value = 0;
        var span = text.AsSpan();
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length is 0 or > 18)
        {
            return false;
        }

        long result = 0;
        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }

            result = (result * 10) + (c - '0');
        }

        value = negative ? -result : result;
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
        Span<char> text = stackalloc char[MaxDoubleLength];
        return new string(text[..FormatDouble(value, text)]);
    }

    /// <summary>The most characters <see cref="FormatDouble(double, Span{char})"/> writes.</summary>
    internal const int MaxDoubleLength = 40;

    /// <summary>Formats a double as <see cref="FormatDouble(double)"/> does, into <paramref name="destination"/> (at least <see cref="MaxDoubleLength"/> long).</summary>
    /// <param name="value">The value.</param>
    /// <param name="destination">Where to write.</param>
    /// <returns>The number of characters written.</returns>
    internal static int FormatDouble(double value, Span<char> destination)
    {
        if (double.IsNaN(value))
        {
            ".nan".CopyTo(destination);
            return 4;
        }

        if (double.IsInfinity(value))
        {
            var word = value > 0 ? ".inf" : "-.inf";
            word.CopyTo(destination);
            return word.Length;
        }

        if (!value.TryFormat(destination, out var length, "R", CultureInfo.InvariantCulture))
        {
            throw new InvalidOperationException("A formatted double does not fit its buffer.");
        }

        var text = destination[..length];
        var e = text.IndexOf('E');
        if (e < 0)
        {
            if (text.Contains('.'))
            {
                return length;
            }

            destination[length] = '.';
            destination[length + 1] = '0';
            return length + 2;
        }

        // The mantissa gets a fraction if it has none, the exponent a sign and at least two digits: 1E-05 is 1.0e-05.
        Span<char> exponent = stackalloc char[8];
        var exponentText = text[(e + 1)..];
        var sign = exponentText[0] is '-' or '+' ? exponentText[0] : '+';
        var digits = exponentText.TrimStart("-+");
        digits.CopyTo(exponent);
        var digitCount = digits.Length;
        var position = e;
        if (!text[..e].Contains('.'))
        {
            destination[position++] = '.';
            destination[position++] = '0';
        }

        destination[position++] = 'e';
        destination[position++] = sign;
        if (digitCount < 2)
        {
            destination[position++] = '0';
        }

        exponent[..digitCount].CopyTo(destination[position..]);
        return position + digitCount;
    }

    /// <summary>Formats a single-precision number like <see cref="FormatDouble(double)"/>, with the shortest text that reads back as the same float.</summary>
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
