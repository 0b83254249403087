namespace Strata.Values;

/// <summary>What <see cref="Schema.ScalarText.TryMeasureInteger"/> reads of an integer before converting it.</summary>
internal readonly record struct IntegerShape(int Radix, bool Negative, int Digits, int Start);
