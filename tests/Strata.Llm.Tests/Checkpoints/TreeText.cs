using System.Text;
using Strata.Tree;

namespace Strata.Llm.Tests.Checkpoints;

/// <summary>A tree as indented <c>key: value</c> lines, for assertions and failure messages.</summary>
internal static class TreeText
{
    public static string Show(ConfigNode node)
    {
        var sb = new StringBuilder();
        Write(node, 0, sb);
        return sb.ToString();
    }

    /// <summary>The value at a dotted path, or <see langword="null"/>.</summary>
    public static ConfigNode? At(ConfigMap map, string path)
    {
        ConfigNode node = map;
        foreach (var step in path.Split('.'))
        {
            if (node is not ConfigMap current || !current.TryGetValue(step, out var next))
            {
                return null;
            }

            node = next;
        }

        return node;
    }

    private static void Write(ConfigNode node, int indent, StringBuilder sb)
    {
        switch (node)
        {
            case ConfigMap map:
                foreach (var entry in map.Entries)
                {
                    sb.Append(' ', indent).Append(entry.Key).Append(':');
                    if (entry.Value is ConfigScalar scalar)
                    {
                        sb.Append(' ').Append(scalar.Value ?? "null").Append('\n');
                    }
                    else
                    {
                        sb.Append('\n');
                        Write(entry.Value, indent + 2, sb);
                    }
                }

                break;
            case ConfigSequence sequence:
                foreach (var item in sequence.Items)
                {
                    sb.Append(' ', indent).Append("- ");
                    if (item is ConfigScalar s)
                    {
                        sb.Append(s.Value ?? "null").Append('\n');
                    }
                    else
                    {
                        sb.Append('\n');
                        Write(item, indent + 2, sb);
                    }
                }

                break;
            case ConfigScalar scalar:
                sb.Append(' ', indent).Append(scalar.Value ?? "null").Append('\n');
                break;
        }
    }
}
