namespace Strata.Llm.Models;

/// <summary>The kind of normalization layer.</summary>
public enum NormalizationType
{
    /// <summary>Layer normalization (mean and variance).</summary>
    [EnumValue("layer_norm")]
    LayerNorm,

    /// <summary>Root-mean-square normalization.</summary>
    [EnumValue("rms_norm")]
    RmsNorm,
}
