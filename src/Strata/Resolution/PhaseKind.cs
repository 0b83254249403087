namespace Strata.Resolution;

/// <summary>What a resolution is doing with its configs; setters record explicit or implicit values from it.</summary>
internal enum PhaseKind
{
    /// <summary>Program code (a config of no resolution, or validation): assignments are explicit.</summary>
    Code,

    /// <summary>The binder: it records origins itself.</summary>
    Binding,

    /// <summary>Preparation and derivation: assignments are implicit and never overwrite explicit values.</summary>
    Deriving,

    /// <summary>Freezing: collections are replaced by read-only ones, nothing is recorded.</summary>
    Freezing,
}
