namespace Strata.Values;

/// <summary>What <see cref="Schema.ScalarText.TryMeasureInteger"/> reads of an integer before converting it.</summary>
/// <param name="Radix">The base: 10, or 16, 8, 2 for the <c>0x</c>, <c>0o</c>, <c>0b</c> prefixes.</param>
/// <param name="Negative">Whether it has a minus sign.</param>
/// <param name="Digits">The number of significant digits (leading zeros not counted; 0 for zero).</param>
/// <param name="Start">Where the significant digits start in the text (its length for zero).</param>
internal readonly record struct IntegerShape(int Radix, bool Negative, int Digits, int Start);
