using Strata.Generators.Diagnostics;

namespace Strata.Generators.Model;

/// <summary>Where a <c>type</c> name is declared, for the duplicate check across one hierarchy (diagnostics pipeline only).</summary>
/// <param name="FullyQualifiedName">The class.</param>
/// <param name="BaseChain">Its config base classes, nearest first.</param>
/// <param name="TypeName">The registered name.</param>
/// <param name="Location">Where the name is written.</param>
internal sealed record TypeNameSite(string FullyQualifiedName, EquatableArray<string> BaseChain, string TypeName, LocationInfo? Location);
