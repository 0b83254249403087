namespace Strata.Hosting.CommandLine;

/// <summary>The two output streams of a host and whether the error stream gets colour.</summary>
internal sealed class HostConsole(TextWriter output, TextWriter error, bool useColor)
{
    /// <summary>Receives the requested document, and nothing else.</summary>
    public TextWriter Output { get; } = output;

    /// <summary>Receives diagnostics and messages.</summary>
    public TextWriter Error { get; } = error;

    /// <summary>Whether the error stream gets ANSI colours.</summary>
    public bool UseColor { get; } = useColor;

    /// <summary>
    /// Colour on the error stream only when it is a terminal, <c>NO_COLOR</c> is unset or empty (https://no-color.org)
    /// and <c>TERM</c> is not <c>dumb</c>.
    /// </summary>
    public static bool DetectColor() =>
        !Console.IsErrorRedirected
        && string.IsNullOrEmpty(System.Environment.GetEnvironmentVariable("NO_COLOR"))
        && !string.Equals(System.Environment.GetEnvironmentVariable("TERM"), "dumb", StringComparison.Ordinal);
}
