using Strata.Schema;
using Strata.Sources;

namespace Strata.Hosting.CommandLine;

/// <summary>
/// A registered kind, without its type parameter: the resolver and the run action are captured as closed generic
/// lambdas when the kind is added, so the verbs never need reflection (NativeAOT-safe).
/// </summary>
internal sealed class HostedKind
{
    private readonly Func<ResolveRequest, ResolveOutcome> _resolve;
    private readonly SweepFactory _sweep;
    private readonly Func<Resolved, CancellationToken, Task<int>>? _run;
    private readonly Func<ConfigTypeInfo> _typeInfo;

    private HostedKind(string name, string description, Func<ConfigTypeInfo> typeInfo, Func<ResolveRequest, ResolveOutcome> resolve, SweepFactory sweep, Func<Resolved, CancellationToken, Task<int>>? run)
    {
        _sweep = sweep;
        Name = name;
        Description = description;
        _typeInfo = typeInfo;
        _resolve = resolve;
        _run = run;
    }

    public string Name { get; }

    public string Description { get; }

    /// <summary>
    /// The schema of the kind, built on first use: a process builds the tables of the kind it resolves, not those of
    /// every kind the host registers.
    /// </summary>
    public ConfigTypeInfo TypeInfo => _typeInfo();

    public bool CanRun => _run is not null;

    public static HostedKind Create<T>(string name, string description, Func<Resolved<T>, CancellationToken, Task<int>>? run)
        where T : ConfigObject, IConfig<T>
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentNullException.ThrowIfNull(description);
        if (name.StartsWith('-') || name.Contains('=', StringComparison.Ordinal) || HasWhiteSpace(name))
        {
            throw new ArgumentException("A kind name cannot start with '-' or hold '=' or spaces: '" + name + "'.", nameof(name));
        }

        Func<Resolved, CancellationToken, Task<int>>? action = run is null ? null : (resolved, token) => run((Resolved<T>)resolved, token);
        return new HostedKind(name, description, static () => T.TypeInfo, static request => Resolve<T>(request), SweepOf<T>, action);
    }

    public static string[] Names(IReadOnlyList<HostedKind> kinds)
    {
        var names = new string[kinds.Count];
        for (var i = 0; i < names.Length; i++)
        {
            names[i] = kinds[i].Name;
        }

        return names;
    }

    public ResolveOutcome Resolve(ResolveRequest request) => _resolve(request);

    /// <summary>The sweep of a request's overrides over its files (<c>sweep</c>); null with the errors when its grammar is wrong.</summary>
    public Resolution.ISweep? Sweep(ResolveRequest request, bool zip, out List<Diagnostic> errors, out string? zipMismatch) =>
        _sweep(request, zip, out errors, out zipMismatch);

    public Task<int> RunAsync(Resolved resolved, CancellationToken cancellationToken) =>
        _run is null ? throw new InvalidOperationException("The kind '" + Name + "' has no run action.") : _run(resolved, cancellationToken);

    private static bool HasWhiteSpace(string name)
    {
        foreach (var c in name)
        {
            if (char.IsWhiteSpace(c))
            {
                return true;
            }
        }

        return false;
    }

    private delegate Resolution.ISweep? SweepFactory(ResolveRequest request, bool zip, out List<Diagnostic> errors, out string? zipMismatch);

    private static ConfigSweep<T>? SweepOf<T>(ResolveRequest request, bool zip, out List<Diagnostic> errors, out string? zipMismatch)
        where T : ConfigObject, IConfig<T>
    {
        var resolver = new ConfigResolver<T>(request.Options);
        foreach (var file in request.Files)
        {
            resolver.AddFile(file);
        }

        return resolver.Sweep(request.Overrides, request.OverridePlaces, zip, out errors, out zipMismatch);
    }

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
            var ok = resolver.TryResolve(out var resolved, out var diagnostics);
            return new ResolveOutcome(ok ? resolved : null, diagnostics, read);
        }
    }
}
