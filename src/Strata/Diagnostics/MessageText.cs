using System.Globalization;
using System.Text;

namespace Strata;

/// <summary>
/// The one way a message shows text that came from the input (a key, a value, a path, a name, a token, an argument):
/// cut to <see cref="MaxShownLength"/> characters, with <c>… (N characters)</c> saying how long it was; and the one
/// way a line is made safe for a terminal when it is written (<see cref="Printable"/>: control characters as escapes,
/// <c>\n</c>, <c>\u001b</c>). So no input, however long or strange, can make a diagnostic long, split it over lines or
/// send escape sequences to a terminal, and a message costs time and memory bounded by the message, never by the input
/// it quotes.
/// </summary>
public static class MessageText
{
    /// <summary>The most characters of an input shown in a message (a longer one is cut, and its length said).</summary>
    public const int MaxShownLength = 200;

    /// <summary>
    /// The most characters of a whole message as a diagnostic prints it (a longer one is cut, and its length said): a
    /// message quotes at most a few bounded inputs, so only one that quotes an input without this class (a program's
    /// hook, a library's exception) can reach it.
    /// </summary>
    public const int MaxMessageLength = 2000;

    /// <summary>The most items of a list shown in a message (<see cref="List"/>).</summary>
    internal const int MaxListedItems = 20;

    /// <summary>
    /// The text in quotes, bounded: <c>'abc'</c>, or <c>'abc…' (1000000 characters)</c> when it is longer than
    /// <see cref="MaxShownLength"/> (the quotes then close what is shown, and the length follows).
    /// </summary>
    /// <param name="text">The input text.</param>
    /// <param name="open">The opening quote (<c>'</c>, <c>`</c>, <c>"</c>).</param>
    /// <param name="close">The closing quote.</param>
    public static string Quoted(string text, char open = '\'', char close = '\'')
    {
        ArgumentNullException.ThrowIfNull(text);
        var sb = new StringBuilder(Math.Min(text.Length, MaxShownLength) + 32);
        AppendQuoted(sb, text, open, close);
        return sb.ToString();
    }

    /// <summary>The text bounded, without quotes: <c>abc</c>, or <c>abc… (1000000 characters)</c>.</summary>
    /// <param name="text">The input text (a path, a number as written).</param>
    public static string Bounded(string text) => Cut(text, MaxShownLength);

    /// <summary>A whole message bounded by <see cref="MaxMessageLength"/> (the last guard of what is printed).</summary>
    /// <param name="message">The message.</param>
    internal static string Capped(string message) => Cut(message, MaxMessageLength);

    /// <summary>
    /// Names joined by <c>, </c>, each <see cref="Quoted"/> when <paramref name="quote"/> is set (else bounded), at most
    /// <see cref="MaxListedItems"/> of them and as many as fit in a few shown lengths, then <c>… (N more)</c>.
    /// </summary>
    /// <param name="items">The names, in order.</param>
    /// <param name="quote">Whether to quote each name.</param>
    internal static string List(IEnumerable<string> items, bool quote = false)
    {
        ArgumentNullException.ThrowIfNull(items);
        var sb = new StringBuilder();
        var count = 0;
        var shown = 0;
        foreach (var item in items)
        {
            if (count == shown && count < MaxListedItems && sb.Length < 4 * MaxShownLength)
            {
                shown++;
                sb.Append(count == 0 ? string.Empty : ", ").Append(quote ? Quoted(item) : Bounded(item));
            }

            count++;
        }

        if (count > shown)
        {
            sb.Append(", … (").Append((count - shown).ToString(CultureInfo.InvariantCulture)).Append(" more)");
        }

        return sb.ToString();
    }

    /// <summary>
    /// A message written by a library (System.Text.Json, YamlDotNet, System.CommandLine), which quotes the input in single
    /// quotes as it is: every run of text between two quotes (or a quote and an end) longer than
    /// <see cref="MaxShownLength"/> is cut as <see cref="Bounded"/> cuts it, whether the quotes pair as the library meant
    /// or not (the input may hold quotes itself), and the whole is <see cref="Capped"/>.
    /// </summary>
    /// <param name="message">The library's message.</param>
    /// <returns>The message with every long quoted run cut, at most <see cref="MaxMessageLength"/> characters.</returns>
    public static string OfLibrary(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (message.Length <= MaxShownLength)
        {
            return message;
        }

        StringBuilder? sb = null;
        var copied = 0;
        for (var start = 0; start < message.Length;)
        {
            var end = message.IndexOf('\'', start);
            end = end < 0 ? message.Length : end;
            if (end - start > MaxShownLength)
            {
                sb ??= new StringBuilder(MaxMessageLength);
                sb.Append(message, copied, start - copied);
                var shown = AppendCut(sb, message.AsSpan(start, end - start), MaxShownLength);
                AppendLength(sb, end - start, shown);
                copied = end;
            }

            start = end + 1;
        }

        return Capped(sb is null ? message : sb.Append(message, copied, message.Length - copied).ToString());
    }

