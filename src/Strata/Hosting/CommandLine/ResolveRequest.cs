using Strata.Sources;

namespace Strata.Hosting;

/// <summary>
/// What a resolving verb read from its command line (<see cref="ResolveInputs.Read(System.CommandLine.ParseResult)"/>): the kind, the config files and
/// the overrides in order, and the options of <c>--lenient</c> and <c>--warnings-as-errors</c> with the host's
/// environment and services. <see cref="HostVerbContext.TryResolve"/> resolves it as the config verbs do.
/// </summary>
public sealed class ResolveRequest
{
    internal ResolveRequest(string kind, IReadOnlyList<string> files, IReadOnlyList<string> overrides, ResolveOptions options, IReadOnlyList<ArgumentPlace?>? overridePlaces = null)
    {
        Kind = kind;
        Files = files;
        Overrides = overrides;
        Options = options;
        OverridePlaces = overridePlaces;
    }

    /// <summary>The name of the kind to resolve, one the host registered.</summary>
    public string Kind { get; }

    /// <summary>The config files (<c>-c FILE</c>), lowest precedence first.</summary>
    public IReadOnlyList<string> Files { get; }

    /// <summary>The <c>key.path=value</c> overrides, in order.</summary>
    public IReadOnlyList<string> Overrides { get; }

    /// <summary>The resolve options.</summary>
    public ResolveOptions Options { get; }

    /// <summary>
    /// For each override, the response file line it was read from (<see langword="null"/> for a typed one); null when
    /// every override was typed.
    /// </summary>
    internal IReadOnlyList<ArgumentPlace?>? OverridePlaces { get; }
}
