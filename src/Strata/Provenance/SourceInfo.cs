using Strata.Sources;

namespace Strata.Provenance;

/// <summary>
/// The document that positioned nodes come from: a configuration file, a checkpoint's file, or one command-line
/// override. Every node read from it keeps this object with a line and a column, and makes its <see cref="Origin"/>
/// only when asked (most origins are never read), exactly as the origin would have been made up front.
/// </summary>
internal sealed class SourceInfo
{
    private readonly OriginKind _kind;
    private readonly string? _path;
    private readonly int _argument;
    private readonly int _line;
    private readonly int _columnOffset;

    private SourceInfo(OriginKind kind, string? path, int argument, int line, int columnOffset)
    {
        _kind = kind;
        _path = path;
        _argument = argument;
        _line = line;
        _columnOffset = columnOffset;
    }

    /// <summary>A file: <see cref="Origin.InFile"/>, or <see cref="Origin.InCheckpoint"/> for a checkpoint's file.</summary>
    public static SourceInfo OfFile(string path, bool checkpoint) =>
        new(checkpoint ? OriginKind.Checkpoint : OriginKind.File, path, 0, 0, 0);

    /// <summary>
    /// The override numbered <paramref name="argument"/>, typed (<c>cli arg #N</c>) or read from a response file at
    /// <paramref name="place"/> (<c>FILE:LINE</c>); columns are those of the argument, and lines are not used.
    /// </summary>
    public static SourceInfo OfOverride(int argument, ArgumentPlace? place) =>
        new(OriginKind.CommandLine, place?.File, argument, place?.Line ?? 0, 0);

    /// <summary>The same override, for text that starts after <paramref name="offset"/> characters of the argument.</summary>
    public SourceInfo Shifted(int offset) => new(_kind, _path, _argument, _line, _columnOffset + offset);

    /// <summary>The origin of a 1-based line and column (0 and 0 for the document as a whole).</summary>
    public Origin At(int line, int column) => _kind switch
    {
        OriginKind.File => Origin.InFile(_path!, line, column),
        OriginKind.Checkpoint => Origin.InCheckpoint(_path!, line, column),
        _ when _path is null => Origin.FromCommandLine(_argument, _columnOffset + Math.Max(column, 1)),
        _ => Origin.FromResponseFile(_path, _line, _argument, _columnOffset + Math.Max(column, 1)),
    };

    /// <summary>A position of this document.</summary>
    public SourcePosition Position(int line, int column) => new(this, line, column);
}
