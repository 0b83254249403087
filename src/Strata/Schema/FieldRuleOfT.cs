namespace Strata.Schema;

/// <summary>A rule on values of type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The value type.</typeparam>
public abstract class FieldRule<T> : FieldRule
{
    private protected FieldRule()
    {
    }

    /// <summary>Checks a value; returns the problem (<c>must be &gt;= 0, got -1</c>) or <see langword="null"/>.</summary>
    /// <param name="value">The value.</param>
    public abstract string? Check(T value);
}
