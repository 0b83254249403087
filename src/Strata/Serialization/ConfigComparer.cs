using Strata.Schema;
using Strata.Tree;

namespace Strata;

/// <summary>Compares the effective values of two configs (explicit or not), like Fast-LLM's <c>compare</c>.</summary>
public static class ConfigComparer
{
    /// <summary>Every differing effective value, with its path.</summary>
    /// <param name="left">A config.</param>
    /// <param name="right">Another config.</param>
    public static IReadOnlyList<ConfigDifference> Compare(ConfigObject left, ConfigObject right)
    {
        ArgumentNullException.ThrowIfNull(left);
        ArgumentNullException.ThrowIfNull(right);
        var context = new ValueWriteContext { Verbosity = Verbosity.All, Secrets = SecretHandling.Redact };
        var a = Serialization.ConfigWriter.ToTree(left, context, forceType: true);
        var b = Serialization.ConfigWriter.ToTree(right, context, forceType: true);
        var differences = new List<ConfigDifference>();
        Diff(a, b, string.Empty, differences);
        return differences;
    }

    private static void Diff(ConfigNode? a, ConfigNode? b, string path, List<ConfigDifference> differences)
    {
        if (a is ConfigMap ma && b is ConfigMap mb)
        {
            foreach (var e in ma.EntryArray)
            {
                Diff(e.Value, mb.TryGetValue(e.Key, out var other) ? other : null, PathText.Combine(path, e.Key), differences);
            }

            foreach (var e in mb.EntryArray)
            {
                if (ma.IndexOf(e.Key) < 0)
                {
                    Diff(null, e.Value, PathText.Combine(path, e.Key), differences);
                }
            }

            return;
        }

        if (a is ConfigSequence sa && b is ConfigSequence sb && sa.Items.Count == sb.Items.Count)
        {
            for (var i = 0; i < sa.Items.Count; i++)
            {
                Diff(sa.Items[i], sb.Items[i], path + PathText.Index(i), differences);
            }

            return;
        }

        var left = a is null ? null : Serialization.FlowText.Format(a);
        var right = b is null ? null : Serialization.FlowText.Format(b);
        if (!string.Equals(left, right, StringComparison.Ordinal))
        {
            differences.Add(new ConfigDifference(path, left, right));
        }
    }
}
