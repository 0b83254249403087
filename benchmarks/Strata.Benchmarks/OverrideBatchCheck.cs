using System.Globalization;
using System.Text;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Benchmarks;

/// <summary>
/// Checks the optimization that the override benchmarks measure: overrides parsed together (their values read by one
/// YAML parser) give exactly what each override parsed alone gives: the same path, the same value tree with the same
/// origins, or the same diagnostic.
/// </summary>
public static class OverrideBatchCheck
{
    /// <summary>The differences between parsing <paramref name="arguments"/> together and one by one (empty when they agree).</summary>
    /// <param name="arguments">The overrides.</param>
    public static IReadOnlyList<string> Differences(IReadOnlyList<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        var together = OverrideParser.ParseAll(arguments);
        var differences = new List<string>();
        for (var i = 0; i < arguments.Count; i++)
        {
            var expected = OverrideParser.TryParse(arguments[i], i + 1, out var change, out var error) ? Describe(change) : Describe(error);
            var actual = together[i].Override is { } o ? Describe(o) : Describe(together[i].Error);
            if (expected != actual)
            {
                differences.Add(string.Create(CultureInfo.InvariantCulture, $"#{i + 1} '{arguments[i]}': alone {expected}, together {actual}"));
            }
        }

        return differences;
    }

    /// <summary>Override values built from the characters and words that matter to YAML, reproducibly from a seed.</summary>
    /// <param name="seed">The seed.</param>
    /// <param name="count">How many overrides.</param>
    public static string[] RandomOverrides(int seed, int count)
    {
        string[] pieces =
        [
            "a", "7", "1e-5", "-", "-1", ".", ".inf", "..", "...", "---", ":", ": ", "#", " #", " ", "\t", "?", "? ", "%",
            "!", "!!str ", "!!int ", "!!foo ", "&x ", "*x", "|", ">", "[", "]", "{", "}", ",", "'", "\"", "null", "~", "true",
            "@", "`", "\\", "=", "é", "\u2028", "\u0001", "<<", "a: b", "[1, 2]", "{a: 1}", "'q'", "\"d\"",
        ];
        var random = new Random(seed);
        var result = new string[count];
        for (var i = 0; i < count; i++)
        {
            var value = new StringBuilder();
            for (var n = random.Next(0, 4); n > 0; n--)
            {
                value.Append(pieces[random.Next(pieces.Length)]);
            }

            result[i] = "training.evaluations.e" + i.ToString(CultureInfo.InvariantCulture) + ".interval=" + value;
        }

        return result;
    }

    private static string Describe(ConfigOverride? change) =>
        change is null ? "nothing" : "path " + change.DottedPath + " value " + Describe(change.Value) + " at " + Describe(change.Origin);

    private static string Describe(Diagnostic? error) =>
        error is null ? "no error" : "error " + error.Code + " " + error.Path + " at " + Describe(error.Origin) + ": " + error.Message;

    private static string Describe(Origin? origin) =>
        origin is null ? "-" : origin.KindName + ":" + origin.Argument.ToString(CultureInfo.InvariantCulture) + ":" + origin.Column.ToString(CultureInfo.InvariantCulture);

    private static string Describe(ConfigNode node) => node switch
    {
        ConfigScalar s => "scalar(" + (s.Value ?? "<null>") + "," + s.Style + "," + Describe(s.Origin) + ")",
        ConfigSequence q => "seq(" + Describe(q.Origin) + ":" + string.Join(";", q.Items.Select(Describe)) + ")",
        ConfigMap m => "map(" + Describe(m.Origin) + ":" + string.Join(";", m.Entries.Select(e => e.Key + "@" + Describe(e.KeyOrigin) + "=" + Describe(e.Value))) + ")",
        _ => node.GetType().Name,
    };
}
