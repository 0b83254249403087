namespace Strata.Tests.Model;

/// <summary>An unsigned 64-bit enum.</summary>
public enum UnsignedLongChoice : ulong
{
    /// <summary>One.</summary>
    One = 1,

    /// <summary>The largest, beyond the range of <see cref="long"/>.</summary>
    Largest = ulong.MaxValue,
}
