using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace Strata.Robustness.Tests.Infrastructure;

/// <summary>Assertions shared by the robustness tests.</summary>
internal static partial class Expect
{
    /// <summary>Bad input never shows the program's insides: no stack frame, no exception type, no runtime namespace.</summary>
    public static void NoStackTrace(string text)
    {
        Assert.DoesNotContain("   at ", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Unhandled", text, StringComparison.Ordinal);
        Assert.DoesNotMatch(ExceptionName(), text);
        Assert.DoesNotContain("System.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("YamlDotNet", text, StringComparison.Ordinal);
        Assert.DoesNotContain("current state of the object", text, StringComparison.Ordinal);
    }

    /// <summary>
    /// No raw control character on a stream, and no raw format character (a right-to-left override, a zero-width
    /// space) that would reorder or hide what it shows: each line of the error stream is one diagnostic, a count, a usage
    /// line or a help hint, and a value in a document or a table is written with its escapes.
    /// </summary>
    public static void PrintableLines(string text, string stream = "error")
    {
        foreach (var rune in text.EnumerateRunes())
        {
            Assert.False(rune.Value < ' ' && rune.Value != '\n', "the " + stream + " stream holds the control character U+" + rune.Value.ToString("X4"));
            Assert.False(Rune.GetUnicodeCategory(rune) == UnicodeCategory.Format, "the " + stream + " stream holds the format character U+" + rune.Value.ToString("X4"));
        }
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*Exception\b")]
    private static partial Regex ExceptionName();
}
