namespace Strata.Provenance;

/// <summary>A place in a document, packed: the document, a 1-based line and column; no <see cref="Origin"/> is made.</summary>
internal readonly struct SourcePosition(SourceInfo source, int line, int column)
{
    public SourceInfo Source { get; } = source;

    public int Line { get; } = line;

    public int Column { get; } = column;

    public Origin ToOrigin() => Source.At(Line, Column);
}
