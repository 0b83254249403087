namespace Strata.Tree;

/// <summary>The shape of a <see cref="ConfigNode"/>.</summary>
public enum ConfigNodeKind
{
    /// <summary>A scalar (including null).</summary>
    Scalar,

    /// <summary>A sequence of nodes.</summary>
    Sequence,

    /// <summary>A mapping from string keys to nodes, in document order.</summary>
    Map,
}
