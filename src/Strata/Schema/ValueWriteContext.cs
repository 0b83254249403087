namespace Strata.Schema;

/// <summary>How values are written: the verbosity and what to do with secret fields.</summary>
public sealed class ValueWriteContext
{
    /// <summary>The context used to show values (derived fields, explain): everything, secrets redacted.</summary>
    public static ValueWriteContext Display { get; } = new() { Verbosity = Strata.Verbosity.All, Secrets = SecretHandling.Redact };

    /// <summary>The verbosity.</summary>
    public Verbosity Verbosity { get; init; } = Verbosity.Explicit;

    /// <summary>What to do with secret fields.</summary>
    public SecretHandling Secrets { get; init; } = SecretHandling.Omit;

    /// <summary>Whether rank-local fields are left out (for the fingerprint).</summary>
    public bool OmitRankLocal { get; init; }
}
