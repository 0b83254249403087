using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Resolution;

// The history a merge keeps of what overrides took away (R13): a ~KEY removal, and the values a replacing sub-tree put
// aside, shown in the history of the fields they sent back to their defaults.
internal sealed partial class MergeBuilder
{
    /// <summary>
    /// Puts each <c>~KEY</c> removal into the history of the field it sent back to its default (R13): the field's
    /// origin is its default (or its derivation) over the removal, over the value removed. A field that a later layer
    /// set again keeps that layer's history.
    /// </summary>
    /// <param name="root">The bound config.</param>
    public void ShowRemovals(ConfigObject root)
    {
        foreach (var (path, origin) in _removals ?? [])
        {
            object? at = root;
            for (var i = 0; i < path.Count - 1 && at is not null; i++)
            {
                at = path[i] is { IsIndex: true, Index: var index }
                    ? at is System.Collections.IList list && (index < 0 ? index + list.Count : index) is var j && j >= 0 && j < list.Count ? list[j] : null
                    : at is ConfigObject config && config.ConfigType.FindByKey(path[i].Key!) is { } field ? field.GetValue(config) : null;
            }

            if (at is ConfigObject owner && path[^1].Key is { } key && owner.ConfigType.FindByKey(key) is { } removed)
            {
                ref var slot = ref owner.Slot(removed.Index);
                if ((slot.State & FieldState.Explicit) == 0)
                {
                    slot.Origin = (slot.Origin ?? Origin.Default).WithPrevious(origin);
                }
            }
        }
    }

    /// <summary>
    /// The sub-tree <paramref name="upper"/> an override (at <paramref name="origin"/>) put in place of <paramref
    /// name="lower"/>, keeping the history of what it replaced (R13) as a <c>~KEY</c> does: a value it sets again has the
    /// replaced one beneath it, and a field it no longer sets goes back to its default over the override and the value
    /// replaced (<see cref="ShowRemovals"/>). A sub-tree of the same config class only: a type change drops the other
    /// class's keys (R7), which no field of the new class can show.
    /// </summary>
    /// <param name="lower">What was there before the override.</param>
    /// <param name="upper">The override's sub-tree, as placed.</param>
    /// <param name="origin">The override's origin.</param>
    /// <param name="path">The steps from the root to the replaced sub-tree (a list the walk adds to and takes back from).</param>
    private ConfigMap KeepReplaced(ConfigMap lower, ConfigMap upper, Origin origin, List<OverridePathSegment> path)
    {
        var entries = upper.EntryArray;
        ConfigMapEntry[]? changed = null;
        foreach (var replaced in lower.EntryArray)
        {
            path.Add(OverridePathSegment.ForKey(replaced.Key));
            var i = upper.IndexOf(replaced.Key);
            if (i < 0)
            {
                Removed(replaced.Value, origin, path);
            }
            else
            {
                var value = entries[i].Value;
                var kept = (value, replaced.Value) switch
                {
                    // A scalar keeps what it replaced as a layer's scalar does in Merge (a null over a section too).
                    (ConfigScalar, _) => value.WithOrigin(value.Origin.WithPrevious(replaced.Value.Origin)),
                    (ConfigMap map, ConfigMap below) => KeepReplaced(below, map, origin, path),
                    _ => value,
                };
                if (!ReferenceEquals(kept, value))
                {
                    changed ??= (ConfigMapEntry[])entries.Clone();
                    changed[i] = changed[i] with { Value = kept };
                }
            }

            path.RemoveAt(path.Count - 1);
        }

        return changed is null ? upper : new ConfigMap(changed, upper.Origin, owned: true);
    }

    /// <summary>Records each value under <paramref name="node"/>, which a replacing override dropped, as removed at <paramref name="origin"/>.</summary>
    private void Removed(ConfigNode node, Origin origin, List<OverridePathSegment> path)
    {
        if (node is not ConfigMap map)
        {
            (_removals ??= []).Add(([.. path], origin.WithPrevious(node.Origin)));
            return;
        }

        foreach (var entry in map.EntryArray)
        {
            path.Add(OverridePathSegment.ForKey(entry.Key));
            Removed(entry.Value, origin, path);
            path.RemoveAt(path.Count - 1);
        }
    }
}
