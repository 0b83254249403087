using System.Globalization;
using Strata.Sources;

namespace Strata;

/// <summary>
/// Where a value came from: a file position, a command-line argument, an environment variable, a checkpoint file,
/// a default or a derivation. Origins are immutable; <see cref="Previous"/> links to the origin of the value this one
/// replaced, which gives the history of a leaf (rule R13).
/// </summary>
public sealed class Origin
{
    /// <summary>The origin of class defaults.</summary>
    public static Origin Default { get; } = new(OriginKind.Default, null, 0, 0, 0, null);

    /// <summary>The origin of derived defaults.</summary>
    public static Origin Derived { get; } = new(OriginKind.Derived, null, 0, 0, 0, null);

    /// <summary>The origin of values set by program code.</summary>
    public static Origin Code { get; } = new(OriginKind.Code, null, 0, 0, 0, null);

    /// <summary>The kind in a byte, beside <see cref="IsShadowed"/>: an origin stays 48 bytes (most values have one).</summary>
    private readonly byte _kind;

    private Origin(OriginKind kind, string? source, int line, int column, int argument, Origin? previous, bool isShadowed = false)
    {
        IsShadowed = isShadowed;
        _kind = (byte)kind;
        Source = source;
        Line = line;
        Column = column;
        Argument = argument;
        Previous = previous;
    }

    /// <summary>The kind of layer.</summary>
    public OriginKind Kind => (OriginKind)_kind;

    /// <summary>
    /// The file path (file, checkpoint, or the response file of a command-line override), the variable name
    /// (environment), the provider name, or the place of a typed argument that is not an override (<c>cli path #N</c>);
    /// otherwise <see langword="null"/>.
    /// </summary>
    public string? Source { get; }

    /// <summary>The 1-based line in <see cref="Source"/>, or 0 when there is no position.</summary>
    /// <remarks>For an override read from a response file, the line of the file that holds it.</remarks>
    public int Line { get; }

    /// <summary>The 1-based column in <see cref="Source"/>, or 0 when there is no position.</summary>
    /// <remarks>For a command-line override (typed or read from a response file), the column inside the override.</remarks>
    public int Column { get; }

    /// <summary>The 1-based number of the command-line override, or 0.</summary>
    public int Argument { get; }

    /// <summary>
    /// Whether this is the value of a declared environment variable that a layer's explicit value hid: it is only in the
    /// history, beneath the value that won (<c>default → env WORLD_SIZE (shadowed) → cli arg #1</c>).
    /// </summary>
    public bool IsShadowed { get; }

    /// <summary>The origin of the value this one replaced, if any.</summary>
    public Origin? Previous { get; }

    /// <summary>Whether a value with this origin is explicit (rule R3): set by a layer or by program code.</summary>
    public bool IsExplicit => Kind is OriginKind.Checkpoint or OriginKind.File or OriginKind.CommandLine or OriginKind.Code or OriginKind.Provider or OriginKind.Preset or OriginKind.Interpolation;

    /// <summary>Creates the origin of a position in a configuration file.</summary>
    /// <param name="path">The file path, as given by the user.</param>
    /// <param name="line">The 1-based line.</param>
    /// <param name="column">The 1-based column.</param>
    public static Origin InFile(string path, int line, int column) => new(OriginKind.File, path, line, column, 0, null);

    /// <summary>Creates the origin of a position in a checkpoint's configuration file.</summary>
    /// <param name="path">The checkpoint file path.</param>
    /// <param name="line">The 1-based line, or 0.</param>
    /// <param name="column">The 1-based column, or 0.</param>
    public static Origin InCheckpoint(string path, int line, int column) => new(OriginKind.Checkpoint, path, line, column, 0, null);

    /// <summary>Creates the origin of a command-line override.</summary>
    /// <param name="argument">The 1-based number of the override among the overrides.</param>
    /// <param name="column">The 1-based column inside the argument, or 0.</param>
    public static Origin FromCommandLine(int argument, int column = 0) => new(OriginKind.CommandLine, null, 0, column, argument, null);

    /// <summary>
    /// Creates the origin of a command-line override read from a response file (<c>@FILE</c>): a
    /// <see cref="OriginKind.CommandLine"/> origin that is shown as <c>FILE:LINE</c> instead of <c>cli arg #N</c>.
    /// </summary>
    /// <param name="path">The response file, as named on the command line.</param>
    /// <param name="line">The 1-based line of the file that holds the override.</param>
    /// <param name="argument">The 1-based number of the override among the overrides (typed or read).</param>
    /// <param name="column">The 1-based column inside the override, or 0.</param>
    public static Origin FromResponseFile(string path, int line, int argument, int column = 0)
    {
        ArgumentNullException.ThrowIfNull(path);
        return new(OriginKind.CommandLine, path, line, column, argument, null);
    }

