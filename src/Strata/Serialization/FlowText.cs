using System.Text;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>Formats an output node as one-line YAML flow text, for tables and messages.</summary>
internal static class FlowText
{
    public static string Format(ConfigNode node)
    {
        var sb = new StringBuilder();
        Append(sb, node);
        return sb.ToString();
    }

    private static string Quote(string text) =>
        "\"" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("\"", "\\\"", StringComparison.Ordinal).Replace("\n", "\\n", StringComparison.Ordinal) + "\"";

    private static void Append(StringBuilder sb, ConfigNode node)
    {
        switch (node)
        {
            case ConfigScalar { Value: null }:
                sb.Append("null");
                break;
            case ConfigScalar s:
                sb.Append(s.Style == ScalarStyle.Quoted && !YamlEmitter.IsPlainSafeString(s.Value) ? Quote(s.Value) : s.Value);
                break;
            case ConfigSequence seq:
                sb.Append('[');
                for (var i = 0; i < seq.Items.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    Append(sb, seq.Items[i]);
                }

                sb.Append(']');
                break;
            case ConfigMap map:
                sb.Append('{');
                for (var i = 0; i < map.Count; i++)
                {
                    if (i > 0)
                    {
                        sb.Append(", ");
                    }

                    sb.Append(map.Entries[i].Key).Append(": ");
                    Append(sb, map.Entries[i].Value);
                }

                sb.Append('}');
                break;
        }
    }
}
