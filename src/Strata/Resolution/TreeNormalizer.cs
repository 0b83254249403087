using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// Applies the schema's renamed and removed keys to one layer before merging (R8), so that layers merge under the new
/// names: the old key warns and moves (through a converter when declared); old and new together is an error.
/// </summary>
internal static class TreeNormalizer
{
    public static ConfigMap Normalize(ConfigMap map, ConfigTypeInfo info, DiagnosticBag diagnostics, string path) =>
        Normalize(map, info, diagnostics, path, out _);

    /// <summary>Normalizes one layer.</summary>
    /// <param name="map">The layer.</param>
    /// <param name="info">Its schema.</param>
    /// <param name="diagnostics">Where to report renamed, removed and conflicting keys.</param>
    /// <param name="path">The layer's path in the config.</param>
    /// <param name="rebuilt">
    /// Whether the layer was rebuilt: a key was moved or dropped, or a list or dictionary of configs was walked through
    /// (such layers always counted as rebuilt, and the resolver merges them as sub-trees rather than setting a path).
    /// </param>
    public static ConfigMap Normalize(ConfigMap map, ConfigTypeInfo info, DiagnosticBag diagnostics, string path, out bool rebuilt)
    {
        rebuilt = false;
        return info.HasRenamesDeep ? Normalize(map, info, diagnostics, new PathTrail(path), ref rebuilt) : map;
    }

    /// <summary>
    /// Whether normalizing the tree that an override of keys only sets on its own (<see cref="TreeMerger.Chain"/>) may
    /// change it or count as rebuilt. When it returns <see langword="false"/>, <see cref="Normalize(ConfigMap, ConfigTypeInfo, DiagnosticBag, string, out bool)"/>
    /// would give back the chain itself, not rebuilt, without a diagnostic, so the chain need not be built: no step
    /// of the path is a removed key or the first step of a rename in its class, no step is the <c>type</c> of a
    /// polymorphic class, and the path crosses no list or dictionary of configs (nor ends on a mapping of a config).
    /// It follows the walk of <see cref="Normalize(ConfigMap, ConfigTypeInfo, DiagnosticBag, PathTrail, ref bool)"/>
    /// step by step and answers <see langword="true"/> wherever that walk could do something.
    /// </summary>
    /// <param name="change">The override (no list index in its path).</param>
    /// <param name="info">The schema of the root.</param>
    public static bool MayChangeChain(ConfigOverride change, ConfigTypeInfo info)
    {
        var path = change.Path;
        for (var step = 0; ; step++)
        {
            if (!info.HasRenamesDeep)
            {
                return false;
            }

            var key = path[step].Key ?? string.Empty;
            if ((info.IsPolymorphic && key == "type") || HasClassRuleFor(info, key))
            {
                return true;
            }

            var type = info.FindByKey(key)?.ValueType;
            if (type?.NestedConfig is null)
            {
                return false;
            }

            // The node under the key: the chain's next mapping, or the override's value at the last step.
            var value = step == path.Count - 1 ? change.Value : null;
            var isMap = value is null or ConfigMap;
            while (type.Shape == ValueShape.Nullable && type.ElementType is { } inner)
            {
                type = inner;
            }

            switch (type.Shape)
            {
                case ValueShape.Config when isMap && type.NestedConfig is { } nested:
                    if (value is not null)
                    {
                        return true;
                    }

                    info = nested;
                    continue;
                case ValueShape.List or ValueShape.Set when value is ConfigSequence && type.ElementType is not null:
                case ValueShape.Dictionary when isMap && type.ElementType is not null:
                    return true;
                default:
                    return false;
            }
        }
    }

    /// <summary>Whether a removed key or the first step of a rename of the class (or a base class) is <paramref name="key"/>.</summary>
    private static bool HasClassRuleFor(ConfigTypeInfo info, string key)
    {
        for (var t = info; t is not null; t = t.BaseType)
        {
            var removedKeys = t.RemovedKeys;
            for (var r = 0; r < removedKeys.Count; r++)
            {
                if (removedKeys[r].Key == key)
                {
                    return true;
                }
            }

            var renames = t.Renames;
            for (var r = 0; r < renames.Count; r++)
            {
                if (renames[r].OldSteps[0] == key)
                {
                    return true;
                }
            }
        }

        return false;
    }

