namespace Strata.Robustness.Tests.Infrastructure;

/// <summary>Tests that measure time or allocations, or start many processes, run alone.</summary>
[CollectionDefinition(nameof(SerialCollection), DisableParallelization = true)]
public sealed class SerialCollection;
