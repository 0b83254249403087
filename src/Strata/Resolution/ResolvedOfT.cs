namespace Strata;

/// <summary>A resolved, frozen config of a known class: <see cref="Resolved"/> with the typed <see cref="Config"/>.</summary>
/// <typeparam name="T">The root config class.</typeparam>
public sealed class Resolved<T> : Resolved
    where T : ConfigObject
{
    internal Resolved(T config, IReadOnlyList<Diagnostic> diagnostics, IReadOnlyDictionary<string, string?> environmentRead, IReadOnlyList<ConfigLayer> layers)
        : base(config, diagnostics, environmentRead, layers)
    {
        Config = config;
    }

    /// <summary>The frozen config.</summary>
    public new T Config { get; }
}
