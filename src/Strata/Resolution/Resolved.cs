using Strata.Provenance;
using Strata.Serialization;

namespace Strata;

/// <summary>
/// A resolved, frozen config with the warnings found, the provenance of every leaf (R13) and a fingerprint (R12), seen
/// without its class: what a verb or a tool reads from any kind. <see cref="Resolved{T}"/> gives the typed config.
/// Safe to read from any thread.
/// </summary>
public abstract class Resolved
{
    private string? _fingerprint;

    private protected Resolved(ConfigObject config, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, string?> environmentRead, IReadOnlyList<ConfigLayer> layers)
    {
        Config = config;
        Diagnostics = diagnostics;
        EnvironmentRead = environmentRead;
        Layers = layers;
    }

    /// <summary>The frozen config.</summary>
    public ConfigObject Config { get; }

    /// <summary>The warnings and remarks found (a resolved config has no errors).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The declared environment variables that resolution read, with their values (null when unset).</summary>
    public IReadOnlyDictionary<string, string?> EnvironmentRead { get; }

    /// <summary>
    /// The layers that built the config, in merge order: a checkpoint beneath the user's layers first, then each file
    /// after the files and presets it includes, then the overrides; so that a run can be reproduced from them.
    /// </summary>
    public IReadOnlyList<ConfigLayer> Layers { get; }

    /// <summary>
    /// The SHA-256 (lowercase hex) of the canonical JSON of the full resolved config, rank-local and secret fields left
    /// out: identical across processes, machines and cultures for the same inputs.
    /// </summary>
    public string Fingerprint => _fingerprint ??= ConfigFingerprint.Compute(Config);

    /// <summary>Writes the config as YAML.</summary>
    /// <param name="verbosity">How much to write; <see cref="Verbosity.Explicit"/> makes a minimal update that resolves back to the same config.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    /// <returns>The YAML text.</returns>
    public string ToYaml(Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit) =>
        ConfigSerializer.ToYaml(Config, verbosity, secrets);

    /// <summary>Writes the config as a JSON object.</summary>
    /// <param name="verbosity">How much to write.</param>
    /// <param name="secrets">What to do with secret fields.</param>
    /// <returns>The JSON text.</returns>
    public string ToJson(Verbosity verbosity = Verbosity.Explicit, SecretHandling secrets = SecretHandling.Omit) =>
        ConfigSerializer.ToJson(Config, verbosity, secrets);

    /// <summary>
    /// The config as one self-contained HTML page: every value in the schema's order as a collapsible tree, marked by its
    /// origin, with its history on click, a filter, the layers and the fingerprint (what <c>strata explain --format
    /// html</c> writes). The page loads nothing from the network; secrets are redacted as in <see cref="Explain()"/>.
    /// </summary>
    /// <param name="title">What the page is of; the config class's name when not given.</param>
    /// <returns>The HTML text.</returns>
    public string ToHtml(string? title = null) => Reporting.HtmlReport.Explain(this, Explain(), title ?? Config.ConfigType.Name, []);

    /// <summary>The provenance of every leaf and derived field, in schema order.</summary>
    /// <returns>One entry per leaf.</returns>
    public IReadOnlyList<ValueProvenance> Explain() => ProvenanceWalker.Collect(Config);

    /// <summary>The provenance of the leaves at or under a dotted path.</summary>
    /// <param name="path">A dotted path, such as <c>model.base_model.transformer</c>.</param>
    /// <returns>The entries at or under the path, in schema order; empty when there is none.</returns>
    public IReadOnlyList<ValueProvenance> Explain(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var selected = new List<ValueProvenance>();
        foreach (var entry in Explain())
        {
            if (IsAtOrUnder(entry.Path, path))
            {
                selected.Add(entry);
            }
        }

        return selected;
    }

    /// <summary>Whether <paramref name="leaf"/> is <paramref name="path"/> or a path under it (<c>path.key</c>, <c>path[i]</c>).</summary>
    internal static bool IsAtOrUnder(string leaf, string path) =>
        leaf.StartsWith(path, StringComparison.Ordinal)
        && (leaf.Length == path.Length || leaf[path.Length] is '.' or '[');
}
