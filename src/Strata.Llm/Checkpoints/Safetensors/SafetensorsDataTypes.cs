namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>The header names and sizes of the <see cref="SafetensorsDataType"/> values.</summary>
public static class SafetensorsDataTypes
{
    private static readonly (string Name, SafetensorsDataType Type, int Bits)[] s_types =
    [
        ("BOOL", SafetensorsDataType.Bool, 8),
        ("U8", SafetensorsDataType.U8, 8),
        ("I8", SafetensorsDataType.I8, 8),
        ("F8_E5M2", SafetensorsDataType.F8E5M2, 8),
        ("F8_E4M3", SafetensorsDataType.F8E4M3, 8),
        ("F8_E8M0", SafetensorsDataType.F8E8M0, 8),
        ("I16", SafetensorsDataType.I16, 16),
        ("U16", SafetensorsDataType.U16, 16),
        ("F16", SafetensorsDataType.F16, 16),
        ("BF16", SafetensorsDataType.BF16, 16),
        ("I32", SafetensorsDataType.I32, 32),
        ("U32", SafetensorsDataType.U32, 32),
        ("F32", SafetensorsDataType.F32, 32),
        ("F64", SafetensorsDataType.F64, 64),
        ("I64", SafetensorsDataType.I64, 64),
        ("U64", SafetensorsDataType.U64, 64),
        ("C64", SafetensorsDataType.C64, 64),
        ("F4", SafetensorsDataType.F4, 4),
        ("F6_E2M3", SafetensorsDataType.F6E2M3, 6),
        ("F6_E3M2", SafetensorsDataType.F6E3M2, 6),
    ];

    /// <summary>Every header name, in the order of <see cref="SafetensorsDataType"/>.</summary>
    public static IReadOnlyList<string> Names { get; } = Array.ConvertAll(s_types, static t => t.Name);

    /// <summary>The name of a type as a header spells it (<c>BF16</c>).</summary>
    /// <param name="type">The type.</param>
    public static string Name(this SafetensorsDataType type) => s_types[(int)type].Name;

    /// <summary>The size of one element in bits (4 and 6 for the packed small floats).</summary>
    /// <param name="type">The type.</param>
    public static int Bits(this SafetensorsDataType type) => s_types[(int)type].Bits;

    /// <summary>Finds a type by its header name, case-sensitively as the format requires.</summary>
    /// <param name="name">The <c>dtype</c> of a header.</param>
    /// <param name="type">The type, when found.</param>
    /// <returns>Whether the name is a known type.</returns>
    public static bool TryParse(string name, out SafetensorsDataType type)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var (text, value, _) in s_types)
        {
            if (string.Equals(text, name, StringComparison.Ordinal))
            {
                type = value;
                return true;
            }
        }

        type = default;
        return false;
    }
}
