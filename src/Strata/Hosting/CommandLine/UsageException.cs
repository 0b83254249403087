namespace Strata.Hosting.CommandLine;

/// <summary>A mistake in the command line found by a verb after parsing; reported as a usage error (exit code 2).</summary>
internal sealed class UsageException(string message) : Exception(message);
