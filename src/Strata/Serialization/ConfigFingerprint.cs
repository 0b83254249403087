using System.Security.Cryptography;
using System.Text;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>The fingerprint of R12: SHA-256 of the canonical JSON (keys sorted, compact) of the full config.</summary>
internal static class ConfigFingerprint
{
    private static readonly ValueWriteContext s_context = new() { Verbosity = Verbosity.All, Secrets = SecretHandling.Omit, OmitRankLocal = true };

    public static string Compute(ConfigObject config)
    {
        var sink = new JsonEmitter(indented: false);
        WriteSorted(ConfigWriter.ToTree(config, s_context), sink);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(sink.ToString())));
    }

    /// <summary>Writes a tree with the keys of every mapping in ordinal order.</summary>
    private static void WriteSorted(ConfigNode node, ValueSink sink)
    {
        switch (node)
        {
            case ConfigMap map:
                ConfigMapEntry[] entries = [.. map.EntryArray];
                Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
                sink.StartMap();
                foreach (var entry in entries)
                {
                    sink.Key(entry.Key);
                    WriteSorted(entry.Value, sink);
                }

                sink.EndMap();
                break;
            case ConfigSequence sequence:
                sink.StartList();
                foreach (var item in sequence.ItemArray)
                {
                    WriteSorted(item, sink);
                }

                sink.EndList();
                break;
            default:
                TreeSink.Replay(node, sink);
                break;
        }
    }
}
