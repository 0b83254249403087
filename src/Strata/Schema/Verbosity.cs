namespace Strata;

/// <summary>
/// How much of a resolved config to write (rules R3, R4). <see cref="Explicit"/> writes only values that a layer or
/// program code set, which makes a minimal update that resolves back to the same config; the other levels add every
/// field whose hint importance is at most the level.
/// </summary>
public enum Verbosity
{
    /// <summary>Explicit values only (the default).</summary>
    Explicit = -1,

    /// <summary>Explicit values and every core and architecture field (importance 0).</summary>
    Core = 0,

    /// <summary>Adds optional and feature fields (importance 10).</summary>
    Optional = 10,

    /// <summary>Adds performance, stability and unhinted fields (importance 20).</summary>
    Performance = 20,

    /// <summary>Adds logging, expert and testing fields (importance 50).</summary>
    Debug = 50,

    /// <summary>Every field.</summary>
    All = int.MaxValue,
}
