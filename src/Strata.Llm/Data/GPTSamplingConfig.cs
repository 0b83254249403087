namespace Strata.Llm.Data;

/// <summary>How samples are drawn from a dataset.</summary>
[Config]
public sealed partial class GPTSamplingConfig
{
    /// <summary>The seed of the sampling.</summary>
    [Field(FieldHint.Feature)]
    public partial long Seed { get; set; } = 784569;

    /// <summary>Whether the sampling runs on the GPU.</summary>
    [Field(FieldHint.Feature)]
    public partial bool Gpu { get; set; } = true;

    /// <summary>How documents are shuffled.</summary>
    [Field(FieldHint.Feature)]
    public partial ShufflingType Shuffle { get; set; } = ShufflingType.Epoch;
}
