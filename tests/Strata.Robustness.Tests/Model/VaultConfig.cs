namespace Strata.Robustness.Tests.Model;

/// <summary>A service with secrets of several types: the test config of the secret-handling tests (R14).</summary>
[Config]
public sealed partial class VaultConfig
{
    /// <summary>The service name (not secret).</summary>
    [Field(FieldHint.Core)]
    public partial string? Name { get; set; }

    /// <summary>The API key.</summary>
    [Field(FieldHint.Core, Secret = true)]
    public partial string? ApiKey { get; set; }

    /// <summary>A numeric secret with a rule.</summary>
    [Field(FieldHint.Core, Secret = true), Min(1000)]
    public partial int Pin { get; set; } = 1000;

    /// <summary>A secret that must be one of a few names.</summary>
    [Field(FieldHint.Optional, Secret = true), OneOf("alpha", "beta")]
    public partial string? Realm { get; set; }

    /// <summary>A secret read from the environment when unset.</summary>
    [Field(FieldHint.Expert, Secret = true), EnvironmentVariable("VAULT_TOKEN_NUMBER")]
    public partial long TokenNumber { get; set; }

    /// <summary>A list of secret keys.</summary>
    [Field(FieldHint.Optional, Secret = true)]
    public partial IReadOnlyList<string>? Keys { get; set; }

    /// <summary>A secret with a default in code.</summary>
    [Field(FieldHint.Optional, Secret = true)]
    public partial string Password { get; set; } = "default-password-DEFAULTSECRET";

    /// <summary>A nested, non-secret section.</summary>
    [Field(FieldHint.Core)]
    public partial EndpointConfig Endpoint { get; set; } = new();
}
