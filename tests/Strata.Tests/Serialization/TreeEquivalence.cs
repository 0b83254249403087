using Strata.Serialization;
using Strata.Tree;
using Xunit.Sdk;

namespace Strata.Tests.Serialization;

/// <summary>Compares trees: same shape, same keys in the same order, same scalar texts, and the same string-ness.</summary>
internal static class TreeEquivalence
{
    /// <summary>
    /// Whether a scalar means a string: quoted, or plain with a text no YAML reader would take for a null, a boolean
    /// or a number. A quoted string written plain by the emitter comes back plain, and still means a string; a plain
    /// text that no YAML plain scalar can hold (controls, surrounding spaces...) is no number either, so the emitter
    /// writes it quoted and it still means the same.
    /// </summary>
    public static bool IsString(ConfigScalar scalar) =>
        scalar.Value is { } text
        && (scalar.Style == ScalarStyle.Quoted || !YamlEmitter.LooksLikeNonString(text) || !YamlEmitter.IsPlainSafeScalar(text));

    public static void AssertYamlEquivalent(ConfigNode expected, ConfigNode actual) => Compare(expected, actual, "$", exactStyle: false);

    public static void AssertIdentical(ConfigNode expected, ConfigNode actual) => Compare(expected, actual, "$", exactStyle: true);

    private static void Compare(ConfigNode expected, ConfigNode actual, string path, bool exactStyle)
    {
        if (expected.Kind != actual.Kind)
        {
            throw new XunitException(path + ": expected " + expected.Describe() + ", got " + actual.Describe());
        }

        switch (expected)
        {
            case ConfigMap map:
                var other = (ConfigMap)actual;
                var keys = map.Entries.Select(e => e.Key).ToList();
                var otherKeys = other.Entries.Select(e => e.Key).ToList();
                if (!keys.SequenceEqual(otherKeys))
                {
                    throw new XunitException(path + ": keys [" + string.Join(", ", keys) + "] became [" + string.Join(", ", otherKeys) + "]");
                }

                for (var i = 0; i < map.Count; i++)
                {
                    Compare(map.Entries[i].Value, other.Entries[i].Value, path + "." + map.Entries[i].Key, exactStyle);
                }

                break;
            case ConfigSequence sequence:
                var items = ((ConfigSequence)actual).Items;
                if (sequence.Items.Count != items.Count)
                {
                    throw new XunitException(path + ": " + sequence.Items.Count + " items became " + items.Count);
                }

                for (var i = 0; i < items.Count; i++)
                {
                    Compare(sequence.Items[i], items[i], path + "[" + i + "]", exactStyle);
                }

                break;
            case ConfigScalar scalar:
                var result = (ConfigScalar)actual;
                var same = scalar.Value == result.Value && (exactStyle ? scalar.Style == result.Style : IsString(scalar) == IsString(result));
                if (!same)
                {
                    throw new XunitException(path + ": " + Show(scalar) + " became " + Show(result));
                }

                break;
        }
    }

    private static string Show(ConfigScalar scalar) =>
        scalar.Value is null ? "null" : scalar.Style + " " + System.Text.Json.JsonSerializer.Serialize(scalar.Value);
}
