namespace Strata.Llm.Data;

/// <summary>A dataset described by a YAML file (type <c>file</c>), read when the data is built.</summary>
[Config(TypeName = "file")]
public sealed partial class GPTDatasetFromFileConfig : GPTSamplableDatasetConfig
{
    /// <summary>The YAML file that describes the dataset. Required.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath Path { get; set; }

    partial void Validate(ValidationScope scope) => scope.Require(IsSet(nameof(Path)), nameof(Path), "is required");
}
