namespace Strata.Llm.Data;

/// <summary>
/// A dataset that can be sampled for a phase: the base of every dataset type, selected by the <c>type</c> key. Any dataset
/// type fits a slot of this type.
/// </summary>
[Config]
public abstract partial class GPTSampledDatasetConfig
{
}
