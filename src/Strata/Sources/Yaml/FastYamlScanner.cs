using System.Buffers;
using System.Globalization;
using System.Text;

namespace Strata.Sources.Yaml;

/// <summary>
/// The lexical half of the fast YAML reader (<see cref="FastYamlTreeBuilder"/>): the lines of the text, their
/// indentation, and one-line plain and quoted scalars. Every method answers "give up" (-1 or <see langword="false"/>)
/// where YamlDotNet might read the text otherwise; the builder then leaves the document to YamlDotNet.
/// </summary>
internal abstract class FastYamlScanner
{
    /// <summary>YamlDotNet refuses an implicit key longer than 1024 characters; give up well before.</summary>
    protected const int MaxImplicitKeyLength = 1000;

    /// <summary>Printable ASCII and the line feed: the characters that need no second look.</summary>
    private static readonly SearchValues<char> s_ordinary = SearchValues.Create(
        "\n !\"#$%&'()*+,-./0123456789:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~");

    /// <summary>Characters that end a plain scalar (or make the reader give up) in a flow collection.</summary>
    private static readonly SearchValues<char> s_flowPlainStop = SearchValues.Create(",[]{}:#*");

    /// <summary>Characters that may end a plain scalar (or make the reader give up) in block context.</summary>
    private static readonly SearchValues<char> s_blockPlainStop = SearchValues.Create(":#*");

    /// <summary>The escapes of double-quoted scalars written with one letter, and the characters they stand for.</summary>
    private const string EscapeLetters = "0abtnvfre \"/\\N_LP";
    private const string EscapedCharacters = "\0\a\b\t\n\v\f\r\u001B \"/\\\u0085\u00A0\u2028\u2029";

    private StringBuilder? _buffer;

    protected FastYamlScanner(string text)
    {
        Text = text;
    }

    protected string Text { get; }

    // The current content line: where it starts and ends (before its line break), its 1-based number, its indentation
    // (-1 at the end of the text) and where the next line starts.
    protected int LineStart { get; set; }

    protected int LineEnd { get; set; }

    protected int LineNumber { get; set; }

    protected int Indent { get; set; }

    protected int NextLine { get; set; }

    /// <summary>
    /// The index of the first character of <paramref name="span"/> outside YAML's printable set (a valid surrogate pair
    /// is one printable character), or -1. With <paramref name="simple"/>, also of the first one that the fast reader
    /// leaves to YamlDotNet: a tab, a <c>\r</c> not before a line feed, and what YAML reads as a break or a mark
    /// (U+0085, U+2028, U+2029, U+FEFF).
    /// </summary>
    internal static int FindNonPrintable(ReadOnlySpan<char> span, bool simple)
    {
        var i = span.IndexOfAnyExcept(s_ordinary);
        while (i >= 0)
        {
            var c = span[i];
            var pair = char.IsHighSurrogate(c) && i + 1 < span.Length && char.IsLowSurrogate(span[i + 1]);
            var printable = c is '\t' or '\r' or '\u0085' or (>= '\u00A0' and <= '\uD7FF') or (>= '\uE000' and <= '\uFFFD') || pair;
            if (!printable || (simple && (c is '\t' or '\u0085' or '\u2028' or '\u2029' or '\uFEFF' || (c == '\r' && (i + 1 == span.Length || span[i + 1] != '\n')))))
            {
                return i;
            }

            var from = i + (pair ? 2 : 1);
            var next = span[from..].IndexOfAnyExcept(s_ordinary);
            i = next < 0 ? -1 : from + next;
        }

        return -1;
    }

    /// <summary>Whether a plain scalar is a null: empty, <c>~</c>, or a null word.</summary>
    internal static bool IsNullWord(ReadOnlySpan<char> text) => text is "" or "~" or "null" or "Null" or "NULL";

