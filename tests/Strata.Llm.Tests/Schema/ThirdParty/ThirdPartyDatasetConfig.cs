using Strata.Llm.Data;
using Strata.Llm.Models;

namespace Strata.Llm.Tests.Schema.ThirdParty;

/// <summary>
/// A dataset of a third party: its base class lives in Strata.Llm and it holds a class of Strata.Llm that renames keys,
/// so this assembly's generator cannot know its deep declarations.
/// </summary>
[Config(TypeName = "third_party_test")]
public sealed partial class ThirdPartyDatasetConfig : GPTIndexedDatasetConfig
{
    /// <summary>A normalization (whose class renames keys).</summary>
    [Field(FieldHint.Core)]
    public partial NormalizationConfig Normalization { get; set; } = new();
}
