namespace Strata.Sources;

/// <summary>
/// Bounds on what a source accepts, so that hostile input fails fast with a diagnostic instead of exhausting time or
/// memory. The defaults are far above any real configuration.
/// </summary>
public sealed class SourceLimits
{
    /// <summary>The default limits.</summary>
    public static SourceLimits Default { get; } = new();

    /// <summary>The largest file read, in bytes (default 16 MiB).</summary>
    public long MaxFileBytes { get; init; } = 16L * 1024 * 1024;

    /// <summary>The deepest nesting of mappings and lists (default 128).</summary>
    public int MaxDepth { get; init; } = 128;

    /// <summary>The most nodes that YAML aliases may add to a document by expansion (default 100 000).</summary>
    public int MaxAliasNodes { get; init; } = 100_000;

    /// <summary>The most nodes in a document, after alias expansion (default 1 000 000).</summary>
    public int MaxNodes { get; init; } = 1_000_000;

    /// <summary>The longest key, in characters (default 1024).</summary>
    public int MaxKeyLength { get; init; } = 1024;

    /// <summary>The longest scalar, in characters (default 1 MiB).</summary>
    public int MaxScalarLength { get; init; } = 1024 * 1024;

    /// <summary>
    /// The longest wait for a file that reports no size (a FIFO, a device) to be read (default 5 s); regular files with
    /// content are read directly.
    /// </summary>
    public TimeSpan MaxReadTime { get; init; } = TimeSpan.FromSeconds(5);
}
