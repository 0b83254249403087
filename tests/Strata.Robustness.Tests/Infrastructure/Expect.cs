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
    /// No raw control character on a stream: each line of the error stream is one diagnostic, a count, a usage line or a
    /// help hint, and a value in a document or a table is written with its escapes.
    /// </summary>
    public static void PrintableLines(string text, string stream = "error")
    {
        foreach (var c in text)
        {
            Assert.False(c < ' ' && c != '\n', "the " + stream + " stream holds the control character U+" + ((int)c).ToString("X4"));
        }
    }

    [GeneratedRegex(@"\b[A-Z][A-Za-z]*Exception\b")]
    private static partial Regex ExceptionName();
}
