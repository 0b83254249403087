namespace Strata.Llm.Data;

/// <summary>The tokenizer used to prepare data on the fly (fill-in-the-middle needs it).</summary>
[Config]
public sealed partial class TokenizerConfig
{
    /// <summary>The kind of tokenizer; only <c>TokenizerFromFile</c> exists.</summary>
    [Field(FieldHint.Deprecated), OneOf("TokenizerFromFile")]
    public partial string Format { get; set; } = "TokenizerFromFile";

    /// <summary>The tokenizer file or directory.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath? Path { get; set; }
}
