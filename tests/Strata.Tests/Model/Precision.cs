namespace Strata.Tests.Model;

/// <summary>A test enum with aliases.</summary>
public enum Precision
{
    /// <summary>32-bit.</summary>
    [EnumValue("float32", "fp32")]
    Float32,

    /// <summary>Brain float.</summary>
    [EnumValue("bfloat16", "bf16", "torch.bfloat16")]
    BFloat16,

    /// <summary>Half.</summary>
    Float16,
}
