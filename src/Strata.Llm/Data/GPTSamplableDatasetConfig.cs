namespace Strata.Llm.Data;

/// <summary>A dataset that is sampled directly (rather than built from sampled datasets).</summary>
[Config]
public abstract partial class GPTSamplableDatasetConfig : GPTSampledDatasetConfig
{
}
