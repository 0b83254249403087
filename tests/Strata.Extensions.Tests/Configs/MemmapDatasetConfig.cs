namespace Strata.Extensions.Tests.Configs;

/// <summary>A memory-mapped dataset.</summary>
[Config(TypeName = "memmap")]
public sealed partial class MemmapDatasetConfig : DatasetConfig
{
    /// <summary>The path prefix of the dataset files.</summary>
    [Field(FieldHint.Core)]
    public partial string Path { get; set; } = ".";
}
