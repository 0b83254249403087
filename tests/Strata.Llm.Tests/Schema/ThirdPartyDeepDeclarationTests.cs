using Strata.Llm.Data;
using Strata.Llm.Tests.Schema.ThirdParty;
using Strata.Schema;

namespace Strata.Llm.Tests.Schema;

/// <summary>
/// Classes of another assembly than the classes they reach or derive from: their generator writes <c>Unknown</c> and
/// the first read walks the schema, taking the generated declarations of Strata.Llm's classes.
/// </summary>
public sealed class ThirdPartyDeepDeclarationTests
{
    [Fact]
    public void A_third_party_subclass_whose_base_lives_elsewhere_has_the_renames_of_the_class_it_holds()
    {
        Assert.Equal(DeepDeclarations.Renames, ThirdPartyDatasetConfig.TypeInfo.DeepDeclarations);
        Assert.Equal(DeepDeclarations.None, GPTIndexedDatasetConfig.TypeInfo.DeepDeclarations);
    }

    [Fact]
    public void A_third_party_class_that_holds_a_pretrained_model_has_its_base_layers_and_the_renames_below_it()
    {
        Assert.Equal(DeepDeclarations.Renames | DeepDeclarations.BaseLayers, PretrainedGPTModelConfig.TypeInfo.DeepDeclarations);
        Assert.Equal(DeepDeclarations.Renames | DeepDeclarations.BaseLayers, ThirdPartyPretrainedHolderConfig.TypeInfo.DeepDeclarations);
    }

    [Fact]
    public void A_third_party_class_that_reaches_nothing_declared_has_no_deep_declaration()
    {
        Assert.Equal(DeepDeclarations.None, ThirdPartyRotaryHolderConfig.TypeInfo.DeepDeclarations);
    }
}
