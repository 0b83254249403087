using Strata.Sources;

namespace Strata.Hosting.CommandLine;

/// <summary>
/// The arguments of one invocation once response files (<c>@FILE</c>) are expanded: what System.CommandLine parses (typed
/// arguments as given, and each response file's in its place), the place of every argument read from a file, and every
/// response file read, nested ones included (inputs, which an output must not replace).
/// </summary>
/// <remarks>
/// Arguments are told apart by reference, not by text: System.CommandLine hands back the very strings it was given, and
/// every argument read from a file is a string of its own, so the same text typed and read keeps two places.
/// </remarks>
internal sealed record CommandLineArguments(IReadOnlyList<string> Tokens, IReadOnlyList<string> ResponseFiles, Dictionary<string, ArgumentPlace>? Places)
{
    /// <summary>The response file line an argument was read from, or <see langword="null"/> for a typed one.</summary>
    public ArgumentPlace? PlaceOf(string argument) =>
        Places is not null && Places.TryGetValue(argument, out var place) ? place : null;
}
