namespace Strata.Sources;

/// <summary>
/// Where a command-line argument was read when it came from a response file (<c>@FILE</c>): the file, as named on the
/// command line, and the 1-based line that holds it. Arguments typed on the command line have no place.
/// </summary>
/// <param name="File">The response file.</param>
/// <param name="Line">The 1-based line.</param>
internal readonly record struct ArgumentPlace(string File, int Line);
