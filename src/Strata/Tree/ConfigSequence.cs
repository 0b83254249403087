using Strata.Provenance;

namespace Strata.Tree;

/// <summary>A sequence of nodes.</summary>
public sealed class ConfigSequence : ConfigNode
{
    private static readonly ConfigNode[] s_empty = [];
    private readonly ConfigNode[] _items;

    /// <summary>Creates a sequence.</summary>
    /// <param name="items">The items, in order; the list is copied.</param>
    /// <param name="origin">Where the sequence starts.</param>
    public ConfigSequence(IEnumerable<ConfigNode> items, Origin origin)
        : base(origin)
    {
        ArgumentNullException.ThrowIfNull(items);
        _items = [.. items];
    }

    internal ConfigSequence(ConfigNode[] items, Origin origin, bool owned)
        : base(origin)
    {
        _ = owned;
        _items = items;
    }

    internal ConfigSequence(ConfigNode[] items, SourcePosition at)
        : base(at)
    {
        _items = items;
    }

    /// <summary>An empty sequence at <paramref name="origin"/>.</summary>
    /// <param name="origin">The origin.</param>
    public static ConfigSequence Empty(Origin origin) => new(s_empty, origin, owned: true);

    /// <summary>The items.</summary>
    public IReadOnlyList<ConfigNode> Items => _items;

    /// <summary>The items as an array (never modified): indexed or enumerated without an enumerator object.</summary>
    internal ConfigNode[] ItemArray => _items;

    /// <inheritdoc />
    public override ConfigNodeKind Kind => ConfigNodeKind.Sequence;

    /// <inheritdoc />
    public override ConfigNode WithOrigin(Origin origin) => ReferenceEquals(origin, Origin) ? this : new ConfigSequence(_items, origin, owned: true);

    /// <inheritdoc />
    public override string Describe() => "a list";
}