    /// <summary>
    /// The place of a command-line argument that is not an override (a PATH of <c>explain</c>), for its diagnostics:
    /// <c>FILE:LINE</c> when it was read from a response file, as an override read there is shown, else
    /// <paramref name="typed"/> (<c>cli path #N</c>, N counting such arguments as <c>cli arg #N</c> counts overrides).
    /// </summary>
    internal static Origin OfArgument(string typed, ArgumentPlace? place) => place is { } at
        ? new(OriginKind.CommandLine, at.File, at.Line, 0, 0, null)
        : new(OriginKind.CommandLine, typed, 0, 0, 0, null);

    /// <summary>Creates the origin of a declared environment variable.</summary>
    /// <param name="variable">The variable name.</param>
    public static Origin FromEnvironment(string variable) => new(OriginKind.Environment, variable, 0, 0, 0, null);

    /// <summary>The origin of a declared environment variable whose value an explicit value hid (<see cref="IsShadowed"/>).</summary>
    internal static Origin ShadowedEnvironment(string variable, Origin? previous) => new(OriginKind.Environment, variable, 0, 0, 0, previous, isShadowed: true);

    /// <summary>Creates the origin of a position in a named preset.</summary>
    /// <param name="name">The preset's name.</param>
    /// <param name="line">The 1-based line in the preset's text.</param>
    /// <param name="column">The 1-based column.</param>
    public static Origin InPreset(string name, int line, int column) => new(OriginKind.Preset, name, line, column, 0, null);

    /// <summary>
    /// The origin of an interpolated value: <paramref name="references"/> are the fields it took (shown as written in
    /// <see cref="Source"/>), <paramref name="place"/> the origin of the expression (kept as <see cref="Previous"/>, with
    /// the history of the layers beneath it).
    /// </summary>
    internal static Origin FromInterpolation(string references, Origin place) => new(OriginKind.Interpolation, references, 0, 0, 0, place);

    /// <summary>The place of the expression of an interpolation, else <see langword="null"/>.</summary>
    internal Origin? Place => Kind == OriginKind.Interpolation ? Previous : null;

    /// <summary>Creates the origin of a value supplied by a named provider (for example an <c>IConfiguration</c> key).</summary>
    /// <param name="provider">The provider and key, as shown to users.</param>
    public static Origin FromProvider(string provider) => new(OriginKind.Provider, provider, 0, 0, 0, null);

    /// <summary>Returns a copy of this origin whose history continues with <paramref name="previous"/>.</summary>
    /// <param name="previous">The origin of the value replaced by this one.</param>
    public Origin WithPrevious(Origin? previous) =>
        ReferenceEquals(previous, Previous) ? this : new Origin(Kind, Source, Line, Column, Argument, previous, IsShadowed);

    /// <summary>The history of this value, oldest first, ending with this origin.</summary>
    public IReadOnlyList<Origin> History
    {
        get
        {
            var list = new List<Origin>();
            // An interpolation stands for the place of its expression: that place is not a step of its own.
            for (Origin? o = this; o is not null; o = o.Kind == OriginKind.Interpolation ? o.Previous?.Previous : o.Previous)
            {
                list.Add(o);
            }

            list.Reverse();
            return list;
        }
    }

    /// <summary>The kind as it appears in <c>explain --format json</c>.</summary>
    public string KindName => NameOf(Kind);

    /// <summary>The name of <paramref name="kind"/>, as <see cref="KindName"/> gives it (also for a layer's kind).</summary>
    internal static string NameOf(OriginKind kind) => kind switch
    {
        OriginKind.Default => "default",
        OriginKind.Checkpoint => "checkpoint",
        OriginKind.File => "file",
        OriginKind.CommandLine => "cli",
        OriginKind.Code => "code",
        OriginKind.Environment => "env",
        OriginKind.Derived => "derived",
        OriginKind.Provider => "provider",
        OriginKind.Preset => "preset",
        OriginKind.Interpolation => "interpolation",
        _ => "unknown",
    };

    /// <summary>
    /// Formats the origin like a compiler location: <c>train.yaml:12:7</c>, <c>cli arg #2</c>, <c>args.rsp:3</c> (an
    /// override read from a response file), <c>env RANK</c>.
    /// </summary>
    public override string ToString() => Kind switch
    {
        OriginKind.File => Location,
        OriginKind.Checkpoint => "checkpoint " + Location,

        // The column is inside the override, not inside the line: the place shown is the line.
        OriginKind.CommandLine when Source is not null => Line > 0 ? Source + ":" + Count(Line) : Source,
        OriginKind.CommandLine => "cli arg #" + Count(Argument),
        OriginKind.Environment => "env " + Source + (IsShadowed ? " (shadowed)" : string.Empty),
        OriginKind.Provider => "provider " + Source,
        OriginKind.Preset => "preset " + Source,
        OriginKind.Interpolation => "interpolation of " + Source + " (" + Previous?.Location + ")",
        _ => KindName,
    };

    /// <summary>The location prefix of a diagnostic: the file position when there is one, else the origin text.</summary>
    internal string Location => Kind is not (OriginKind.File or OriginKind.Checkpoint) ? ToString()
        : Line <= 0 ? Source ?? string.Empty
        : Column <= 0 ? Source + ":" + Count(Line)
        : Source + ":" + Count(Line) + ":" + Count(Column);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
