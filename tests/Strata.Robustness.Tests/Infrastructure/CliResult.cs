namespace Strata.Robustness.Tests.Infrastructure;

/// <summary>What one run of the command line printed and returned, how long it took and what it allocated.</summary>
public sealed record CliResult(int ExitCode, string Output, string Error, TimeSpan Elapsed, long AllocatedBytes);
