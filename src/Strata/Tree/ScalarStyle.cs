namespace Strata.Tree;

/// <summary>How a scalar was written; the schema types plain scalars, quoted scalars are always strings (rule R5).</summary>
public enum ScalarStyle
{
    /// <summary>A plain (unquoted) scalar, or a JSON number, boolean or null.</summary>
    Plain,

    /// <summary>A quoted scalar, a block scalar, a scalar tagged <c>!!str</c> or a JSON string.</summary>
    Quoted,
}
