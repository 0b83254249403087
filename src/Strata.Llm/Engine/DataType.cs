namespace Strata.Llm.Engine;

/// <summary>
/// A tensor data type. Written by its name (<c>bfloat16</c>); input also accepts the short names (<c>fp64</c>, <c>fp32</c>,
/// <c>fp16</c>, <c>bf16</c>) and either form prefixed by <c>DataType.</c>, <c>numpy.</c>, <c>np.</c>, <c>torch.</c>,
/// <c>triton.language.</c> or <c>tl.</c> (for example <c>torch.bfloat16</c>).
/// </summary>
public enum DataType
{
    /// <summary>64-bit floating point.</summary>
    [EnumValue(
        "float64",
        "fp64",
        "DataType.float64",
        "numpy.float64",
        "np.float64",
        "torch.float64",
        "triton.language.float64",
        "tl.float64",
        "DataType.fp64",
        "numpy.fp64",
        "np.fp64",
        "torch.fp64",
        "triton.language.fp64",
        "tl.fp64")]
    Float64,

    /// <summary>32-bit floating point.</summary>
    [EnumValue(
        "float32",
        "fp32",
        "DataType.float32",
        "numpy.float32",
        "np.float32",
        "torch.float32",
        "triton.language.float32",
        "tl.float32",
        "DataType.fp32",
        "numpy.fp32",
        "np.fp32",
        "torch.fp32",
        "triton.language.fp32",
        "tl.fp32")]
    Float32,

    /// <summary>16-bit IEEE floating point.</summary>
    [EnumValue(
        "float16",
        "fp16",
        "DataType.float16",
        "numpy.float16",
        "np.float16",
        "torch.float16",
        "triton.language.float16",
        "tl.float16",
        "DataType.fp16",
        "numpy.fp16",
        "np.fp16",
        "torch.fp16",
        "triton.language.fp16",
        "tl.fp16")]
    Float16,

    /// <summary>16-bit brain floating point.</summary>
    [EnumValue(
        "bfloat16",
        "bf16",
        "DataType.bfloat16",
        "numpy.bfloat16",
        "np.bfloat16",
        "torch.bfloat16",
        "triton.language.bfloat16",
        "tl.bfloat16",
        "DataType.bf16",
        "numpy.bf16",
        "np.bf16",
        "torch.bf16",
        "triton.language.bf16",
        "tl.bf16")]
    Bfloat16,

    /// <summary>64-bit signed integer.</summary>
    [EnumValue(
        "int64",
        "DataType.int64",
        "numpy.int64",
        "np.int64",
        "torch.int64",
        "triton.language.int64",
        "tl.int64")]
    Int64,

    /// <summary>32-bit signed integer.</summary>
    [EnumValue(
        "int32",
        "DataType.int32",
        "numpy.int32",
        "np.int32",
        "torch.int32",
        "triton.language.int32",
        "tl.int32")]
    Int32,

    /// <summary>16-bit signed integer.</summary>
    [EnumValue(
        "int16",
        "DataType.int16",
        "numpy.int16",
        "np.int16",
        "torch.int16",
        "triton.language.int16",
        "tl.int16")]
    Int16,

    /// <summary>8-bit signed integer.</summary>
    [EnumValue(
        "int8",
        "DataType.int8",
        "numpy.int8",
        "np.int8",
        "torch.int8",
        "triton.language.int8",
        "tl.int8")]
    Int8,

    /// <summary>8-bit unsigned integer.</summary>
    [EnumValue(
        "uint8",
        "DataType.uint8",
        "numpy.uint8",
        "np.uint8",
        "torch.uint8",
        "triton.language.uint8",
        "tl.uint8")]
    Uint8,

    /// <summary>16-bit unsigned integer.</summary>
    [EnumValue(
        "uint16",
        "DataType.uint16",
        "numpy.uint16",
        "np.uint16",
        "torch.uint16",
        "triton.language.uint16",
        "tl.uint16")]
    Uint16,
}
