namespace Strata.Cli.Tests.Model;

/// <summary>The network of a job.</summary>
[Config]
public sealed partial class NetworkConfig
{
    /// <summary>Number of layers.</summary>
    [Field(FieldHint.Architecture), Min(0)]
    public partial int Layers { get; set; } = 2;

    /// <summary>Hidden size.</summary>
    [Field(FieldHint.Architecture), GreaterThan(0)]
    public partial int Hidden { get; set; } = 64;

    /// <summary>MLP width.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("4 × hidden")]
    public partial int FfnHidden { get; set; }

    /// <summary>Parameters of one layer's MLP.</summary>
    [Derived]
    public long MlpParameters => 2L * Hidden * FfnHidden;

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(FfnHidden)))
        {
            FfnHidden = 4 * Hidden;
        }
    }
}
