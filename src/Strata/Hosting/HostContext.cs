using Strata.Sources;

namespace Strata.Hosting;

/// <summary>
/// Everything one invocation of a host needs: the host's settings, its kinds, the streams, the raw arguments and the
/// arguments with response files expanded.
/// </summary>
internal sealed class HostContext(ConfigHost host, IReadOnlyList<HostedKind> kinds, HostConsole console, IReadOnlyList<string> arguments, CommandLineArguments commandLine)
{
    public ConfigHost Host { get; } = host;

    public IReadOnlyList<HostedKind> Kinds { get; } = kinds;

    public HostConsole Console { get; } = console;

    /// <summary>The arguments as given, before response files are expanded.</summary>
    public IReadOnlyList<string> Arguments { get; } = arguments;

    /// <summary>The arguments with response files expanded, each with its place.</summary>
    public CommandLineArguments CommandLine { get; } = commandLine;

    /// <summary>The response files read (nested ones included): inputs of the command, which no output may replace.</summary>
    public IReadOnlyList<string> ResponseFiles => CommandLine.ResponseFiles;

    public DiagnosticPrinter Printer => new(Console);

    /// <summary>The response file line an argument was read from, or <see langword="null"/> for a typed one.</summary>
    public ArgumentPlace? PlaceOf(string argument) => CommandLine.PlaceOf(argument);

    public HostedKind FindKind(string name) =>
        Kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal))
        ?? throw new UsageException("unknown kind " + MessageText.Quoted(name) + "; the kinds are: " + string.Join(", ", Kinds.Select(static k => k.Name)));
}
