namespace Strata.Tests.Model;

/// <summary>An unsigned 16-bit enum.</summary>
public enum UnsignedShortChoice : ushort
{
    /// <summary>Low.</summary>
    Low = 1,

    /// <summary>The largest, whose bits are those of a negative short.</summary>
    High = ushort.MaxValue,
}
