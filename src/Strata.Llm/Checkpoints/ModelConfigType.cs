namespace Strata.Llm.Checkpoints;

/// <summary>Which part of a pretrained checkpoint's config is loaded (rule R9).</summary>
public enum ModelConfigType
{
    /// <summary>Nothing.</summary>
    None,

    /// <summary>Only the architecture fields of the base model.</summary>
    Architecture,

    /// <summary>The whole base model.</summary>
    Model,

    /// <summary>The base model, the multi-stage settings and the distributed settings.</summary>
    [EnumValue("fast_llm")]
    FastLlm,
}
