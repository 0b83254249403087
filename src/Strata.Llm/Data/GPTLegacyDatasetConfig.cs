namespace Strata.Llm.Data;

/// <summary>
/// The dataset of one phase in the legacy layout (type <c>legacy</c>): the data of <c>path</c> split between the training,
/// validation and test phases by <c>split</c>. Generated for each phase when <c>data.datasets</c> is empty.
/// </summary>
[Config(TypeName = "legacy")]
public sealed partial class GPTLegacyDatasetConfig : GPTSampledDatasetConfig
{
    /// <summary>The proportions of the training, validation and test phases.</summary>
    [Field(FieldHint.Deprecated), MaxCount(3), Finite]
    public partial IList<double> Split { get; set; } = [969.0, 30.0, 1.0];

    /// <summary>Where the data comes from.</summary>
    [Field(FieldHint.Deprecated)]
    public partial LegacyDatasetSource Format { get; set; } = LegacyDatasetSource.List;

    /// <summary>With <c>list</c>: one dataset prefix, or alternating weights and prefixes; with <c>file</c>: one JSON file; with <c>random</c>: nothing.</summary>
    [Field(FieldHint.Deprecated), ValueType(typeof(StringListValueType))]
    public partial IList<string> Path { get; set; } = [];

    /// <summary>Fill-in-the-middle.</summary>
    [Field(FieldHint.Feature)]
    public partial FimConfig Fim { get; set; } = new();
}
