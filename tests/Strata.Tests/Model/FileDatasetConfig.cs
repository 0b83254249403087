namespace Strata.Tests.Model;

/// <summary>A dataset read from a file.</summary>
[Config(TypeName = "file")]
public sealed partial class FileDatasetConfig : DatasetConfig
{
    /// <summary>The path.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath? Path { get; set; }
}
