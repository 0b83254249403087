namespace Strata.Tests.Model;

/// <summary>A mixture of datasets.</summary>
[Config(TypeName = "mix")]
public sealed partial class MixDatasetConfig : DatasetConfig
{
    /// <summary>The parts.</summary>
    [Field(FieldHint.Core)]
    public partial IList<DatasetConfig> Datasets { get; set; } = [];
}
