using System.Globalization;

namespace Strata.Resolution;

/// <summary>
/// How an integer is written in an environment variable: ASCII decimal digits with an optional sign, as launchers write
/// them (torchrun's <c>WORLD_SIZE</c>, <c>RANK</c>, <c>LOCAL_RANK</c>) and as Python's <c>int()</c> reads them, leading
/// zeros included (<c>08</c> is 8, <c>+8</c> is 8). Not the forms a config file accepts for an integer field: no
/// <c>0x</c>/<c>0o</c>/<c>0b</c> prefix, no <c>_</c> between digits, no spaces around, no exponent. A launcher never
/// writes them, so a value in such a form is a mistake worth stopping on, not a number to guess.
/// </summary>
internal static class EnvironmentInteger
{
    /// <summary>
    /// The most digits read: more than any fixed-size integer holds (a 128-bit one has 39), so that a longer value is
    /// refused before it is parsed, and a message never quotes more than this.
    /// </summary>
    public const int MaxDigits = 64;

    /// <summary>Whether <paramref name="text"/> is an integer in the form above.</summary>
    public static bool IsDecimal(string text)
    {
        var span = text.AsSpan();
        if (span.Length > 0 && span[0] is '+' or '-')
        {
            span = span[1..];
        }

        if (span.Length is 0 or > MaxDigits)
        {
            return false;
        }

        foreach (var c in span)
        {
            if (!char.IsAsciiDigit(c))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Reads an <see cref="int"/>: <see langword="false"/> when the text is not an integer in the form above or is out of range.</summary>
    public static bool TryParseInt32(string text, out int value)
    {
        value = 0;
        return IsDecimal(text) && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out value);
    }

    /// <summary>The message for a value that is not an integer in the form above.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="text">Its value, quoted in part when long.</param>
    public static string NotDecimal(string name, string text) =>
        "environment variable " + name + " must be a decimal integer (ASCII digits with an optional sign, as a launcher writes it), got " + MessageText.Quoted(text);

    /// <summary>The message for an integer out of the range of <see cref="int"/>.</summary>
    /// <param name="name">The variable.</param>
    /// <param name="text">Its value (at most <see cref="MaxDigits"/> digits: it was read).</param>
    public static string OutOfRange(string name, string text) =>
        string.Create(CultureInfo.InvariantCulture, $"environment variable {name}={text} is out of range for int ({int.MinValue}..{int.MaxValue})");
}
