namespace Strata.Schema;

/// <summary>The shape of a value type, for JSON Schema and documentation.</summary>
public enum ValueShape
{
    /// <summary>Anything (a custom type that does not say).</summary>
    Any,

    /// <summary>A boolean.</summary>
    Boolean,

    /// <summary>An integer.</summary>
    Integer,

    /// <summary>A floating-point number.</summary>
    Number,

    /// <summary>A string.</summary>
    String,

    /// <summary>A filesystem path (a string).</summary>
    Path,

    /// <summary>One of a set of names.</summary>
    Enum,

    /// <summary>A value or null.</summary>
    Nullable,

    /// <summary>A list.</summary>
    List,

    /// <summary>A set (a list without duplicates).</summary>
    Set,

    /// <summary>A fixed-length list.</summary>
    Tuple,

    /// <summary>A mapping from keys to values.</summary>
    Dictionary,

    /// <summary>A nested config.</summary>
    Config,
}