    private static ConfigMap Normalize(ConfigMap map, ConfigTypeInfo info, DiagnosticBag diagnostics, PathTrail path, ref bool rebuilt)
    {
        if (!info.HasRenamesDeep)
        {
            return map;
        }

        if (info.IsPolymorphic && map.TryGetValue("type", out var t) && t is ConfigScalar { Value: { } name } && info.FindSubtype(name) is { } sub)
        {
            info = sub.TypeInfo;
        }

        var ruled = ApplyClassRules(map, info, diagnostics, path);
        rebuilt |= !ReferenceEquals(ruled, map);
        map = ruled;
        ConfigMapEntry[]? changed = null;
        var entries = map.EntryArray;
        var children = info.ChildFields;
        for (var i = 0; i < entries.Length; i++)
        {
            var entry = entries[i];

            // Most keys are leaves: a look at the few fields that can hold configs is cheaper than hashing every key.
            if (!IsKeyOf(children, entry.Key))
            {
                continue;
            }

            var field = info.FindByKey(entry.Key);
            if (field?.ValueType.NestedConfig is not { } nested)
            {
                continue;
            }

            if (!nested.HasRenamesDeep)
            {
                // Nothing below can move or warn: only whether the walk would have counted the layer as rebuilt.
                rebuilt |= CountsAsRebuilt(entry.Value, field.ValueType);
                continue;
            }

            path.Push(entry.Key);
            var normalized = NormalizeValue(entry.Value, field.ValueType, diagnostics, path, ref rebuilt);
            path.Pop();
            if (!ReferenceEquals(normalized, entry.Value))
            {
                changed ??= [.. entries];
                changed[i] = entry with { Value = normalized };
            }
        }

        if (changed is null)
        {
            return map;
        }

        rebuilt = true;
        return new ConfigMap(changed, map.Origin, owned: true);
    }