    /// <summary>
    /// Moves to the next line that holds more than spaces and a comment; <see cref="Indent"/> is -1 at the end of the
    /// text. Returns <see langword="false"/> (give up) on a document marker line, unless <paramref name="allowMarker"/>.
    /// </summary>
    protected bool NextContentLine(bool allowMarker)
    {
        while (NextLine <= Text.Length)
        {
            LineStart = NextLine;
            LineNumber++;
            var newLine = Text.IndexOf('\n', LineStart);
            if (newLine < 0)
            {
                LineEnd = Text.Length;
                NextLine = Text.Length + 1;
            }
            else
            {
                LineEnd = newLine > LineStart && Text[newLine - 1] == '\r' ? newLine - 1 : newLine;
                NextLine = newLine + 1;
            }

            var first = SkipSpaces(LineStart);
            if (first == LineEnd || Text[first] == '#')
            {
                continue;
            }

            Indent = first - LineStart;
            return allowMarker || Indent > 0 || !StartsWithMarker(LineStart);
        }

        LineStart = LineEnd = Text.Length;
        Indent = -1;
        return true;
    }

    /// <summary>Whether the line starts with <c>---</c> or <c>...</c> (a marker, or a plain scalar too close to one).</summary>
    protected bool StartsWithMarker(int start) =>
        start + 3 <= LineEnd && Text[start] is '-' or '.' && Text[start + 1] == Text[start] && Text[start + 2] == Text[start];

    protected int SkipSpaces(int i)
    {
        while (i < LineEnd && Text[i] == ' ')
        {
            i++;
        }

        return i;
    }

    protected int TrimEnd(int start, int end)
    {
        while (end > start && Text[end - 1] == ' ')
        {
            end--;
        }

        return end;
    }

    protected bool IsBlockEntry(int start) => Text[start] == '-' && (start + 1 == LineEnd || Text[start + 1] == ' ');

    /// <summary>
    /// Whether a plain scalar may start at <paramref name="start"/>: not an indicator, not a space, and a <c>-</c> only
    /// before a letter, a digit or a dot (<c>-1</c>, <c>-x</c>, <c>-.inf</c>).
    /// </summary>
    protected bool IsPlainStart(int start)
    {
        var c = Text[start];
        if (c == '-')
        {
            return start + 1 < LineEnd && (char.IsAsciiLetterOrDigit(Text[start + 1]) || Text[start + 1] == '.');
        }

        return c is not (' ' or '?' or ':' or ',' or '[' or ']' or '{' or '}' or '#' or '&' or '*' or '!' or '|' or '>' or '\'' or '"' or '%' or '@' or '`');
    }

    /// <summary>Whether a block mapping key (<c>key:</c> followed by a space or the end of the line) starts at <paramref name="start"/>.</summary>
    protected bool IsKey(int start)
    {
        if (Text[start] is '"' or '\'')
        {
            var end = ReadQuoted(start, null);
            var colon = end < 0 ? LineEnd : SkipSpaces(end);
            return colon < LineEnd && Text[colon] == ':' && (colon + 1 == LineEnd || Text[colon + 1] == ' ');
        }

        return IsPlainStart(start) && ScanPlainBlock(start, out var isKey) >= 0 && isKey;
    }

    /// <summary>
    /// Scans a plain scalar in block context from <paramref name="start"/> to where it stops: a <c>:</c> followed by a
    /// space or the end of the line (<paramref name="isKey"/>), a <c>#</c> after a space, or the end of the line.
    /// Returns -1 (give up) at a <c>*</c> after a space: from there on, YamlDotNet no longer ends the scalar at a
    /// <c>: </c> (<c>a *b: 1</c> is one scalar to it, a mapping to YAML 1.2).
    /// </summary>
    protected int ScanPlainBlock(int start, out bool isKey)
    {
        isKey = false;
        var i = start + 1;
        while (i < LineEnd)
        {
            var found = Text.AsSpan(i, LineEnd - i).IndexOfAny(s_blockPlainStop);
            if (found < 0)
            {
                break;
            }

            i += found;
            switch (Text[i])
            {
                case ':' when i + 1 == LineEnd || Text[i + 1] == ' ':
                    isKey = true;
                    return i;
                case '#' when Text[i - 1] == ' ':
                    return i;
                case '*' when Text[i - 1] == ' ':
                    return -1;
            }

            i++;
        }

        return LineEnd;
    }

