using Strata.Sources;

namespace Strata;

/// <summary>How a configuration is resolved.</summary>
public sealed class ResolveOptions
{
    /// <summary>The default options: strict about unknown keys, warnings stay warnings, the process environment.</summary>
    public static ResolveOptions Default { get; } = new();

    /// <summary>Whether unknown keys are warnings instead of errors (rule R6's non-strict mode).</summary>
    public bool LenientUnknownKeys { get; init; }

    /// <summary>Whether warnings fail the resolution.</summary>
    public bool WarningsAsErrors { get; init; }

    /// <summary>
    /// The environment variables that declared bindings may read; <see langword="null"/> reads the process environment.
    /// Tests and reproducible runs pass a fixed dictionary.
    /// </summary>
    public IReadOnlyDictionary<string, string?>? Environment { get; init; }

    /// <summary>Limits on inputs.</summary>
    public SourceLimits Limits { get; init; } = SourceLimits.Default;

    /// <summary>Services available to preparation hooks (for example checkpoint readers), or <see langword="null"/>.</summary>
    public IServiceProvider? Services { get; init; }
}
