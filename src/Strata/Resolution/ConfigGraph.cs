using Strata.Schema;

namespace Strata.Resolution;

/// <summary>
/// Walks the graph of config objects, linking each child to its parent and path step on the way. The children of every
/// config are found again at each walk (a hook may replace a sub-config), in one buffer shared by the whole walk, so a
/// walk allocates nothing per config.
/// </summary>
internal static class ConfigGraph
{
    /// <summary>The children of <paramref name="config"/> with their path steps as text (for tools, not for the pipeline).</summary>
    public static List<(ConfigObject Child, string Step)> Children(ConfigObject config)
    {
        var buffer = new List<(ConfigObject Child, PathStep Step)>();
        Collect(config, buffer);
        var children = new List<(ConfigObject Child, string Step)>(buffer.Count);
        foreach (var (child, step) in buffer)
        {
            children.Add((child, step.ToString()));
        }

        return children;
    }

    /// <summary>A buffer kept for the next walk on this thread (a walk started inside a walk makes its own).</summary>
    [ThreadStatic]
    private static List<(ConfigObject Child, PathStep Step)>? t_buffer;

    /// <summary>
    /// Walks the graph from <paramref name="root"/>: <paramref name="pre"/> visits a config, then the children it has
    /// after that visit are walked the same way, then <paramref name="post"/> visits it (either may be null).
    /// </summary>
    public static void Walk<TState>(ConfigObject root, TState state, Action<ConfigObject, TState>? pre, Action<ConfigObject, TState>? post)
    {
        var buffer = t_buffer ?? [];
        t_buffer = null;
        try
        {
            Walk(root, state, pre, post, buffer);
        }
        finally
        {
            // Cleared, so that it holds no config alive; a very large one is let go rather than kept for ever.
            buffer.Clear();
            if (buffer.Capacity <= 1 << 16)
            {
                t_buffer = buffer;
            }
        }
    }

    private static void Walk<TState>(ConfigObject config, TState state, Action<ConfigObject, TState>? pre, Action<ConfigObject, TState>? post, List<(ConfigObject Child, PathStep Step)> buffer)
    {
        pre?.Invoke(config, state);
        var start = buffer.Count;
        Collect(config, buffer);
        var end = buffer.Count;
        for (var i = start; i < end; i++)
        {
            // Each recursive walk leaves the buffer as it found it.
            Walk(buffer[i].Child, state, pre, post, buffer);
        }

        buffer.RemoveRange(start, end - start);
        post?.Invoke(config, state);
    }

    /// <summary>Appends the children of <paramref name="config"/> to <paramref name="buffer"/> and links them to it.</summary>
    private static void Collect(ConfigObject config, List<(ConfigObject Child, PathStep Step)> buffer)
    {
        var start = buffer.Count;
        var fields = config.ConfigType.ChildFields;
        for (var i = 0; i < fields.Length; i++)
        {
            fields[i].CollectChildren(config, buffer);
        }

        var added = System.Runtime.InteropServices.CollectionsMarshal.AsSpan(buffer)[start..];
        for (var i = 0; i < added.Length; i++)
        {
            ref readonly var entry = ref added[i];
            entry.Child.AttachTo(config, entry.Step);
        }
    }
}
