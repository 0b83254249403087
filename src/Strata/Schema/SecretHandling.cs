namespace Strata;

/// <summary>What outputs do with fields marked secret (rule R14).</summary>
public enum SecretHandling
{
    /// <summary>Leave secret fields out (the default for saved configs).</summary>
    Omit,

    /// <summary>Write a placeholder instead of the value (for displays).</summary>
    Redact,

    /// <summary>Write the value (only when the caller asks for it).</summary>
    Include,
}
