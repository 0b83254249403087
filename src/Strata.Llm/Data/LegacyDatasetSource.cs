namespace Strata.Llm.Data;

/// <summary>Where a legacy (per-phase split) dataset reads its data from.</summary>
public enum LegacyDatasetSource
{
    /// <summary>One path, or alternating weights and paths of memory-mapped datasets.</summary>
    List,

    /// <summary>One JSON file describing the datasets.</summary>
    File,

    /// <summary>Random tokens (no path).</summary>
    Random,
}
