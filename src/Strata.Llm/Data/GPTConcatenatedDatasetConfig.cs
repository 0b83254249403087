namespace Strata.Llm.Data;

/// <summary>Indexed datasets concatenated into one (type <c>concatenated</c>).</summary>
[Config(TypeName = "concatenated")]
public sealed partial class GPTConcatenatedDatasetConfig : GPTIndexedDatasetConfig
{
    /// <summary>The name of the dataset, used in logs and cache files.</summary>
    [Field(FieldHint.Core)]
    public partial string Name { get; set; } = "concatenated";

    /// <summary>The datasets, in order; only indexed types (<c>memmap</c>, <c>concatenated</c>, <c>slice</c>, <c>concatenated_memmap</c>).</summary>
    [Field(FieldHint.Core), MinCount(1)]
    public partial IList<GPTIndexedDatasetConfig> Datasets { get; set; } = [];
}
