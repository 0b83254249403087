namespace Strata.Generators.Model;

/// <summary>The built-in value types of <c>Strata.Schema.ValueTypes</c>, plus custom ones.</summary>
internal enum ValueKind
{
    Boolean,
    Int32,
    Int64,
    BigInteger,
    Double,
    Single,
    String,
    Path,
    Enum,
    Nullable,
    NullableReference,
    List,
    ReadOnlyList,
    Set,
    ReadOnlySet,
    Dictionary,
    ReadOnlyDictionary,
    IntDictionary,
    ReadOnlyIntDictionary,
    Tuple,
    Config,
    Custom,
}
