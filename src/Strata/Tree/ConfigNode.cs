namespace Strata.Tree;

/// <summary>
/// A node of a source tree: immutable, schema-free data with the origin of every node. Sources (YAML, JSON, overrides,
/// environment, checkpoints) produce trees; the merge combines them; the binder types them with the schema.
/// </summary>
public abstract class ConfigNode
{
    private protected ConfigNode(Origin origin)
    {
        Origin = origin;
    }

    /// <summary>Where this node was written.</summary>
    public Origin Origin { get; }

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
}
