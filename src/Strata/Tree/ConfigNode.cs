using Strata.Provenance;

namespace Strata.Tree;

/// <summary>
/// A node of a source tree: immutable, schema-free data with the origin of every node. Sources (YAML, JSON, overrides,
/// environment, checkpoints) produce trees; the merge combines them; the binder types them with the schema.
/// </summary>
public abstract class ConfigNode
{
    // The origin; for a node read from a document, until its origin is asked for, the document (the line and column
    // say where in it): most nodes' origins are never read, so they are made on request.
    private object _origin;
    private readonly int _line;
    private readonly int _column;

    private protected ConfigNode(Origin origin)
    {
        _origin = origin;
    }

    private protected ConfigNode(SourcePosition at)
    {
        _origin = at.Source;
        _line = at.Line;
        _column = at.Column;
    }

    /// <summary>Where this node was written.</summary>
    public Origin Origin => _origin as Origin ?? MakeOrigin();

    /// <summary>The shape of this node.</summary>
    public abstract ConfigNodeKind Kind { get; }

    /// <summary>Returns the same node with another origin (used to record history during merges).</summary>
    /// <param name="origin">The new origin.</param>
    public abstract ConfigNode WithOrigin(Origin origin);

    /// <summary>
    /// A short description of the node's shape for messages: <c>a mapping</c>, <c>a list</c>, <c>the string "x"</c>; a
    /// scalar's text is cut to a bounded length.
    /// </summary>
    public abstract string Describe();

    private Origin MakeOrigin()
    {
        var source = (SourceInfo)_origin;
        var made = source.At(_line, _column);

        // A tree may be shared between threads: whoever made the origin first, every reader gets the one kept.
        return Interlocked.CompareExchange(ref _origin, made, source) as Origin ?? made;
    }
}
