namespace Strata.Llm.Models;

/// <summary>The rotary position embeddings of the attention layers.</summary>
[Config]
public sealed partial class RotaryConfig
{
    /// <summary>The kind of rotary embeddings; <c>none</c> disables them.</summary>
    [Field(FieldHint.Feature, Architecture = true)]
    public partial RotaryEmbeddingType Type { get; set; } = RotaryEmbeddingType.None;

    /// <summary>The base of the rotation frequencies.</summary>
    [Field(FieldHint.Feature, Architecture = true), Finite]
    public partial double Theta { get; set; } = 10000.0;

    /// <summary>Whether the Triton kernel is used; it changes the layout of the query and key weights.</summary>
    [Field(FieldHint.Deprecated, Architecture = true)]
    public partial bool Triton { get; set; } = true;

    /// <summary>The frequency scaling factor of Llama 3 scaling.</summary>
    [Field(FieldHint.Feature, Architecture = true), Finite]
    public partial double ScaleFactor { get; set; } = 8.0;

    /// <summary>The low-frequency factor of Llama 3 scaling.</summary>
    [Field(FieldHint.Feature, Architecture = true), Finite]
    public partial double LowFrequencyFactor { get; set; } = 1.0;

    /// <summary>The high-frequency factor of Llama 3 scaling.</summary>
    [Field(FieldHint.Feature, Architecture = true), Finite]
    public partial double HighFrequencyFactor { get; set; } = 4.0;

    /// <summary>The context length the model was trained with before scaling (Llama 3 and YaRN scaling).</summary>
    [Field(FieldHint.Feature, Architecture = true)]
    public partial int OriginalContextLength { get; set; } = 8192;

    /// <summary>The attention factor of YaRN scaling; unset uses YaRN's own default.</summary>
    [Field(FieldHint.Feature, Architecture = true), Finite]
    public partial double? AttentionFactor { get; set; }

    /// <summary>The fast-rotation boundary of YaRN scaling.</summary>
    [Field(FieldHint.Feature, Architecture = true), Finite]
    public partial double BetaFast { get; set; } = 32.0;

    /// <summary>The slow-rotation boundary of YaRN scaling.</summary>
    [Field(FieldHint.Feature, Architecture = true), Finite]
    public partial double BetaSlow { get; set; } = 1.0;

    /// <summary>Whether rotary embeddings are used (<see cref="Type"/> is not <c>none</c>).</summary>
    public bool Enabled => Type != RotaryEmbeddingType.None;
}
