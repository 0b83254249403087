namespace Strata.Llm.Models;

/// <summary>The kind of rotary position embeddings.</summary>
public enum RotaryEmbeddingType
{
    /// <summary>No rotary embeddings.</summary>
    None,

    /// <summary>The original rotary embeddings.</summary>
    Default,

    /// <summary>Rotary embeddings with Llama 3 frequency scaling.</summary>
    [EnumValue("llama3")]
    Llama3,

    /// <summary>Rotary embeddings with YaRN scaling.</summary>
    Yarn,
}
