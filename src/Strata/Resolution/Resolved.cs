using System.Security.Cryptography;
using System.Text;
using Strata.Provenance;
using Strata.Schema;
using Strata.Serialization;

namespace Strata;

/// <summary>
/// A resolved, frozen config with the warnings found, the provenance of every leaf (R13) and a fingerprint (R12).
/// Safe to read from any thread.
/// </summary>
/// <typeparam name="T">The root config class.</typeparam>
public sealed class Resolved<T>
    where T : ConfigObject
{
    private string? _fingerprint;

    internal Resolved(T config, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, string?> environmentRead)
    {
        Config = config;
        Diagnostics = diagnostics;
        EnvironmentRead = environmentRead;
    }

    /// <summary>The frozen config.</summary>
    public T Config { get; }

    /// <summary>The warnings and remarks found (a resolved config has no errors).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The declared environment variables that resolution read, with their values (null when unset).</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentRead { get; }

    /// <summary>
    /// The SHA-256 (lowercase hex) of the canonical JSON of the full resolved config, rank-local and secret fields left
    /// out: identical across processes, machines and cultures for the same inputs.
    /// </summary>
    public string Fingerprint => _fingerprint ??= ConfigFingerprint.Compute(Config);

    /// <summary>Writes the config as YAML.</summary>
    /// <param name="verbosity">How much to write; <see cref="Verbosity.Explicit"/> makes a minimal update that resolves back to the same config.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    public string ToYaml(Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit) =>
        ConfigSerializer.ToYaml(Config, verbosity, secrets);

    /// <summary>Writes the config as a JSON object.</summary>
    /// <param name="verbosity">How much to write.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    public string ToJson(Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit) =>
        ConfigSerializer.ToJson(Config, verbosity, secrets);

    /// <summary>The provenance of every leaf and derived field, in schema order.</summary>
    public IReadOnlyList<ValueProvenance> Explain() => ProvenanceWalker.Collect(Config);

    /// <summary>The provenance of the leaves at or under a dotted path.</summary>
    /// <param name="path">A dotted path, such as <c>model.base_model.transformer</c>.</param>
    public IReadOnlyList<ValueProvenance> Explain(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return [.. Explain().Where(p => p.Path == path || p.Path.StartsWith(path + ".", StringComparison.Ordinal) || p.Path.StartsWith(path + "[", StringComparison.Ordinal))];
    }
}
