namespace Strata.Tests.Model;

/// <summary>A signed byte enum.</summary>
public enum SignedByteChoice : sbyte
{
    /// <summary>Minus one.</summary>
    Minus = -1,

    /// <summary>Zero.</summary>
    Zero = 0,

    /// <summary>The largest.</summary>
    [EnumValue("top", "max")]
    Top = sbyte.MaxValue,
}
