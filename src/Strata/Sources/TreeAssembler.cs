using System.Globalization;
using Strata.Provenance;
using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// Builds a tree from a stream of parse events. Shared by the YAML and JSON readers (and so by the override parser), it
/// enforces what every source enforces: string keys, unique keys, the depth, node, alias and length limits, and the
/// dotted path of each diagnostic. It is not recursive, so hostile nesting cannot overflow the stack, and alias
/// copies share the anchored (immutable) nodes, so an alias costs constant time whatever it expands to.
/// </summary>
internal sealed class TreeAssembler(SourceLimits limits, List<Diagnostic> diagnostics, bool allowMergeKeys)
{
    private const string MergeKey = "<<";
    private readonly List<Frame> _frames = [];
    private readonly NodeListPool _pool = NodeListPool.Current;
    private Dictionary<string, Anchored>? _anchors;
    private long _nodes;
    private long _aliasNodes;

    private enum KeyAction
    {
        Keep,
        Drop,
        Merge,
    }

    public ConfigNode? Root { get; private set; }

    /// <summary>The dotted path of the node that the next event delivers.</summary>
    public string NextPath => PathOf(NextSegment());

    private bool ExpectsKey => _frames.Count > 0 && _frames[^1] is { IsMap: true, HasKey: false };

    public bool Scalar(string? value, ScalarStyle style, SourcePosition at, string? anchor)
    {
        if (!CountNodes(1, at, fromAlias: false))
        {
            return false;
        }

        if (!ExpectsKey && value?.Length > limits.MaxScalarLength)
        {
            Report(DiagnosticCodes.TooLong, NextPath, at.ToOrigin(), "the value is " + Count(value.Length) + " characters long, more than the limit of " + Count(limits.MaxScalarLength));
        }

        var scalar = new ConfigScalar(value, style, at);
        if (anchor is not null)
        {
            Remember(anchor, new Anchored(scalar, 1, 0));
        }

        Deliver(scalar, 1, 0, at);
        return true;
    }

    public bool Open(bool isMap, SourcePosition at, string? anchor)
    {
        if (_frames.Count >= limits.MaxDepth)
        {
            return Fail(DiagnosticCodes.NestingLimit, at.ToOrigin(), "the document nests deeper than the limit of " + Count(limits.MaxDepth) + " levels");
        }

        if (!CountNodes(1, at, fromAlias: false))
        {
            return false;
        }

        _frames.Add(new Frame(at, anchor, NextSegment(), _pool.RentEntries(), isMap ? null : _pool.RentItems()));
        return true;
    }

    public void Close()
    {
        var frame = _frames[^1];
        _frames.RemoveAt(_frames.Count - 1);
        ConfigNode node = frame.Items is { } items ? _pool.ToSequence(items, frame.At) : BuildMap(frame);
        if (!frame.IsMap)
        {
            _pool.Return(frame.Entries);
        }

        if (frame.Anchor is not null)
        {
            Remember(frame.Anchor, new Anchored(node, frame.Size, frame.Height));
        }

        Deliver(node, frame.Size, frame.Height, frame.At);
    }

    /// <summary>Delivers a copy of an anchored node (the same immutable instance, with the anchor's origins).</summary>
    public bool Alias(string name, SourcePosition at)
    {
        if (_anchors is null || !_anchors.TryGetValue(name, out var anchored))
        {
            Report(DiagnosticCodes.Syntax, NextPath, at.ToOrigin(), "the alias " + MessageText.Quoted("*" + name) + " refers to no anchor defined before it");
            return Scalar(null, ScalarStyle.Plain, at, null);
        }

        _aliasNodes += anchored.Size;
        if (_aliasNodes > limits.MaxAliasNodes)
        {
            return Fail(DiagnosticCodes.AliasLimit, at.ToOrigin(), "aliases expand to more than the limit of " + Count(limits.MaxAliasNodes) + " nodes");
        }

        if (_frames.Count + anchored.Height > limits.MaxDepth)
        {
            return Fail(DiagnosticCodes.NestingLimit, at.ToOrigin(), "the alias " + MessageText.Quoted("*" + name) + " nests the document deeper than the limit of " + Count(limits.MaxDepth) + " levels");
        }

        if (!CountNodes(anchored.Size, at, fromAlias: true))
        {
            return false;
        }

        Deliver(anchored.Node, anchored.Size, anchored.Height, at);
        return true;
    }

