namespace Strata.Llm.Data;

/// <summary>A memory-mapped dataset of pre-tokenized documents (type <c>memmap</c>).</summary>
[Config(TypeName = "memmap")]
public sealed partial class GPTMemmapDatasetConfig : GPTIndexedDatasetConfig
{
    /// <summary>The path prefix of the dataset's <c>.bin</c> and <c>.idx</c> files. Required.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath Path { get; set; }

    /// <summary>The number of documents, when known in advance (checked when the dataset is opened).</summary>
    [Field(FieldHint.Optional)]
    public partial long? NumDocuments { get; set; }

    /// <summary>The number of tokens, when known in advance (checked when the dataset is opened).</summary>
    [Field(FieldHint.Optional)]
    public partial long? NumTokens { get; set; }

    partial void Validate(ValidationScope scope) => scope.Require(IsSet(nameof(Path)), nameof(Path), "is required");
}
