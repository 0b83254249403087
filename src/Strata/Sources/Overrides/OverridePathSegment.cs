namespace Strata.Sources;

/// <summary>One step of an override path: a mapping key, or a list index written <c>[i]</c>.</summary>
/// <param name="Key">The mapping key, or <see langword="null"/> for a list index.</param>
/// <param name="Index">
/// The list index when <paramref name="Key"/> is <see langword="null"/>; a negative one counts from the end (<c>[-1]</c>
/// is the last element).
/// </param>
public readonly record struct OverridePathSegment(string? Key, int Index)
{
    /// <summary>Whether this step is a list index.</summary>
    public bool IsIndex => Key is null;

    /// <summary>A mapping key step.</summary>
    /// <param name="key">The key.</param>
    public static OverridePathSegment ForKey(string key) => new(key, -1);

    /// <summary>A list index step.</summary>
    /// <param name="index">The 0-based index, or a negative one counted from the end.</param>
    public static OverridePathSegment ForIndex(int index) => new(null, index);

    /// <inheritdoc />
    public override string ToString() => Key ?? "[" + Index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
