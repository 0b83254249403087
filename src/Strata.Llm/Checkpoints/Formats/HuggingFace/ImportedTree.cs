using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>The base-model tree an import builds, one dotted path at a time, in the order the values are set.</summary>
internal sealed class ImportedTree
{
    private readonly Node _root = new();

    /// <summary>Sets the value at a dotted path (<c>transformer.rotary.theta</c>); a later value replaces an earlier one.</summary>
    public void Set(string path, ConfigNode value)
    {
        var node = _root;
        var steps = path.Split('.');
        foreach (var step in steps[..^1])
        {
            node = node.Child(step);
        }

        node.Values[steps[^1]] = value;
        node.Order.Remove(steps[^1]);
        node.Order.Add(steps[^1]);
    }

    /// <summary>Whether a value is set at a dotted path.</summary>
    public bool Contains(string path)
    {
        var node = _root;
        var steps = path.Split('.');
        foreach (var step in steps[..^1])
        {
            if (!node.Children.TryGetValue(step, out var child))
            {
                return false;
            }

            node = child;
        }

        return node.Values.ContainsKey(steps[^1]);
    }

    /// <summary>The tree, every mapping at <paramref name="origin"/>.</summary>
    public ConfigMap Build(Origin origin) => _root.Build(origin);

    private sealed class Node
    {
        public Dictionary<string, ConfigNode> Values { get; } = new(StringComparer.Ordinal);

        public Dictionary<string, Node> Children { get; } = new(StringComparer.Ordinal);

        public List<string> Order { get; } = [];

        public Node Child(string key)
        {
            if (!Children.TryGetValue(key, out var child))
            {
                child = new Node();
                Children[key] = child;
                Order.Add(key);
            }

            return child;
        }

        public ConfigMap Build(Origin origin)
        {
            var entries = new List<ConfigMapEntry>(Order.Count);
            foreach (var key in Order)
            {
                entries.Add(Values.TryGetValue(key, out var value) ? new ConfigMapEntry(key, value.Origin, value) : new ConfigMapEntry(key, origin, Children[key].Build(origin)));
            }

            return new ConfigMap(entries, origin);
        }
    }
}
