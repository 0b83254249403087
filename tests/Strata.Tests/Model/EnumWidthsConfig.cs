namespace Strata.Tests.Model;

/// <summary>Enums of every width and sign, read from their names and written back through the enum table's values.</summary>
[Config]
public sealed partial class EnumWidthsConfig
{
    /// <summary>A signed byte enum with a negative member.</summary>
    public partial SignedByteChoice Small { get; set; } = SignedByteChoice.Zero;

    /// <summary>An unsigned 16-bit enum.</summary>
    public partial UnsignedShortChoice Short { get; set; } = UnsignedShortChoice.Low;

    /// <summary>A 64-bit enum with a large negative member.</summary>
    public partial LongChoice Long { get; set; } = LongChoice.Zero;

    /// <summary>An unsigned 64-bit enum with a member beyond the range of <see cref="long"/>.</summary>
    public partial UnsignedLongChoice? Huge { get; set; }

    /// <summary>A list of the byte enum.</summary>
    public partial IList<SignedByteChoice> Choices { get; set; } = [];
}