    /// <summary>
    /// The text with control characters (Unicode category Cc) and format characters (Cf: U+200B-U+200F, U+202A-U+202E,
    /// U+2066-U+2069, U+FEFF, …) written as escapes (<c>\n</c>, <c>\u001b</c>, <c>\u202e</c>, <c>\U000e0001</c> beyond
    /// the BMP): a key or a value quoted in a message can neither break the one-line-per-diagnostic format, send escape
    /// sequences to a terminal, nor reorder or hide what a line shows (a right-to-left override turns <c>txt.exe</c>
    /// into what reads as <c>exe.txt</c>). Text that holds none is returned as it is. Applied to whole lines or cells as
    /// they are written, after the cuts; what is written as data (YAML, JSON) keeps its text exact.
    /// </summary>
    /// <param name="text">The text.</param>
    /// <returns>The text, with every control and format character as an escape.</returns>
    public static string Printable(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (!HasControl(text))
        {
            return text;
        }

        var sb = new StringBuilder(text.Length + 8);
        AppendPrintable(sb, text.AsSpan());
        return sb.ToString();
    }

    /// <summary>
    /// The text cut to at most <paramref name="maxLength"/> characters with <c>…</c> in place of the rest (the ellipsis
    /// counted), never between the halves of a surrogate pair; no length note (a column of a table).
    /// </summary>
    /// <param name="text">The text.</param>
    /// <param name="maxLength">The most characters shown, the ellipsis included (at least 2).</param>
    internal static string Shortened(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var sb = new StringBuilder(maxLength);
        AppendCut(sb, text, maxLength - 1);
        return sb.ToString();
    }

    private static string Cut(string text, int maxLength)
    {
        ArgumentNullException.ThrowIfNull(text);
        if (text.Length <= maxLength)
        {
            return text;
        }

        var sb = new StringBuilder(maxLength + 32);
        var shown = AppendCut(sb, text, maxLength);
        AppendLength(sb, text.Length, shown);
        return sb.ToString();
    }

    private static void AppendQuoted(StringBuilder sb, ReadOnlySpan<char> text, char open, char close)
    {
        sb.Append(open);
        var shown = AppendCut(sb, text, MaxShownLength);
        sb.Append(close);
        AppendLength(sb, text.Length, shown);
    }

    /// <summary>Appends at most <paramref name="maxLength"/> characters of the text, and <c>…</c> if cut; returns how many were shown.</summary>
    private static int AppendCut(StringBuilder sb, ReadOnlySpan<char> text, int maxLength)
    {
        if (text.Length <= maxLength)
        {
            sb.Append(text);
            return text.Length;
        }

        // Never cut between the two halves of a surrogate pair.
        var shown = char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
        sb.Append(text[..shown]).Append('…');
        return shown;
    }

    private static void AppendLength(StringBuilder sb, int length, int shown)
    {
        if (shown < length)
        {
            sb.Append(" (").Append(length.ToString(CultureInfo.InvariantCulture)).Append(" characters)");
        }
    }

    /// <summary>Whether the text holds a character that <see cref="Printable"/> escapes (a control or format character).</summary>
    internal static bool HasControl(string text)
    {
        var span = text.AsSpan();
        if (span.ContainsAnyInRange('\u0000', '\u001f') || span.ContainsAnyInRange('\u007f', '\u009f'))
        {
            return true;
        }

        // Format characters are all beyond ASCII: a line of ASCII (most lines) is checked by the vectorized test alone.
        if (Ascii.IsValid(span))
        {
            return false;
        }

        for (var i = 0; i < span.Length; i++)
        {
            if (IsEscaped(span, i, out var length))
            {
                return true;
            }

            i += length - 1;
        }

        return false;
    }

    /// <summary>
    /// Whether the character (or surrogate pair) at <paramref name="index"/> is written as an escape: a control (Cc) or
    /// format (Cf) character; <paramref name="length"/> is the number of chars it takes (2 for a pair).
    /// </summary>
    private static bool IsEscaped(ReadOnlySpan<char> text, int index, out int length)
    {
        var c = text[index];
        if (char.IsHighSurrogate(c) && index + 1 < text.Length && char.IsLowSurrogate(text[index + 1]))
        {
            length = 2;
            return Rune.GetUnicodeCategory(new Rune(c, text[index + 1])) == UnicodeCategory.Format;
        }

        length = 1;
        return char.GetUnicodeCategory(c) is UnicodeCategory.Control or UnicodeCategory.Format;
    }

    private static void AppendPrintable(StringBuilder sb, ReadOnlySpan<char> text)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (!IsEscaped(text, i, out var length))
            {
                sb.Append(text.Slice(i, length));
            }
            else if (length == 2)
            {
                sb.Append("\\U").Append(char.ConvertToUtf32(c, text[i + 1]).ToString("x8", CultureInfo.InvariantCulture));
            }
            else
            {
                _ = c switch
                {
                    '\n' => sb.Append("\\n"),
                    '\r' => sb.Append("\\r"),
                    '\t' => sb.Append("\\t"),
                    _ => sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture)),
                };
            }

            i += length - 1;
        }
    }
}
