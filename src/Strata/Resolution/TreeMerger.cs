using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// Merges trees (R2): maps merge key by key, lists and scalars replace, and a replaced value's origin is kept as the
/// history of the new one (R13). Polymorphic sub-trees whose <c>type</c> changes are replaced whole, and the drop is
/// reported (R7).
/// </summary>
internal static class TreeMerger
{
    public static ConfigNode DeepUpdate(ConfigNode lower, ConfigNode upper, ConfigTypeInfo? info, DiagnosticBag diagnostics, string path) =>
        DeepUpdate(lower, upper, new SchemaCursor(info, null), diagnostics, path);

    public static ConfigMap ApplyOverride(ConfigMap root, ConfigOverride change, DiagnosticBag diagnostics)
    {
        var result = Set(root, change, 0, diagnostics, string.Empty);
        return result as ConfigMap ?? root;
    }

    private static ConfigNode DeepUpdate(ConfigNode lower, ConfigNode upper, SchemaCursor cursor, DiagnosticBag diagnostics, string path)
    {
        if (lower is not ConfigMap lowerMap || upper is not ConfigMap upperMap)
        {
            return WithHistory(upper, lower);
        }

        var info = cursor.ResolveConfig(upperMap) ?? cursor.ResolveConfig(lowerMap);
        if (cursor.IsPolymorphic && TypeChanged(lowerMap, upperMap, out var lowerType, out var upperType))
        {
            var dropped = lowerMap.Entries.Where(e => e.Key != "type" && upperMap.IndexOf(e.Key) < 0).Select(static e => e.Key).ToList();
            diagnostics.Info(
                DiagnosticCodes.TypeChanged,
                path,
                upperMap.TryGetValue("type", out var t) ? t.Origin : upperMap.Origin,
                "type changed from '" + lowerType + "' to '" + upperType + "'; keys of the lower layer dropped: "
                + (dropped.Count == 0 ? "none" : string.Join(", ", dropped)));
            return upperMap;
        }

        var entries = new List<ConfigMapEntry>(lowerMap.Count + upperMap.Count);
        foreach (var entry in lowerMap.Entries)
        {
            if (upperMap.TryGetValue(entry.Key, out var upperValue))
            {
                var child = cursor.Child(info, entry.Key);
                var merged = DeepUpdate(entry.Value, upperValue, child, diagnostics, PathText.Combine(path, entry.Key));
                var keyOrigin = upperMap.Entries[upperMap.IndexOf(entry.Key)].KeyOrigin;
                entries.Add(new ConfigMapEntry(entry.Key, keyOrigin, merged));
            }
            else
            {
                entries.Add(entry);
            }
        }

        foreach (var entry in upperMap.Entries)
        {
            if (lowerMap.IndexOf(entry.Key) < 0)
            {
                entries.Add(entry);
            }
        }

        return new ConfigMap([.. entries], upperMap.Origin, owned: true);
    }

    private static ConfigNode WithHistory(ConfigNode upper, ConfigNode? lower) =>
        lower is null || upper is not ConfigScalar ? upper : upper.WithOrigin(upper.Origin.WithPrevious(lower.Origin));

    private static bool TypeChanged(ConfigMap lower, ConfigMap upper, out string? lowerType, out string? upperType)
    {
        lowerType = lower.TryGetValue("type", out var l) ? (l as ConfigScalar)?.Value : null;
        upperType = upper.TryGetValue("type", out var u) ? (u as ConfigScalar)?.Value : null;
        return lowerType is not null && upperType is not null && !string.Equals(lowerType, upperType, StringComparison.Ordinal);
    }

    private static ConfigNode Set(ConfigNode? current, ConfigOverride change, int step, DiagnosticBag diagnostics, string path)
    {
        if (step == change.Path.Count)
        {
            return WithHistory(change.Value, current);
        }

        var segment = change.Path[step];
        if (segment.IsIndex)
        {
            if (current is not ConfigSequence sequence || segment.Index < 0 || segment.Index >= sequence.Items.Count)
            {
                diagnostics.Error(
                    DiagnosticCodes.OverrideSyntax,
                    path,
                    change.Origin,
                    current is ConfigSequence s
                        ? "index " + segment + " is out of range for a list of " + s.Items.Count.ToString(System.Globalization.CultureInfo.InvariantCulture)
                        : "`" + path + "` is not a list, so " + segment + " cannot be set");
                return current ?? ConfigScalar.Null(change.Origin);
            }

            var items = sequence.Items.ToArray();
            items[segment.Index] = Set(items[segment.Index], change, step + 1, diagnostics, path + segment);
            return new ConfigSequence(items, sequence.Origin, owned: true);
        }

        var key = segment.Key!;
        var map = current as ConfigMap ?? ConfigMap.Empty(change.Origin);
        var index = map.IndexOf(key);
        var childPath = PathText.Combine(path, key);
        var entries = map.EntryArray.ToList();
        if (index >= 0)
        {
            entries[index] = entries[index] with { Value = Set(entries[index].Value, change, step + 1, diagnostics, childPath) };
        }
        else
        {
            entries.Add(new ConfigMapEntry(key, change.Origin, Set(null, change, step + 1, diagnostics, childPath)));
        }

        return new ConfigMap([.. entries], map.Origin, owned: true);
    }

    /// <summary>A position in the schema while walking a tree: a config class, or a value type (dictionaries of configs).</summary>
    private readonly record struct SchemaCursor(ConfigTypeInfo? Config, ConfigValueType? Value)
    {
        public bool IsPolymorphic => Config is { IsPolymorphic: true };

        public ConfigTypeInfo? ResolveConfig(ConfigMap map)
        {
            if (Config is null)
            {
                return null;
            }

            if (Config.IsPolymorphic && map.TryGetValue("type", out var t) && t is ConfigScalar { Value: { } name })
            {
                return Config.FindSubtype(name)?.TypeInfo ?? Config;
            }

            return Config;
        }

        public SchemaCursor Child(ConfigTypeInfo? resolved, string key)
        {
            if (resolved is not null)
            {
                var field = resolved.FindByKey(key);
                return field is null ? default : ForValue(field.ValueType);
            }

            if (Value is { Shape: ValueShape.Dictionary, ElementType: { } element })
            {
                return ForValue(element);
            }

            return default;
        }

        private static SchemaCursor ForValue(ConfigValueType type) => type.Shape switch
        {
            ValueShape.Config => new SchemaCursor(type.NestedConfig, type),
            ValueShape.Nullable when type.ElementType is { } inner => ForValue(inner),
            ValueShape.Dictionary => new SchemaCursor(null, type),
            _ => default,
        };
    }
}
