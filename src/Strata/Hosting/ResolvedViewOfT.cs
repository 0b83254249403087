using Strata.Provenance;

namespace Strata.Hosting;

/// <summary>The typed <see cref="ResolvedView"/>, which the run action unwraps.</summary>
/// <typeparam name="T">The root config class.</typeparam>
internal sealed class ResolvedView<T>(Resolved<T> resolved) : ResolvedView
    where T : ConfigObject
{
    public Resolved<T> Resolved { get; } = resolved;

    public override ConfigObject Config => Resolved.Config;

    public override IReadOnlyList<Diagnostic> Diagnostics => Resolved.Diagnostics;

    public override string Fingerprint => Resolved.Fingerprint;

    public override string ToYaml(Verbosity verbosity) => Resolved.ToYaml(verbosity);

    public override string ToJson(Verbosity verbosity) => Resolved.ToJson(verbosity);

    public override IReadOnlyList<ValueProvenance> Explain() => Resolved.Explain();
}
