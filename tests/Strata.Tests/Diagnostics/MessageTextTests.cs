namespace Strata.Tests.Diagnostics;

/// <summary>The one way a message quotes an input: cut, with its length said; and the one way a line is made printable.</summary>
public sealed class MessageTextTests
{
    [Fact]
    public void A_short_input_is_quoted_as_it_is()
    {
        Assert.Equal("'abc'", MessageText.Quoted("abc"));
        Assert.Equal("`abc`", MessageText.Quoted("abc", '`', '`'));
        Assert.Equal("abc", MessageText.Bounded("abc"));
        Assert.Equal("'" + new string('x', MessageText.MaxShownLength) + "'", MessageText.Quoted(new string('x', MessageText.MaxShownLength)));
    }

    [Fact]
    public void A_long_input_is_cut_and_its_length_said()
    {
        var text = new string('x', 1_000_000);
        Assert.Equal("'" + new string('x', MessageText.MaxShownLength) + "…' (1000000 characters)", MessageText.Quoted(text));
        Assert.Equal(new string('x', MessageText.MaxShownLength) + "… (1000000 characters)", MessageText.Bounded(text));
        Assert.Equal(new string('x', MessageText.MaxMessageLength) + "… (1000000 characters)", MessageText.Capped(text));
    }

    [Fact]
    public void A_cut_never_splits_a_surrogate_pair()
    {
        var text = new string('x', MessageText.MaxShownLength - 1) + "\U0001F600" + new string('y', 10);
        var shown = MessageText.Bounded(text);
        Assert.StartsWith(new string('x', MessageText.MaxShownLength - 1) + "… (", shown, StringComparison.Ordinal);
    }

    [Fact]
    public void Control_characters_are_escaped_where_a_line_is_printed_and_nowhere_else()
    {
        Assert.Equal("'a\nb'", MessageText.Quoted("a\nb"));
        Assert.Equal("a\\nb\\r\\t\\u001b[31m\\u0085", MessageText.Printable("a\nb\r\t\u001b[31m\u0085"));
        Assert.Same("plain", MessageText.Printable("plain"));
    }

    [Fact]
    public void Format_characters_are_escaped_as_control_characters_are_and_other_text_is_left_as_it_is()
    {
        Assert.Equal(
            "txt\\u202eexe \\u200b\\u200f\\u2066\\u2069\\ufeff\\u00ad tag\\U000e0001",
            MessageText.Printable("txt\u202eexe \u200b\u200f\u2066\u2069\ufeff\u00ad tag\U000E0001"));
        Assert.Equal("'\u202e'", MessageText.Quoted("\u202e"));
        const string Unicode = "caf\u00e9 \u2192 \u4e2d \U0001F600 \u00a0";
        Assert.Same(Unicode, MessageText.Printable(Unicode));
    }

    [Fact]
    public void A_list_shows_its_first_names_and_how_many_more()
    {
        Assert.Equal("a, b", MessageText.List(["a", "b"]));
        var many = Enumerable.Range(0, 25).Select(static i => "k" + i).ToList();
        Assert.Equal(string.Join(", ", many.Take(MessageText.MaxListedItems)) + ", … (5 more)", MessageText.List(many));
        Assert.Equal("'" + new string('k', MessageText.MaxShownLength) + "…' (300 characters)", MessageText.List([new string('k', 300)], quote: true));
    }

    [Fact]
    public void A_library_message_gets_each_long_quoted_span_cut_and_is_capped()
    {
        var token = new string('m', 5000);
        Assert.Equal(
            "'" + new string('m', MessageText.MaxShownLength) + "… (5000 characters)' is an invalid JSON literal. Expected the literal 'false'",
            MessageText.OfLibrary("'" + token + "' is an invalid JSON literal. Expected the literal 'false'"));
        Assert.Equal("'short' is fine", MessageText.OfLibrary("'short' is fine"));

        // A quote inside the input pairs the quotes wrongly: the long run is cut all the same.
        Assert.Equal("''ng': {" + new string('i', MessageText.MaxShownLength - 3) + "… (5003 characters)' is invalid", MessageText.OfLibrary("''ng': {" + new string('i', 5000) + "' is invalid"));
        var many = string.Concat(Enumerable.Repeat(new string('m', MessageText.MaxShownLength) + "'", 300));
        Assert.Equal(many[..MessageText.MaxMessageLength] + "… (" + many.Length.ToString(System.Globalization.CultureInfo.InvariantCulture) + " characters)", MessageText.OfLibrary(many));
    }

    [Fact]
    public void A_diagnostic_line_is_bounded_whatever_its_path_location_and_message()
    {
        var huge = new string('z', 1_000_000);
        var diagnostic = new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.ConfigRule, huge, Origin.InFile(huge, 1, 2), huge);

        var line = diagnostic.ToString();

        Assert.True(line.Length < (2 * MessageText.MaxMessageLength) + MessageText.MaxShownLength + 200, "a line of " + line.Length);
        Assert.Contains(": error STR0112: " + new string('z', MessageText.MaxShownLength) + "… (1000000 characters): ", line, StringComparison.Ordinal);
    }

    [Fact]
    public void A_value_shortened_for_a_column_keeps_its_length_with_the_ellipsis_and_never_splits_a_surrogate_pair()
    {
        Assert.Equal("short", MessageText.Shortened("short", 10));
        Assert.Equal("abcdefghi…", MessageText.Shortened("abcdefghijklmnop", 10));

        // An emoji (two UTF-16 halves) across the cut is left out whole, not halved.
        var shortened = MessageText.Shortened("abcdefgh\U0001F600xyz", 10);
        Assert.Equal("abcdefgh…", shortened);
        Assert.False(char.IsHighSurrogate(shortened[^2]));
    }
}
