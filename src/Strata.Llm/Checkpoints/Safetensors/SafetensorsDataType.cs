namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>
/// The element types of a safetensors file, as its header spells them in <c>dtype</c> (<c>BF16</c>, <c>F8_E4M3</c>, ...).
/// <see cref="SafetensorsDataTypes"/> gives each one's header name and size in bits.
/// </summary>
public enum SafetensorsDataType
{
    /// <summary><c>BOOL</c>: a boolean in one byte.</summary>
    Bool,

    /// <summary><c>U8</c>: an unsigned 8-bit integer.</summary>
    U8,

    /// <summary><c>I8</c>: a signed 8-bit integer.</summary>
    I8,

    /// <summary><c>F8_E5M2</c>: an 8-bit float with 5 exponent bits.</summary>
    F8E5M2,

    /// <summary><c>F8_E4M3</c>: an 8-bit float with 4 exponent bits.</summary>
    F8E4M3,

    /// <summary><c>F8_E8M0</c>: an 8-bit power-of-two scale.</summary>
    F8E8M0,

    /// <summary><c>I16</c>: a signed 16-bit integer.</summary>
    I16,

    /// <summary><c>U16</c>: an unsigned 16-bit integer.</summary>
    U16,

    /// <summary><c>F16</c>: an IEEE half-precision float.</summary>
    F16,

    /// <summary><c>BF16</c>: a bfloat16.</summary>
    BF16,

    /// <summary><c>I32</c>: a signed 32-bit integer.</summary>
    I32,

    /// <summary><c>U32</c>: an unsigned 32-bit integer.</summary>
    U32,

    /// <summary><c>F32</c>: an IEEE single-precision float.</summary>
    F32,

    /// <summary><c>F64</c>: an IEEE double-precision float.</summary>
    F64,

    /// <summary><c>I64</c>: a signed 64-bit integer.</summary>
    I64,

    /// <summary><c>U64</c>: an unsigned 64-bit integer.</summary>
    U64,

    /// <summary><c>C64</c>: a complex number of two single-precision floats.</summary>
    C64,

    /// <summary><c>F4</c>: a 4-bit float (two per byte).</summary>
    F4,

    /// <summary><c>F6_E2M3</c>: a 6-bit float with 2 exponent bits (packed).</summary>
    F6E2M3,

    /// <summary><c>F6_E3M2</c>: a 6-bit float with 3 exponent bits (packed).</summary>
    F6E3M2,
}
