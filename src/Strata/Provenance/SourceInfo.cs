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
    private readonly ArgumentPlace? _place;
    private readonly int _columnOffset;

    private SourceInfo(OriginKind kind, string? path, int argument, ArgumentPlace? place, int columnOffset)
    {
        _kind = kind;
        _path = path;
        _argument = argument;
        _place = place;
        _columnOffset = columnOffset;
    }

    /// <summary>A file: <see cref="Origin.InFile"/>, or <see cref="Origin.InCheckpoint"/> for a checkpoint's file.</summary>
    public static SourceInfo OfFile(string path, bool checkpoint) =>
        new(checkpoint ? OriginKind.Checkpoint : OriginKind.File, path, 0, null, 0);

    /// <summary>A named preset: <see cref="Origin.InPreset"/>.</summary>
    public static SourceInfo OfPreset(string name) => new(OriginKind.Preset, name, 0, null, 0);

    /// <summary>
    /// The override numbered <paramref name="argument"/>, typed (<c>cli arg #N</c>) or read from a response file at
    /// <paramref name="place"/> (<c>FILE:LINE</c>); lines are not used, and columns are those of a text that starts
    /// after <paramref name="columnOffset"/> characters of the argument.
    /// </summary>
    public static SourceInfo OfOverride(int argument, ArgumentPlace? place, int columnOffset = 0) =>
        new(OriginKind.CommandLine, null, argument, place, columnOffset);

    /// <summary>The origin of a 1-based column of the override numbered <paramref name="argument"/>, read at <paramref name="place"/>.</summary>
    public static Origin OverrideAt(int argument, ArgumentPlace? place, int column) => place is { } at
        ? Origin.FromResponseFile(at.File, at.Line, argument, column)
        : Origin.FromCommandLine(argument, column);

    /// <summary>The origin of a 1-based line and column (0 and 0 for the document as a whole).</summary>
    public Origin At(int line, int column) => _kind switch
    {
        OriginKind.File => Origin.InFile(_path!, line, column),
        OriginKind.Checkpoint => Origin.InCheckpoint(_path!, line, column),
        OriginKind.Preset => Origin.InPreset(_path!, line, column),
        _ => OverrideAt(_argument, _place, _columnOffset + Math.Max(column, 1)),
    };

    public SourcePosition Position(int line, int column) => new(this, line, column);
}