    /// <summary>
    /// Scans a plain scalar in a flow collection from <paramref name="start"/> to its end: a <c>,</c>, <c>]</c> or
    /// <c>}</c>, or a <c>:</c> followed by a space. Returns -1 (give up) at the end of the line, at a <c>[</c>,
    /// <c>{</c> or <c>#</c>, at a <c>:</c> followed by anything else, and at a <c>*</c> after a space.
    /// </summary>
    protected int ScanPlainFlow(int start)
    {
        var i = start + 1;
        while (i < LineEnd)
        {
            var found = Text.AsSpan(i, LineEnd - i).IndexOfAny(s_flowPlainStop);
            if (found < 0)
            {
                return -1;
            }

            i += found;
            switch (Text[i])
            {
                case ',' or ']' or '}':
                    return i;
                case ':':
                    return i + 1 < LineEnd && Text[i + 1] == ' ' ? i : -1;
                case '*' when Text[i - 1] != ' ':
                    i++;
                    continue;
                default:
                    return -1;
            }
        }

        return -1;
    }

    /// <summary>A single- or double-quoted scalar on one line; <paramref name="end"/> is past its closing quote.</summary>
    protected bool ParseQuoted(int start, out string value, out int end)
    {
        value = string.Empty;
        end = ReadQuoted(start, null);
        if (end < 0)
        {
            return false;
        }

        // Without an escape or a doubled quote, the text is what stands between the quotes.
        var inner = Text.AsSpan(start + 1, end - start - 2);
        if (inner.IndexOf(Text[start] == '"' ? '\\' : '\'') < 0)
        {
            value = inner.ToString();
            return true;
        }

        var buffer = _buffer ??= new StringBuilder();
        buffer.Clear();
        ReadQuoted(start, buffer);
        value = buffer.ToString();
        return true;
    }

    /// <summary>
    /// The end of the quoted scalar that starts at <paramref name="start"/> (past its closing quote), or -1 (give up);
    /// its text goes to <paramref name="buffer"/> unless that is <see langword="null"/>.
    /// </summary>
    private int ReadQuoted(int start, StringBuilder? buffer)
    {
        var quote = Text[start];
        var i = start + 1;
        while (true)
        {
            var found = quote == '"' ? Text.AsSpan(i, LineEnd - i).IndexOfAny('"', '\\') : Text.AsSpan(i, LineEnd - i).IndexOf('\'');
            if (found < 0)
            {
                return -1;
            }

            var at = i + found;
            buffer?.Append(Text, i, at - i);
            if (quote == '\'' || Text[at] == '"')
            {
                // A doubled single quote stands for one.
                if (quote == '"' || at + 1 >= LineEnd || Text[at + 1] != '\'')
                {
                    return at + 1;
                }

                buffer?.Append('\'');
                i = at + 2;
                continue;
            }

            // An escape; a backslash at the end of the line folds the scalar onto the next one (give up).
            if (at + 1 >= LineEnd)
            {
                return -1;
            }

            var letter = Text[at + 1];
            i = at + 2;
            if (EscapeLetters.IndexOf(letter, StringComparison.Ordinal) is var simple and >= 0)
            {
                buffer?.Append(EscapedCharacters[simple]);
                continue;
            }

            // Unknown escapes, surrogates (even a pair written as two escapes) and values past Unicode: YamlDotNet's business.
            var digits = letter switch { 'x' => 2, 'u' => 4, 'U' => 8, _ => 0 };
            if (digits == 0 || i + digits > LineEnd || !uint.TryParse(Text.AsSpan(i, digits), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out var code)
                || code is (>= 0xD800 and <= 0xDFFF) or > 0x10FFFF)
            {
                return -1;
            }

            buffer?.Append(char.ConvertFromUtf32((int)code));
            i += digits;
        }
    }
}