    /// <summary>Whether one of <paramref name="fields"/> has the key <paramref name="key"/>.</summary>
    private static bool IsKeyOf(ConfigFieldInfo[] fields, string key)
    {
        foreach (var field in fields)
        {
            if (string.Equals(field.Key, key, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>
    /// Whether <see cref="NormalizeValue"/> would count the layer as rebuilt for a value whose configs have nothing to
    /// normalize (it would give the value back as it is): a list, set or dictionary of configs always counts.
    /// </summary>
    private static bool CountsAsRebuilt(ConfigNode node, ConfigValueType type)
    {
        while (type.Shape == ValueShape.Nullable && type.ElementType is { } inner)
        {
            type = inner;
        }

        return type.Shape switch
        {
            ValueShape.List or ValueShape.Set => node is ConfigSequence && type.ElementType is not null,
            ValueShape.Dictionary => node is ConfigMap && type.ElementType is not null,
            _ => false,
        };
    }

    private static ConfigNode NormalizeValue(ConfigNode node, ConfigValueType type, DiagnosticBag diagnostics, PathTrail path, ref bool rebuilt)
    {
        switch (type.Shape)
        {
            case ValueShape.Config when node is ConfigMap map && type.NestedConfig is { } info:
                return Normalize(map, info, diagnostics, path, ref rebuilt);
            case ValueShape.Nullable when type.ElementType is { } inner:
                return NormalizeValue(node, inner, diagnostics, path, ref rebuilt);
            case ValueShape.List or ValueShape.Set when node is ConfigSequence seq && type.ElementType is { } element:
                rebuilt = true;
                var items = seq.ItemArray;
                ConfigNode[]? changedItems = null;
                for (var i = 0; i < items.Length; i++)
                {
                    path.PushIndex(i);
                    var item = NormalizeValue(items[i], element, diagnostics, path, ref rebuilt);
                    path.Pop();
                    if (!ReferenceEquals(item, items[i]))
                    {
                        changedItems ??= [.. items];
                        changedItems[i] = item;
                    }
                }

                return changedItems is null ? seq : new ConfigSequence(changedItems, seq.Origin, owned: true);
            case ValueShape.Dictionary when node is ConfigMap dict && type.ElementType is { } value:
                rebuilt = true;
                var entries = dict.EntryArray;
                ConfigMapEntry[]? changedEntries = null;
                for (var i = 0; i < entries.Length; i++)
                {
                    path.Push(entries[i].Key);
                    var item = NormalizeValue(entries[i].Value, value, diagnostics, path, ref rebuilt);
                    path.Pop();
                    if (!ReferenceEquals(item, entries[i].Value))
                    {
                        changedEntries ??= [.. entries];
                        changedEntries[i] = entries[i] with { Value = item };
                    }
                }

                return changedEntries is null ? dict : new ConfigMap(changedEntries, dict.Origin, owned: true);
            default:
                return node;
        }
    }

    private static ConfigMap ApplyClassRules(ConfigMap map, ConfigTypeInfo info, DiagnosticBag diagnostics, PathTrail path)
    {
        for (var t = info; t is not null; t = t.BaseType)
        {
            var removedKeys = t.RemovedKeys;
            for (var r = 0; r < removedKeys.Count; r++)
            {
                var removed = removedKeys[r];
                var index = map.IndexOf(removed.Key);
                if (index >= 0)
                {
                    var entry = map.Entries[index];
                    diagnostics.Warning(
                        DiagnosticCodes.RemovedKey,
                        path.Combine(removed.Key),
                        entry.KeyOrigin,
                        "`" + removed.Key + "` no longer has a meaning and was dropped" + (removed.Reason is null ? string.Empty : ": " + removed.Reason));
                    map = new ConfigMap(map.EntryArray.Where((_, i) => i != index).ToArray(), map.Origin, owned: true);
                }
            }

            var renames = t.Renames;
            for (var r = 0; r < renames.Count; r++)
            {
                map = ApplyRename(map, t, renames[r], diagnostics, path);
            }
        }

        return map;
    }

    private static ConfigMap ApplyRename(ConfigMap map, ConfigTypeInfo owner, RenamedFromAttribute rename, DiagnosticBag diagnostics, PathTrail path)
    {
        var oldSteps = rename.OldSteps;
        if (!TryGet(map, oldSteps, 0, out var oldEntry))
        {
            return map;
        }

        var without = Remove(map, oldSteps, 0);
        var oldPath = path.Combine(rename.OldPath);
        var newPath = path.Combine(rename.NewPath);
        var newSteps = rename.NewSteps;
        if (TryGet(without, newSteps, 0, out _))
        {
            diagnostics.Error(
                DiagnosticCodes.RenameConflict,
                oldPath,
                oldEntry.KeyOrigin,
                "`" + rename.OldPath + "` was renamed to `" + rename.NewPath + "`, and both are set");
            return without;
        }

        var value = oldEntry.Value;
        if (owner.RenameConverters.TryGetValue(rename.OldPath, out var convert))
        {
            var converted = convert(value);
            if (converted is null)
            {
                diagnostics.Error(DiagnosticCodes.TypeMismatch, oldPath, value.Origin, "cannot convert " + value.Describe() + " to `" + rename.NewPath + "`");
                return without;
            }

            value = converted;
        }

        diagnostics.Warning(DiagnosticCodes.RenamedKey, oldPath, oldEntry.KeyOrigin, "`" + rename.OldPath + "` is renamed to `" + rename.NewPath + "`; use " + MessageText.Bounded(newPath));
        return Put(without, newSteps, 0, value, oldEntry.KeyOrigin);
    }

    private static bool TryGet(ConfigMap map, string[] steps, int i, out ConfigMapEntry entry)
    {
        entry = default;
        var index = map.IndexOf(steps[i]);
        if (index < 0)
        {
            return false;
        }

        entry = map.Entries[index];
        if (i == steps.Length - 1)
        {
            return true;
        }

        return entry.Value is ConfigMap child && TryGet(child, steps, i + 1, out entry);
    }

    private static ConfigMap Remove(ConfigMap map, string[] steps, int i)
    {
        var index = map.IndexOf(steps[i]);
        var entries = map.EntryArray.ToList();
        if (i == steps.Length - 1)
        {
            entries.RemoveAt(index);
        }
        else
        {
            var child = Remove((ConfigMap)entries[index].Value, steps, i + 1);
            if (child.Count == 0)
            {
                entries.RemoveAt(index);
            }
            else
            {
                entries[index] = entries[index] with { Value = child };
            }
        }

        return new ConfigMap([.. entries], map.Origin, owned: true);
    }

    private static ConfigMap Put(ConfigMap map, string[] steps, int i, ConfigNode value, Origin keyOrigin)
    {
        var index = map.IndexOf(steps[i]);
        var entries = map.EntryArray.ToList();
        if (i == steps.Length - 1)
        {
            entries.Add(new ConfigMapEntry(steps[i], keyOrigin, value));
        }
        else
        {
            var child = index >= 0 && entries[index].Value is ConfigMap existing ? existing : ConfigMap.Empty(keyOrigin);
            var updated = Put(child, steps, i + 1, value, keyOrigin);
            if (index >= 0)
            {
                entries[index] = entries[index] with { Value = updated };
            }
            else
            {
                entries.Add(new ConfigMapEntry(steps[i], keyOrigin, updated));
            }
        }

        return new ConfigMap([.. entries], map.Origin, owned: true);
    }
}
