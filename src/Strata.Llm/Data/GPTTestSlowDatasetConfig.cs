namespace Strata.Llm.Data;

/// <summary>A dataset that is slow to sample (type <c>test_slow</c>), for testing timeouts.</summary>
[Config(TypeName = "test_slow")]
public sealed partial class GPTTestSlowDatasetConfig : GPTSampledDatasetConfig
{
    /// <summary>How long sampling takes, in seconds.</summary>
    [Field(FieldHint.Core), Finite]
    public partial double Sleep { get; set; } = 1.0;
}
