namespace Strata.Hosting;

/// <summary>The inputs of one resolution: config files in order, overrides in order, and the options.</summary>
/// <param name="Files">The config files, lowest precedence first.</param>
/// <param name="Overrides">The <c>key.path=value</c> overrides, in order.</param>
/// <param name="Options">The resolve options.</param>
internal sealed record ResolveRequest(IReadOnlyList<string> Files, IReadOnlyList<string> Overrides, ResolveOptions Options);
