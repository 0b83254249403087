namespace Strata.Llm.Models;

/// <summary>How a mixture-of-experts layer assigns tokens to experts.</summary>
public enum RoutingType
{
    /// <summary>Top-k routing balanced by an auxiliary loss. Written <c>aux_loss</c> (Fast-LLM's member is named <c>topk</c>, which is not accepted).</summary>
    [EnumValue("aux_loss")]
    AuxLoss,

    /// <summary>Sinkhorn routing.</summary>
    Sinkhorn,
}
