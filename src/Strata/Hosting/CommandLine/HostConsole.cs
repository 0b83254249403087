namespace Strata.Hosting.CommandLine;

/// <summary>The two output streams of a host (the document alone on <see cref="Output"/>) and whether the error stream gets colour.</summary>
internal sealed record HostConsole(TextWriter Output, TextWriter Error, bool UseColor)
{
    /// <summary>
    /// Colour on the error stream only when it is a terminal, <c>NO_COLOR</c> is unset or empty (https://no-color.org)
    /// and <c>TERM</c> is not <c>dumb</c>.
    /// </summary>
    public static bool DetectColor() =>
        !Console.IsErrorRedirected
        && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(System.Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
