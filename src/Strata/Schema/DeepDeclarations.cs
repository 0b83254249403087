namespace Strata.Schema;

/// <summary>
/// What a config class or any config reachable from it (its registered subclasses, the configs its fields hold, and so
/// on) declares: the merge and the base layers skip the classes that reach neither.
/// </summary>
[Flags]
public enum DeepDeclarations
{
    /// <summary>Nothing reachable declares renamed or removed keys or provides base layers.</summary>
    None = 0,

    /// <summary>A reachable class declares renamed or removed keys.</summary>
    Renames = 1,

    /// <summary>A reachable class provides base layers.</summary>
    BaseLayers = 2,

    /// <summary>
    /// Set by the generator when the compiler cannot know the flags (a reachable class lives in another assembly): they are
    /// found by walking the schema at run time, once.
    /// </summary>
    Unknown = 4,
}
