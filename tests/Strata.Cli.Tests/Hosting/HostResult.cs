namespace Strata.Cli.Tests.Hosting;

/// <summary>What one run of a host printed and returned.</summary>
public sealed record HostResult(int ExitCode, string Output, string Error);
