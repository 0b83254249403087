namespace Strata.Tests.Model;

/// <summary>A nested test config with derived defaults and rules.</summary>
[Config]
[RenamedFrom("width", "hidden_size")]
[RenamedFrom("norm.eps", "epsilon")]
[RemovedKey("legacy_flag", Reason = "no longer used")]
public sealed partial class LayerConfig
{
    /// <summary>Number of layers.</summary>
    [Field(FieldHint.Architecture), Min(0)]
    public partial int NumLayers { get; set; } = 12;

    /// <summary>Hidden size.</summary>
    [Field(FieldHint.Core, Architecture = true), GreaterThan(0)]
    public partial int HiddenSize { get; set; } = 1024;

    /// <summary>Attention heads.</summary>
    [Field(FieldHint.Core), GreaterThan(0)]
    public partial int Heads { get; set; } = 8;

    /// <summary>MLP width.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("4 × hidden_size")]
    public partial int FfnHiddenSize { get; set; }

    /// <summary>Channels per head.</summary>
    [Field(FieldHint.Core), DerivedDefault("hidden_size / heads")]
    public partial int KvChannels { get; set; }

    /// <summary>Normalization epsilon.</summary>
    [Field(FieldHint.Stability), GreaterThan(0)]
    public partial double Epsilon { get; set; } = 1e-5;

    /// <summary>Dropout.</summary>
    [Field(FieldHint.Feature), Range(0, 1)]
    public partial double Dropout { get; set; }

    /// <summary>Window size.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial int? WindowSize { get; set; }

    /// <summary>Total projection width.</summary>
    [Derived]
    public int ProjectionSize => Heads * KvChannels;

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(FfnHiddenSize)))
        {
            FfnHiddenSize = 4 * HiddenSize;
        }

        if (!IsSet(nameof(KvChannels)))
        {
            if (HiddenSize % Heads != 0)
            {
                context.Fail($"{HiddenSize}%{Heads}!=0");
            }
            else
            {
                KvChannels = HiddenSize / Heads;
            }
        }
    }

    partial void Validate(ValidationScope scope) =>
        scope.Require(HiddenSize % Heads == 0 || IsSet(nameof(KvChannels)), nameof(Heads), "must divide hidden_size");
}
