namespace Strata.Llm.Data;

/// <summary>Every memory-mapped dataset of a directory, concatenated (type <c>concatenated_memmap</c>). Deprecated.</summary>
[Config(TypeName = "concatenated_memmap")]
public sealed partial class GPTConcatenatedMemmapConfig : GPTIndexedDatasetConfig
{
    /// <summary>The directory of the datasets. Required.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath Path { get; set; }

    partial void Validate(ValidationScope scope)
    {
        scope.Require(IsSet(nameof(Path)), nameof(Path), "is required");
        scope.Warning(null, "the concatenated_memmap dataset type is deprecated; list the datasets in a concatenated dataset instead");
    }
}
