namespace Strata.Llm.Data;

/// <summary>
/// A dataset of indexed documents, which can be concatenated and sliced. Only the <c>memmap</c>, <c>concatenated</c>,
/// <c>slice</c> and <c>concatenated_memmap</c> types fit a slot of this type.
/// </summary>
[Config]
public abstract partial class GPTIndexedDatasetConfig : GPTSamplableDatasetConfig
{
}