    /// <summary>Reports an error that does not stop the assembly.</summary>
    public void Report(string code, string path, Origin origin, string message) =>
        diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, code, path, origin, message));

    /// <summary>Reports an error that stops the assembly (the tree is then incomplete); returns <see langword="false"/>.</summary>
    public bool Fail(string code, Origin origin, string message)
    {
        Report(code, string.Empty, origin, message);
        return false;
    }

    private static string Count(long value) => value.ToString(CultureInfo.InvariantCulture);

    private bool CountNodes(int count, SourcePosition at, bool fromAlias)
    {
        _nodes += count;
        if (_nodes <= limits.MaxNodes)
        {
            return true;
        }

        var message = "the document has more than the limit of " + Count(limits.MaxNodes) + " nodes";
        return fromAlias
            ? Fail(DiagnosticCodes.AliasLimit, at.ToOrigin(), message + " once aliases are expanded")
            : Fail(DiagnosticCodes.FileTooLarge, at.ToOrigin(), message);
    }

    private void Remember(string anchor, Anchored anchored) => (_anchors ??= new(StringComparer.Ordinal))[anchor] = anchored;

    private void Deliver(ConfigNode node, int size, int height, SourcePosition at)
    {
        if (_frames.Count == 0)
        {
            Root = node;
            return;
        }

        var top = _frames[^1];
        top.Size += size;
        top.Height = Math.Max(top.Height, height + 1);
        if (top.Items is { } items)
        {
            items.Add(node);
        }
        else if (!top.HasKey)
        {
            AcceptKey(top, node, at);
        }
        else
        {
            top.HasKey = false;
            if (top.Action == KeyAction.Keep)
            {
                top.Entries.Add(new ConfigMapEntry(top.PendingKey, top.PendingKeyAt, node));
            }
            else if (top.Action == KeyAction.Merge)
            {
                AddMerge(top, node);
            }
        }
    }

    private void AcceptKey(Frame map, ConfigNode keyNode, SourcePosition at)
    {
        map.HasKey = true;
        map.Action = KeyAction.Drop;
        if (keyNode is not ConfigScalar { Value: { } key } scalar)
        {
            Report(DiagnosticCodes.InvalidKey, PathOf(new(null, -1)), at.ToOrigin(), "a key must be a string, got " + keyNode.Describe());
        }
        else if (allowMergeKeys && scalar.Style == ScalarStyle.Plain && key == MergeKey)
        {
            map.Action = KeyAction.Merge;
        }
        else if (key.Length > limits.MaxKeyLength)
        {
            Report(DiagnosticCodes.TooLong, PathOf(new(null, -1)), at.ToOrigin(), "a key is " + Count(key.Length) + " characters long, more than the limit of " + Count(limits.MaxKeyLength));
        }
        else if (map.Entries.IndexOf(key) is var first and >= 0)
        {
            Report(DiagnosticCodes.DuplicateKey, PathOf(OverridePathSegment.ForKey(key)), at.ToOrigin(), "duplicate key " + MessageText.Quoted(key) + ", first set at " + map.Entries[first].KeyOrigin.Location);
        }
        else
        {
            map.Action = KeyAction.Keep;
            map.PendingKey = _pool.Key(key);
            map.PendingKeyAt = at;
        }
    }

    private void AddMerge(Frame map, ConfigNode value)
    {
        var merges = map.Merges ??= [];
        var position = map.Entries.Count;
        if (value is ConfigMap single)
        {
            merges.Add((position, single));
            return;
        }

        if (value is ConfigSequence sequence && Array.TrueForAll(sequence.ItemArray, static i => i is ConfigMap))
        {
            foreach (var item in sequence.ItemArray)
            {
                merges.Add((position, (ConfigMap)item));
            }

            return;
        }

        Report(DiagnosticCodes.Syntax, PathOf(new(null, -1)), value.Origin, "the merge key '<<' takes a mapping or a list of mappings, got " + value.Describe());
    }

    /// <summary>
    /// Builds a mapping; YAML 1.1 merge keys insert the merged entries where the <c>&lt;&lt;</c> key was, skipping
    /// keys written explicitly in the mapping (they win wherever they are) and keys of earlier merged mappings.
    /// </summary>
    private ConfigMap BuildMap(Frame frame)
    {
        var entries = frame.Entries;
        if (frame.Merges is not { } merges)
        {
            return _pool.ToMap(entries, frame.At);
        }

        var result = _pool.RentEntries();
        var merge = 0;
        for (var i = 0; i <= entries.Count; i++)
        {
            for (; merge < merges.Count && merges[merge].Position == i; merge++)
            {
                foreach (var entry in merges[merge].Map.EntryArray)
                {
                    if (entries.IndexOf(entry.Key) < 0 && result.IndexOf(entry.Key) < 0)
                    {
                        result.Add(entry);
                    }
                }
            }

            if (i < entries.Count)
            {
                result.Add(entries[i]);
            }
        }

        _pool.Return(entries);
        return _pool.ToMap(result, frame.At);
    }

    /// <summary>The place of the next node in its parent; (null, -1), which no path shows, for the root or a dropped key.</summary>
    private OverridePathSegment NextSegment()
    {
        var top = _frames.Count > 0 ? _frames[^1] : null;
        return top?.Items is { } items ? OverridePathSegment.ForIndex(items.Count)
            : new(top is { HasKey: true, Action: KeyAction.Keep } ? top.PendingKey : null, -1);
    }

    private string PathOf(OverridePathSegment next)
    {
        var steps = new List<OverridePathSegment>(_frames.Count + 1);
        foreach (var frame in _frames)
        {
            Add(frame.Segment);
        }

        Add(next);
        return ConfigOverride.DottedPathOf(steps);

        void Add(OverridePathSegment step)
        {
            if (step.Key is not null || step.Index >= 0)
            {
                steps.Add(step);
            }
        }
    }

    private readonly record struct Anchored(ConfigNode Node, int Size, int Height);

    /// <summary>
    /// A mapping, or a sequence (with its items), being read: where it starts, its anchor, its place in its parent (a
    /// key, or an index), the size (alias copies included) and height of what was read of it, and for a mapping, the
    /// key whose value is awaited (<see cref="HasKey"/>) and what to do with that value.
    /// </summary>
    private sealed class Frame(SourcePosition at, string? anchor, OverridePathSegment segment, EntryList entries, List<ConfigNode>? items)
    {
        public readonly SourcePosition At = at;
        public readonly string? Anchor = anchor;
        public readonly OverridePathSegment Segment = segment;
        public readonly EntryList Entries = entries;
        public readonly List<ConfigNode>? Items = items;
        public int Size = 1;
        public int Height = 1;
        public List<(int Position, ConfigMap Map)>? Merges;
        public bool HasKey;
        public KeyAction Action;
        public string PendingKey = string.Empty;
        public SourcePosition PendingKeyAt;

        public bool IsMap => Items is null;
    }
}
