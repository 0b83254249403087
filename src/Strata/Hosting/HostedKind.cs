using Strata.Schema;
using Strata.Sources;

namespace Strata.Hosting;

/// <summary>
/// A registered kind, without its type parameter: the resolver and the run action are captured as closed generic
/// lambdas when the kind is added, so the verbs never need reflection (NativeAOT-safe).
/// </summary>
internal sealed class HostedKind
{
    private readonly Func<ResolveRequest, ResolveOutcome> _resolve;
    private readonly Func<ResolvedView, CancellationToken, Task<int>>? _run;

    private HostedKind(string name, string description, ConfigTypeInfo typeInfo, Func<ResolveRequest, ResolveOutcome> resolve, Func<ResolvedView, CancellationToken, Task<int>>? run)
    {
        Name = name;
        Description = description;
        TypeInfo = typeInfo;
        _resolve = resolve;
        _run = run;
    }

    /// <summary>The name used on the command line.</summary>
    public string Name { get; }

    /// <summary>The one-line description.</summary>
    public string Description { get; }

    /// <summary>The schema of the root config class.</summary>
    public ConfigTypeInfo TypeInfo { get; }

    /// <summary>Whether the kind has a run action.</summary>
    public bool CanRun => _run is not null;

    public static HostedKind Create<T>(string name, string description, Func<Resolved<T>, CancellationToken, Task<int>>? run)
        where T : ConfigObject, IConfig<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        if (name.StartsWith('-') || name.Contains('=', StringComparison.Ordinal) || name.Any(char.IsWhiteSpace))
        {
            throw new ArgumentException("A kind name cannot start with '-' or hold '=' or spaces: '" + name + "'.", nameof(name));
        }

        Func<ResolvedView, CancellationToken, Task<int>>? action = run is null
            ? null
            : (view, token) => run(((ResolvedView<T>)view).Resolved, token);
        return new HostedKind(name, description, T.TypeInfo, static request => Resolve<T>(request), action);
    }

    /// <summary>Resolves the kind's config from files and overrides.</summary>
    public ResolveOutcome Resolve(ResolveRequest request) => _resolve(request);

    /// <summary>Starts the run action on a resolved config of this kind.</summary>
    public Task<int> RunAsync(ResolvedView resolved, CancellationToken cancellationToken) =>
        _run is null ? throw new InvalidOperationException("The kind '" + Name + "' has no run action.") : _run(resolved, cancellationToken);

    private static ResolveOutcome Resolve<T>(ResolveRequest request)
        where T : ConfigObject, IConfig<T>
    {
        var resolver = new ConfigResolver<T>(request.Options);
        foreach (var file in request.Files)
        {
            resolver.AddFile(file);
        }

        for (var i = 0; i < request.Overrides.Count; i++)
        {
            resolver.AddOverride(request.Overrides[i], request.OverridePlaces?[i]);
        }

        var read = new List<string>();
        using (FilesRead.Record(read))
        {
            return resolver.TryResolve(out var resolved, out var diagnostics)
                ? new ResolveOutcome(new ResolvedView<T>(resolved), diagnostics, read)
                : new ResolveOutcome(null, diagnostics, read);
        }
    }
}
