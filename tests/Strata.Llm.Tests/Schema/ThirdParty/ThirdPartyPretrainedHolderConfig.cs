namespace Strata.Llm.Tests.Schema.ThirdParty;

/// <summary>A third party's config that holds a pretrained model of Strata.Llm, which provides base layers.</summary>
[Config]
public sealed partial class ThirdPartyPretrainedHolderConfig
{
    /// <summary>The pretrained model, if any.</summary>
    [Field(FieldHint.Core)]
    public partial PretrainedGPTModelConfig? Pretrained { get; set; }
}
