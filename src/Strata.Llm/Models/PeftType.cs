namespace Strata.Llm.Models;

/// <summary>The kind of parameter-efficient fine-tuning.</summary>
public enum PeftType
{
    /// <summary>No parameter-efficient fine-tuning: every weight is trained.</summary>
    None,

    /// <summary>Low-rank adapters.</summary>
    Lora,
}
