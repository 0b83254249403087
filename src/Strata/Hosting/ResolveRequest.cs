using Strata.Sources;

namespace Strata.Hosting;

/// <summary>The inputs of one resolution: config files in order, overrides in order, and the options.</summary>
/// <param name="Files">The config files, lowest precedence first.</param>
/// <param name="Overrides">The <c>key.path=value</c> overrides, in order.</param>
/// <param name="Options">The resolve options.</param>
/// <param name="OverridePlaces">
/// For each override, the response file line it was read from (<see langword="null"/> for a typed one); null when every
/// override was typed.
/// </param>
internal sealed record ResolveRequest(IReadOnlyList<string> Files, IReadOnlyList<string> Overrides, ResolveOptions Options, IReadOnlyList<ArgumentPlace?>? OverridePlaces = null);
