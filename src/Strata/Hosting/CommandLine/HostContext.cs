namespace Strata.Hosting.CommandLine;

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

    public DiagnosticPrinter Printer => new(Console);

    /// <summary>The kind of that name; an unknown one is a usage error.</summary>
    public HostedKind FindKind(string name) =>
        TryFindKind(name) ?? throw new UsageException("unknown kind " + MessageText.Quoted(name) + "; the kinds are: " + string.Join(", ", HostedKind.Names(Kinds)));

    /// <summary>The kind of that name, or null (a completion request names no kind yet, or a wrong one).</summary>
    public HostedKind? TryFindKind(string name)
    {
        foreach (var kind in Kinds)
        {
            if (string.Equals(kind.Name, name, StringComparison.Ordinal))
            {
                return kind;
            }
        }

        return null;
    }
}
