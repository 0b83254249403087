using System.Security.Cryptography;
using System.Text;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>The fingerprint of R12: SHA-256 of the canonical JSON (keys sorted, compact) of the full config.</summary>
internal static class ConfigFingerprint
{
    public static string Compute(ConfigObject config)
    {
        var tree = ConfigWriter.WriteObject(config, new ValueWriteContext { Verbosity = Verbosity.All, Secrets = SecretHandling.Omit, OmitRankLocal = true }, forceType: false);
        var canonical = JsonEmitter.Emit(Sort(tree), indented: false);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonical)));
    }

    private static ConfigNode Sort(ConfigNode node) => node switch
    {
        ConfigMap map => new ConfigMap(
            [.. map.Entries.OrderBy(static e => e.Key, StringComparer.Ordinal).Select(static e => e with { Value = Sort(e.Value) })],
            map.Origin,
            owned: true),
        ConfigSequence seq => new ConfigSequence([.. seq.Items.Select(Sort)], seq.Origin, owned: true),
        _ => node,
    };
}
