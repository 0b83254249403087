using Strata.Llm.Models;

namespace Strata.Llm.Tests.Schema.ThirdParty;

/// <summary>A third party's config that holds a class of Strata.Llm which declares nothing of the kind.</summary>
[Config]
public sealed partial class ThirdPartyRotaryHolderConfig
{
    /// <summary>The rotary embeddings.</summary>
    [Field(FieldHint.Core)]
    public partial RotaryConfig Rotary { get; set; } = new();
}
