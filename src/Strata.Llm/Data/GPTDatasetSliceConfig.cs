namespace Strata.Llm.Data;

/// <summary>A contiguous part of an indexed dataset (type <c>slice</c>), given as fractions of its documents.</summary>
[Config(TypeName = "slice")]
public sealed partial class GPTDatasetSliceConfig : GPTIndexedDatasetConfig
{
    /// <summary>The dataset to slice; an indexed type (<c>memmap</c>, <c>concatenated</c>, <c>slice</c>, <c>concatenated_memmap</c>). Required.</summary>
    [Field(FieldHint.Core)]
    public partial GPTIndexedDatasetConfig? Dataset { get; set; }

    /// <summary>Where the slice begins, as a fraction of the documents.</summary>
    [Field(FieldHint.Core), Finite]
    public partial double Begin { get; set; }

    /// <summary>Where the slice ends, as a fraction of the documents.</summary>
    [Field(FieldHint.Core), Finite]
    public partial double End { get; set; } = 1.0;

    partial void Validate(ValidationScope scope) => scope.Require(Dataset is not null, nameof(Dataset), "is required");
}
