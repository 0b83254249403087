namespace Strata.Robustness.Tests.Model;

/// <summary>Where the vault is, with a nested secret.</summary>
[Config]
public sealed partial class EndpointConfig
{
    /// <summary>The URL.</summary>
    [Field(FieldHint.Core)]
    public partial string Url { get; set; } = "https://vault.invalid";

    /// <summary>The client secret.</summary>
    [Field(FieldHint.Core, Secret = true)]
    public partial string? ClientSecret { get; set; }
}
