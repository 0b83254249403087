namespace Strata.Extensions.Tests.Configs;

/// <summary>A service that preparation hooks ask for.</summary>
/// <param name="Text">The greeting.</param>
public sealed record GreetingSource(string Text);
