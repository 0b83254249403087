namespace Strata.Tree;

/// <summary>
/// The nesting of a tree, measured without recursion: how a tree made outside the readers (an override's value under
/// its path, a tree handed to <see cref="ConfigResolver{T}.AddTree"/>) is held to <see cref="Sources.SourceLimits.MaxDepth"/>
/// before anything walks it recursively.
/// </summary>
internal static class TreeHeight
{
    /// <summary>The levels of mappings and lists in a tree (0 for a scalar), and the first container found at the deepest level.</summary>
    public static (int Height, ConfigNode? Deepest) Measure(ConfigNode node)
    {
        var height = 0;
        ConfigNode? deepest = null;
        var pending = new Stack<(ConfigNode Node, int Depth)>();
        pending.Push((node, 1));
        while (pending.TryPop(out var top))
        {
            var (current, depth) = top;
            if (current is not (ConfigMap or ConfigSequence))
            {
                continue;
            }

            if (depth > height)
            {
                height = depth;
                deepest = current;
            }

            if (current is ConfigMap map)
            {
                foreach (var entry in map.EntryArray)
                {
                    pending.Push((entry.Value, depth + 1));
                }
            }
            else
            {
                foreach (var item in ((ConfigSequence)current).Items)
                {
                    pending.Push((item, depth + 1));
                }
            }
        }

        return (height, deepest);
    }
}
