using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.FastLlm;

/// <summary>
/// Turns the flat model config of old checkpoints (every field of the base model and its nested configs as keys of one
/// mapping, Fast-LLM's <c>from_flat_dict</c>) into the nested form. Fields are taken in declaration order, nested
/// configs recursively, so that a name shared by two levels goes to the first one, as in Fast-LLM. A legacy name declared
/// as a rename of a simple key is read under its current name; other legacy names of a level (renames to nested paths or
/// with a converter) are kept there under their old name, for the usual rename handling. A nested config already written
/// as a mapping is kept, and keys that match no field are kept at the top, where binding reports them with their
/// checkpoint position.
/// </summary>
internal static class FlatConfig
{
    public static ConfigMap Unflatten(ConfigMap flat, ConfigTypeInfo info)
    {
        var consumed = new HashSet<string>(StringComparer.Ordinal);
        var entries = Collect(flat, info, consumed);
        foreach (var entry in flat.Entries)
        {
            if (!consumed.Contains(entry.Key))
            {
                entries.Add(entry);
            }
        }

        return new ConfigMap(entries, flat.Origin);
    }

    private static List<ConfigMapEntry> Collect(ConfigMap flat, ConfigTypeInfo info, HashSet<string> consumed)
    {
        var entries = new List<ConfigMapEntry>();
        foreach (var field in info.Fields)
        {
            if (Take(flat, field.Key, consumed) is { } direct)
            {
                entries.Add(direct);
            }
            else if (field.ValueType.NestedConfig is { } nested)
            {
                var children = Collect(flat, nested, consumed);
                if (children.Count > 0)
                {
                    entries.Add(new ConfigMapEntry(field.Key, children[0].KeyOrigin, new ConfigMap(children, flat.Origin)));
                }
            }
            else if (LegacyName(info, field.Key) is { } old && Take(flat, old, consumed) is { } renamed)
            {
                entries.Add(renamed with { Key = field.Key });
            }
        }

        foreach (var rename in info.Renames)
        {
            if (Take(flat, rename.OldPath, consumed) is { } legacy)
            {
                entries.Add(legacy);
            }
        }

        return entries;
    }

    private static ConfigMapEntry? Take(ConfigMap flat, string key, HashSet<string> consumed)
    {
        var index = flat.IndexOf(key);
        return index >= 0 && consumed.Add(key) ? flat.Entries[index] : null;
    }

    private static string? LegacyName(ConfigTypeInfo info, string key)
    {
        foreach (var r in info.Renames)
        {
            if (string.Equals(r.NewPath, key, StringComparison.Ordinal) && !r.OldPath.Contains('.', StringComparison.Ordinal) && r.Converter is null)
            {
                return r.OldPath;
            }
        }

        return null;
    }
}
