using Strata.Schema;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// Applies the schema's renamed and removed keys to one layer before merging (R8), so that layers merge under the new
/// names: the old key warns and moves (through a converter when declared); old and new together is an error.
/// </summary>
internal static class TreeNormalizer
{
    public static ConfigMap Normalize(ConfigMap map, ConfigTypeInfo info, DiagnosticBag diagnostics, string path)
    {
        if (!info.HasRenamesDeep)
        {
            return map;
        }

        if (info.IsPolymorphic && map.TryGetValue("type", out var t) && t is ConfigScalar { Value: { } name } && info.FindSubtype(name) is { } sub)
        {
            info = sub.TypeInfo;
        }

        map = ApplyClassRules(map, info, diagnostics, path);
        ConfigMapEntry[]? changed = null;
        for (var i = 0; i < map.Count; i++)
        {
            var entry = map.Entries[i];
            var field = info.FindByKey(entry.Key);
            if (field?.ValueType.NestedConfig is null)
            {
                continue;
            }

            var normalized = NormalizeValue(entry.Value, field.ValueType, diagnostics, PathText.Combine(path, entry.Key));
            if (!ReferenceEquals(normalized, entry.Value))
            {
                changed ??= [.. map.Entries];
                changed[i] = entry with { Value = normalized };
            }
        }

        return changed is null ? map : new ConfigMap(changed, map.Origin, owned: true);
    }

    private static ConfigNode NormalizeValue(ConfigNode node, ConfigValueType type, DiagnosticBag diagnostics, string path)
    {
        switch (type.Shape)
        {
            case ValueShape.Config when node is ConfigMap map && type.NestedConfig is { } info:
                return Normalize(map, info, diagnostics, path);
            case ValueShape.Nullable when type.ElementType is { } inner:
                return NormalizeValue(node, inner, diagnostics, path);
            case ValueShape.List or ValueShape.Set when node is ConfigSequence seq && type.ElementType is { } element:
                var items = seq.Items.ToArray();
                for (var i = 0; i < items.Length; i++)
                {
                    items[i] = NormalizeValue(items[i], element, diagnostics, path + PathText.Index(i));
                }

                return new ConfigSequence(items, seq.Origin, owned: true);
            case ValueShape.Dictionary when node is ConfigMap dict && type.ElementType is { } value:
                var entries = dict.Entries.Select(e => e with { Value = NormalizeValue(e.Value, value, diagnostics, PathText.Combine(path, e.Key)) }).ToArray();
                return new ConfigMap(entries, dict.Origin, owned: true);
            default:
                return node;
        }
    }

    private static ConfigMap ApplyClassRules(ConfigMap map, ConfigTypeInfo info, DiagnosticBag diagnostics, string path)
    {
        for (var t = info; t is not null; t = t.BaseType)
        {
            foreach (var removed in t.RemovedKeys)
            {
                var index = map.IndexOf(removed.Key);
                if (index >= 0)
                {
                    var entry = map.Entries[index];
                    diagnostics.Warning(
                        DiagnosticCodes.RemovedKey,
                        PathText.Combine(path, removed.Key),
                        entry.KeyOrigin,
                        "`" + removed.Key + "` no longer has a meaning and was dropped" + (removed.Reason is null ? string.Empty : ": " + removed.Reason));
                    map = new ConfigMap(map.EntryArray.Where((_, i) => i != index).ToArray(), map.Origin, owned: true);
                }
            }

            foreach (var rename in t.Renames)
            {
                map = ApplyRename(map, t, rename, diagnostics, path);
            }
        }

        return map;
    }

    private static ConfigMap ApplyRename(ConfigMap map, ConfigTypeInfo owner, RenamedFromAttribute rename, DiagnosticBag diagnostics, string path)
    {
        var oldSteps = rename.OldPath.Split('.');
        if (!TryGet(map, oldSteps, 0, out var oldEntry))
        {
            return map;
        }

        var without = Remove(map, oldSteps, 0);
        var oldPath = PathText.Combine(path, rename.OldPath);
        var newPath = PathText.Combine(path, rename.NewPath);
        var newSteps = rename.NewPath.Split('.');
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

        diagnostics.Warning(DiagnosticCodes.RenamedKey, oldPath, oldEntry.KeyOrigin, "`" + rename.OldPath + "` is renamed to `" + rename.NewPath + "`; use " + newPath);
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
