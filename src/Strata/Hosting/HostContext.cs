namespace Strata.Hosting;

/// <summary>Everything one invocation of a host needs: the host's settings, its kinds, the streams and the raw arguments.</summary>
internal sealed class HostContext(ConfigHost host, IReadOnlyList<HostedKind> kinds, HostConsole console, IReadOnlyList<string> arguments)
{
    public ConfigHost Host { get; } = host;

    public IReadOnlyList<HostedKind> Kinds { get; } = kinds;

    public HostConsole Console { get; } = console;

    /// <summary>The arguments as given, before response files are expanded.</summary>
    public IReadOnlyList<string> Arguments { get; } = arguments;

    public DiagnosticPrinter Printer => new(Console);

    public HostedKind FindKind(string name) =>
        Kinds.FirstOrDefault(k => string.Equals(k.Name, name, StringComparison.Ordinal))
        ?? throw new UsageException("unknown kind " + MessageText.Quoted(name) + "; the kinds are: " + string.Join(", ", Kinds.Select(static k => k.Name)));
}
