using Strata.Values;
using Strata.Schema;
using Strata.Sources;

namespace Strata.Resolution;

/// <summary>Everything one resolution shares between its phases: diagnostics, the binder, the environment it read.</summary>
internal sealed class ResolutionState
{
    private readonly IReadOnlyDictionary<string, string?>? _environment;

    public ResolutionState(ResolveOptions options)
    {
        Options = options;
        Diagnostics = new DiagnosticBag();
        Binder = new Binder(options.LenientUnknownKeys, Graph);
        ReadContext = new ValueReadContext(Diagnostics, Binder);
        _environment = options.Environment;
    }

    public ResolveOptions Options { get; }

    /// <summary>What the setters of this resolution's configs do now (no thread-static: the configs refer to it).</summary>
    public ResolutionGraph Graph { get; } = new();

    public DiagnosticBag Diagnostics { get; }

    public Binder Binder { get; }

    public ValueReadContext ReadContext { get; }

    public SourceLimits Limits => Options.Limits;

    /// <summary>The architecture fields under a base layer set by an interpolation (<see cref="MergeBuilder.DeferredArchitecture"/>).</summary>
    public Dictionary<string, (Tree.ConfigNode Saved, string Beneath)>? DeferredArchitecture { get; set; }

    /// <summary>Fields whose derivation failed: their rules are not checked (the failure is the error).</summary>
    public HashSet<(ConfigObject Config, int Index)> FailedFields { get; } = [];

    /// <summary>The environment variables read, for reproducibility (R12).</summary>
    public SortedDictionary<string, string?> EnvironmentRead { get; } = new(StringComparer.Ordinal);

    public string? GetEnvironmentVariable(string name)
    {
        if (EnvironmentRead.TryGetValue(name, out var known))
        {
            return known;
        }

        var value = _environment is not null
            ? _environment.GetValueOrDefault(name)
            : Environment.GetEnvironmentVariable(name);
        EnvironmentRead[name] = value;
        return value;
    }
}
