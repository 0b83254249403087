namespace Strata.Tests.Model;

/// <summary>A 64-bit enum.</summary>
public enum LongChoice : long
{
    /// <summary>The smallest.</summary>
    Bottom = long.MinValue,

    /// <summary>Zero.</summary>
    Zero = 0,
}
