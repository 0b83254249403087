namespace Strata.Llm.Data;

/// <summary>Random tokens (type <c>random</c>), for tests and benchmarks.</summary>
[Config(TypeName = "random")]
public sealed partial class GPTRandomDatasetConfig : GPTSamplableDatasetConfig
{
    /// <summary>The name of the dataset, used in logs and cache files.</summary>
    [Field(FieldHint.Core)]
    public partial string Name { get; set; } = "dummy";
}
