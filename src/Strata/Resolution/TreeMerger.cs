using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// Merges trees (R2): maps merge key by key, lists and scalars replace, and a replaced value's origin is kept as the
/// history of the new one (R13). Polymorphic sub-trees whose <c>type</c> changes are replaced whole, and the drop is
/// reported (R7). Overrides are applied to a <see cref="MergeBuilder"/>, which copies each map or list on their paths
/// once, however many overrides go through it.
/// </summary>
internal static class TreeMerger
{
    public static ConfigNode DeepUpdate(ConfigNode lower, ConfigNode upper, ConfigTypeInfo? info, DiagnosticBag diagnostics, string path) =>
        DeepUpdate(lower, upper, new SchemaCursor(info, null), diagnostics, new PathTrail(path));

    public static ConfigMap ApplyOverride(ConfigMap root, ConfigOverride change, DiagnosticBag diagnostics)
    {
        var builder = new MergeBuilder(root);
        builder.Set(change, diagnostics);
        return builder.ToMap();
    }

    /// <summary>
    /// The tree an override of keys only (no list index) sets on its own: one mapping per step, each with the
    /// override's origin, and its value at the end; what <see cref="ApplyOverride"/> gives on an empty mapping.
    /// </summary>
    public static ConfigMap Chain(ConfigOverride change)
    {
        var node = change.Value;
        for (var step = change.Path.Count - 1; step >= 0; step--)
        {
            node = new ConfigMap([new ConfigMapEntry(change.Path[step].Key ?? string.Empty, change.Origin, node)], change.Origin, owned: true);
        }

        return (ConfigMap)node;
    }

    internal static ConfigNode DeepUpdate(ConfigNode lower, ConfigNode upper, SchemaCursor cursor, DiagnosticBag diagnostics, PathTrail path)
    {
        if (lower is not ConfigMap lowerMap || upper is not ConfigMap upperMap)
        {
            return WithHistory(upper, lower.Origin);
        }

        if (lowerMap.Count == 0)
        {
            // Nothing to merge with (the first layer): the result would be the upper map, entry for entry.
            return upperMap;
        }

        var info = cursor.ResolveConfig(upperMap) ?? cursor.ResolveConfig(lowerMap);
        if (cursor.IsPolymorphic && TypeChanged(TypeOf(lowerMap), TypeOf(upperMap)))
        {
            return ReportTypeChange(TypeOf(lowerMap), lowerMap.EntryArray.Select(static e => e.Key), upperMap, path, diagnostics);
        }

        if (upperMap.Count == 0)
        {
            return lowerMap.WithOrigin(upperMap.Origin);
        }

        var lowerEntries = lowerMap.EntryArray;
        var upperEntries = upperMap.EntryArray;
        var entries = new List<ConfigMapEntry>(lowerEntries.Length + upperEntries.Length);
        var matched = 0;
        foreach (var entry in lowerEntries)
        {
            var u = upperMap.IndexOf(entry.Key);
            if (u >= 0)
            {
                matched++;
                var upperEntry = upperEntries[u];
                path.Push(entry.Key);
                var merged = DeepUpdate(entry.Value, upperEntry.Value, cursor.Child(info, entry.Key), diagnostics, path);
                path.Pop();
                entries.Add(new ConfigMapEntry(entry.Key, upperEntry.KeyOrigin, merged));
            }
            else
            {
                entries.Add(entry);
            }
        }

        if (matched < upperEntries.Length)
        {
            foreach (var entry in upperEntries)
            {
                if (lowerMap.IndexOf(entry.Key) < 0)
                {
                    entries.Add(entry);
                }
            }
        }

        return new ConfigMap([.. entries], upperMap.Origin, owned: true);
    }

    internal static ConfigNode WithHistory(ConfigNode upper, Origin? lower) =>
        lower is null || upper is not ConfigScalar ? upper : upper.WithOrigin(upper.Origin.WithPrevious(lower));

    internal static string? TypeOf(ConfigMap map) => map.TryGetValue("type", out var t) ? (t as ConfigScalar)?.Value : null;

    internal static bool TypeChanged(string? lowerType, string? upperType) =>
        lowerType is not null && upperType is not null && !string.Equals(lowerType, upperType, StringComparison.Ordinal);

    /// <summary>Reports that a polymorphic sub-tree changed its type, which drops the lower layer's keys (R7); returns the upper tree.</summary>
    internal static ConfigMap ReportTypeChange(string? lowerType, IEnumerable<string> lowerKeys, ConfigMap upper, PathTrail path, DiagnosticBag diagnostics)
    {
        var dropped = lowerKeys.Where(k => k != "type" && upper.IndexOf(k) < 0).ToList();
        diagnostics.Info(
            DiagnosticCodes.TypeChanged,
            path.ToString(),
            upper.TryGetValue("type", out var t) ? t.Origin : upper.Origin,
            "type changed from " + MessageText.Quoted(lowerType ?? string.Empty) + " to " + MessageText.Quoted(TypeOf(upper) ?? string.Empty) + "; keys of the lower layer dropped: "
            + (dropped.Count == 0 ? "none" : MessageText.List(dropped)));
        return upper;
    }

    /// <summary>A position in the schema while walking a tree: a config class, or a value type (dictionaries of configs).</summary>
    internal readonly record struct SchemaCursor(ConfigTypeInfo? Config, ConfigValueType? Value)
    {
        public bool IsPolymorphic => Config is { IsPolymorphic: true };

        public ConfigTypeInfo? ResolveConfig(ConfigMap map) => ResolveConfig(TypeOf(map));

        public ConfigTypeInfo? ResolveConfig(string? typeName)
        {
            if (Config is null)
            {
                return null;
            }

            if (Config.IsPolymorphic && typeName is not null)
            {
                return Config.FindSubtype(typeName)?.TypeInfo ?? Config;
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
