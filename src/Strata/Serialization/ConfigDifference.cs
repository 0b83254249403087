namespace Strata;

/// <summary>One differing effective value between two configs.</summary>
/// <param name="Path">The dotted path.</param>
/// <param name="Left">The left value as YAML flow text, or <see langword="null"/> when absent.</param>
/// <param name="Right">The right value as YAML flow text, or <see langword="null"/> when absent.</param>
public sealed record ConfigDifference(string Path, string? Left, string? Right);
