namespace Strata.Packaging.Tests.Docs;

/// <summary>Tests that change the process's working directory run alone.</summary>
[CollectionDefinition(nameof(WorkingDirectoryCollection), DisableParallelization = true)]
public sealed class WorkingDirectoryCollection;
