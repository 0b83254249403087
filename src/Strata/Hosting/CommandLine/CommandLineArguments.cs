using Strata.Sources;

namespace Strata.Hosting.CommandLine;

/// <summary>
/// The arguments of one invocation once response files (<c>@FILE</c>) are expanded: what System.CommandLine parses,
/// the place of every argument read from a file, and the response files read (inputs, which an output must not
/// replace).
/// </summary>
internal sealed class CommandLineArguments
{
    private readonly Dictionary<string, ArgumentPlace>? _places;

    public CommandLineArguments(IReadOnlyList<string> tokens, IReadOnlyList<string> responseFiles, Dictionary<string, ArgumentPlace>? places)
    {
        Tokens = tokens;
        ResponseFiles = responseFiles;
        _places = places;
    }

    /// <summary>The arguments to parse, in order: typed ones as given, and each response file's in its place.</summary>
    public IReadOnlyList<string> Tokens { get; }

    /// <summary>Every response file read, nested ones included, as named on the command line or in the file that named it.</summary>
    public IReadOnlyList<string> ResponseFiles { get; }

    /// <summary>
    /// The response file line an argument was read from, or <see langword="null"/> for a typed one. Arguments are
    /// told apart by reference, not by text: System.CommandLine hands back the very strings it was given, and every
    /// argument read from a file is a string of its own, so the same text typed and read keeps two places.
    /// </summary>
    /// <param name="argument">An argument as System.CommandLine returned it.</param>
    public ArgumentPlace? PlaceOf(string argument) =>
        _places is not null && _places.TryGetValue(argument, out var place) ? place : null;
}
