namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>The JSON type a key of a Hugging Face <c>config.json</c> must have.</summary>
internal enum HuggingFaceValueKind
{
    /// <summary>An integer (a JSON number without fraction or exponent, in the 32-bit range).</summary>
    Integer,

    /// <summary>An integer or <c>null</c>.</summary>
    NullableInteger,

    /// <summary>A number (integers included).</summary>
    Number,

    /// <summary>A number or <c>null</c>.</summary>
    NullableNumber,

    /// <summary><c>true</c> or <c>false</c>.</summary>
    Boolean,

    /// <summary>A string.</summary>
    String,

    /// <summary>An object or <c>null</c>.</summary>
    NullableObject,
}
