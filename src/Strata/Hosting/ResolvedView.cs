using Strata.Provenance;

namespace Strata.Hosting;

/// <summary>A <see cref="Resolved{T}"/> seen without its type parameter, for the verbs.</summary>
internal abstract class ResolvedView
{
    /// <summary>The frozen config.</summary>
    public abstract ConfigObject Config { get; }

    /// <summary>The warnings and remarks.</summary>
    public abstract IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The fingerprint of the resolved config.</summary>
    public abstract string Fingerprint { get; }

    /// <summary>Writes the config as YAML.</summary>
    public abstract string ToYaml(Verbosity verbosity);

    /// <summary>Writes the config as a JSON object.</summary>
    public abstract string ToJson(Verbosity verbosity);

    /// <summary>The provenance of every leaf.</summary>
    public abstract IReadOnlyList<ValueProvenance> Explain();
}
