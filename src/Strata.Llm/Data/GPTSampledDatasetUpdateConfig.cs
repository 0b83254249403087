namespace Strata.Llm.Data;

/// <summary>A dataset sampled with its own sampling settings (type <c>sampled</c>).</summary>
[Config(TypeName = "sampled")]
public sealed partial class GPTSampledDatasetUpdateConfig : GPTSampledDatasetConfig
{
    /// <summary>The sampling settings of this dataset.</summary>
    [Field(FieldHint.Core)]
    public partial GPTSamplingConfig Sampling { get; set; } = new();

    /// <summary>The dataset; any type. Required.</summary>
    [Field(FieldHint.Core)]
    public partial GPTSampledDatasetConfig? Dataset { get; set; }

    partial void Validate(ValidationScope scope) => scope.Require(Dataset is not null, nameof(Dataset), "is required");
}
