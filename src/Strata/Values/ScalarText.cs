using System.Globalization;
using System.Numerics;
using Strata.Values;

namespace Strata.Schema;

/// <summary>
/// Culture-invariant reading and writing of scalar text under the schema (rule R5): <c>1e-5</c> is a float, <c>4.0</c> is
/// not an int, integers of any size are exact; the spellings Fast-LLM's configs use are read as Python reads them:
/// <c>100_000</c> in a number (a single <c>_</c> between digits), <c>yes</c>/<c>no</c>/<c>on</c>/<c>off</c> in a bool.
/// </summary>
public static class ScalarText
{
    /// <summary>
    /// Parses a bool: <c>true</c>/<c>false</c> (also <c>True</c>, <c>TRUE</c>, <c>False</c>, <c>FALSE</c>), and
    /// <c>yes</c>/<c>on</c> and <c>no</c>/<c>off</c> in any case, as Fast-LLM's YAML 1.1 configs write them (R5; only a
    /// bool field reads them so: a string field keeps the word).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    public static bool TryParseBoolean(string text, out bool value)
    {
        ArgumentNullException.ThrowIfNull(text);
        return TryParseBoolean(text.AsSpan(), out value);
    }

    /// <summary>Parses a bool from its characters, as <see cref="TryParseBoolean(string, out bool)"/>.</summary>
    internal static bool TryParseBoolean(ReadOnlySpan<char> text, out bool value)
    {
        switch (text)
        {
            case "true" or "True" or "TRUE":
                value = true;
                return true;
            case "false" or "False" or "FALSE":
                value = false;
                return true;
        }

        value = text.Equals("yes", StringComparison.OrdinalIgnoreCase) || text.Equals("on", StringComparison.OrdinalIgnoreCase);
        return value || text.Equals("no", StringComparison.OrdinalIgnoreCase) || text.Equals("off", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// The most significant digits (leading zeros not counted) of an integer that is read, in any base: 4 300, Python's
    /// default limit for the same reason. Converting digits into a big integer costs time quadratic in their number (a
    /// million digits take minutes); 4 300 decimal digits hold any number a config needs (a 128-bit seed has 39) and
    /// convert in microseconds. A longer integer is not read: a fixed-size field reports it out of range, a big integer
    /// field reports the limit, a float field reads it as the infinity it overflows to.
    /// </summary>
    public const int MaxIntegerDigits = 4300;

    /// <summary>
    /// Parses an integer: decimal with an optional sign, or <c>0x</c>/<c>0o</c>/<c>0b</c> prefixed, of at most
    /// <see cref="MaxIntegerDigits"/> significant digits (a longer one returns <see langword="false"/>). A single
    /// <c>_</c> may separate two digits (or follow the base prefix), as in Python's <c>int(text, 0)</c>: <c>100_000</c>,
    /// <c>0x_ff</c>; <c>_1</c>, <c>1_</c> and <c>1__0</c> are not integers.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="value">The value.</param>
    public static bool TryParseInteger(string text, out BigInteger value)
    {
        value = BigInteger.Zero;
        ArgumentNullException.ThrowIfNull(text);
        if (!TryMeasureInteger(text, out var shape) || shape.Digits > MaxIntegerDigits)
        {
            return false;
        }

        // Digits accumulate in a machine word while they fit, and in a big integer only beyond (no big-integer
        // arithmetic for the integers configs hold). The digits were checked by the measure.
        const ulong WordLimit = (ulong.MaxValue - 15) / 16;
        var radix = shape.Radix;
        ulong word = 0;
        var isBig = false;
        foreach (var c in text.AsSpan(shape.Start))
        {
            if (c == '_')
            {
                continue;
            }

            var digit = DigitValue(c);
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

        if (shape.Negative)
        {
            value = -value;
        }

        return true;
    }

    /// <summary>
    /// Reads the shape of an integer as <see cref="TryParseInteger"/> accepts it (sign, base, digits) without its value,
    /// in one pass that costs time linear in the text and no allocation: whether it is an integer at all, and how many
    /// significant digits it has, which bounds its magnitude before any conversion.
    /// </summary>
    internal static bool TryMeasureInteger(ReadOnlySpan<char> text, out IntegerShape shape)
    {
        shape = default;
        var negative = false;
        var start = 0;
        if (text.Length > 0 && text[0] is '+' or '-')
        {
            negative = text[0] == '-';
            start = 1;
        }

        var radix = 10;
        if (text.Length - start > 2 && text[start] == '0' && text[start + 1] is 'x' or 'X' or 'o' or 'O' or 'b' or 'B')
        {
            radix = text[start + 1] is 'x' or 'X' ? 16 : text[start + 1] is 'o' or 'O' ? 8 : 2;
            start += 2;
        }

        if (start == text.Length)
        {
            return false;
        }

        // Every character a digit of the base or a separator; the significant digits start at the first non-zero one and
        // the separators are not counted (skipped here and in TryParseInteger). A separator stands between two digits,
        // or right after a base prefix (Python's 0x_ff): so never first (unless prefixed), last, or doubled.
        var first = text.Length;
        var separators = 0;
        for (var i = start; i < text.Length; i++)
        {
            if (text[i] == '_')
            {
                if ((i == start && radix == 10) || i + 1 == text.Length || text[i + 1] == '_')
                {
                    return false;
                }

                separators += first == text.Length ? 0 : 1;
                continue;
            }

            var digit = DigitValue(text[i]);
            if (digit >= radix)
            {
                return false;
            }

            if (digit != 0 && first == text.Length)
            {
                first = i;
            }
        }

        shape = new IntegerShape(radix, negative, text.Length - first - separators, first);
        return true;
    }

    /// <summary>The value of a digit in bases up to 16, or 99 for a character that is none.</summary>
    private static int DigitValue(char c) =>
        c is >= '0' and <= '9' ? c - '0' : c is >= 'a' and <= 'f' ? c - 'a' + 10 : c is >= 'A' and <= 'F' ? c - 'A' + 10 : 99;

    /// <summary>
    /// Parses a decimal integer of at most 18 digits with an optional sign and single <c>_</c> separators between digits
    /// (<c>100_000</c>), which always fits a long: what <see cref="TryParseInteger"/> reads from such text, without a big
    /// integer or a string. Any other text is left to it.
    /// </summary>
    internal static bool TryParseShortDecimal(ReadOnlySpan<char> text, out long value)
    {
        value = 0;
        var span = text;
        var negative = false;
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            negative = span[0] == '-';
            span = span[1..];
        }

        if (span.Length == 0)
        {
            return false;
        }

        // Stops at the 19th digit, so a long text costs no more than a short one.
        long result = 0;
        var digits = 0;
        for (var i = 0; i < span.Length; i++)
        {
            var c = span[i];
            if (c == '_' && i > 0 && i + 1 < span.Length && char.IsAsciiDigit(span[i - 1]) && char.IsAsciiDigit(span[i + 1]))
            {
                continue;
            }

            if (!char.IsAsciiDigit(c) || ++digits > 18)
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
        var decimalText = text.Contains('_') ? WithoutSeparators(text) : text;
        if (decimalText is null || !IsDecimalNumber(decimalText))
        {
            if (!TryMeasureInteger(text, out var shape))
            {
                return false;
            }

            // More than MaxIntegerDigits significant digits, in any base, is more than 2^4299: the infinity that the
            // conversion of the big integer would give, found without the conversion (quadratic in the digits).
            if (shape.Digits > MaxIntegerDigits)
            {
                value = shape.Negative ? double.NegativeInfinity : double.PositiveInfinity;
                return true;
            }

            _ = TryParseInteger(text, out var big);
            value = (double)big;
            return true;
        }

        return double.TryParse(decimalText, NumberStyles.Float, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>
    /// The text of a decimal number without its digit separators, as Python's <c>float()</c> takes them (<c>1_0e1_0</c>
    /// is <c>10e10</c>: each <c>_</c> between two decimal digits), or <see langword="null"/> when one is elsewhere.
    /// </summary>
    private static string? WithoutSeparators(string text)
    {
        for (var i = text.IndexOf('_'); i >= 0; i = text.IndexOf('_', i + 1))
        {
            if (i == 0 || i + 1 == text.Length || !char.IsAsciiDigit(text[i - 1]) || !char.IsAsciiDigit(text[i + 1]))
            {
                return null;
            }
        }

        return text.Replace("_", string.Empty, StringComparison.Ordinal);
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
