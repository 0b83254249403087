using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// Base layers (rule R9), before the one bind: at each place of the merged user tree where a class with a
/// <c>ProvideBaseLayers</c> hook sits, the config is made, the hook binds its inputs and returns trees, and the merge puts
/// them beneath the user's values there. The binder then binds each such place into the config the hook saw.
/// </summary>
internal static class BaseLayers
{
    /// <summary>The tree to bind: <paramref name="tree"/> (what <paramref name="builder"/> holds) with every base layer beneath it.</summary>
    public static ConfigMap Apply(ConfigTypeInfo rootType, ConfigMap tree, MergeBuilder builder, ResolutionState state)
    {
        if (!rootType.HasBaseLayersDeep)
        {
            return tree;
        }

        var places = new List<(OverridePathSegment[] Steps, BaseLayerContext Context)>();
        Visit(rootType, tree, [], string.Empty, places, state);
        var merged = tree;
        foreach (var (steps, context) in places)
        {
            for (var i = 0; i < (context.Layers?.Count ?? 0); i++)
            {
                var (key, layer, name) = context.Layers![i];
                builder.MergeBeneath([.. steps, OverridePathSegment.ForKey(key)], layer, name);
                merged = null;
            }
        }

        state.DeferredArchitecture = builder.DeferredArchitecture;
        merged ??= builder.ToMap();
        foreach (var (steps, context) in places)
        {
            if (At(merged, steps) is ConfigMap map)
            {
                state.Binder.Prebind(map, context);
            }
        }

        return merged;
    }

    /// <summary>Finds the places below a config of class <paramref name="slot"/> (pre-order), running the hook of each.</summary>
    private static void Visit(ConfigTypeInfo slot, ConfigMap map, List<OverridePathSegment> steps, string path, List<(OverridePathSegment[], BaseLayerContext)> places, ResolutionState state)
    {
        // The class the binder will choose; none when it will refuse the type (the binder reports it, once).
        ConfigNode? type = null;
        var typed = slot.IsPolymorphic && map.TryGetValue("type", out type);
        var info = !typed ? (slot.IsAbstract ? null : slot) : type is ConfigScalar { Value: { } name } ? slot.FindSubtype(name)?.TypeInfo : null;
        if (info is null)
        {
            return;
        }

        if (info.ProvidesBaseLayers)
        {
            var config = info.CreateInstance();
            config.DetachedPath = path;
            config.Graph = state.Graph;
            config.TypeNode = type;
            var context = new BaseLayerContext(state, config, map);
            ConfigPipeline.RunHook(config, state, "base layers", context, static (c, x) => c.InvokeProvideBaseLayers(x));
            places.Add(([.. steps], context));
        }

        foreach (var entry in map.EntryArray)
        {
            if (info.FindByKey(entry.Key) is { ValueType.NestedConfig.HasBaseLayersDeep: true } field)
            {
                steps.Add(OverridePathSegment.ForKey(entry.Key));
                VisitValue(field.ValueType, entry.Value, steps, PathText.Combine(path, entry.Key), places, state);
                steps.RemoveAt(steps.Count - 1);
            }
        }
    }

    private static void VisitValue(ConfigValueType type, ConfigNode node, List<OverridePathSegment> steps, string path, List<(OverridePathSegment[], BaseLayerContext)> places, ResolutionState state)
    {
        if (type.NestedConfig is not { HasBaseLayersDeep: true })
        {
            return;
        }

        type = type.NonNullable;
        if (type.Shape == ValueShape.Config && node is ConfigMap config)
        {
            Visit(type.NestedConfig!, config, steps, path, places, state);
        }
        else if (type is { Shape: ValueShape.Dictionary, ElementType: { } entryType } && node is ConfigMap entries)
        {
            foreach (var entry in entries.EntryArray)
            {
                steps.Add(OverridePathSegment.ForKey(entry.Key));
                VisitValue(entryType, entry.Value, steps, PathText.Combine(path, entry.Key), places, state);
                steps.RemoveAt(steps.Count - 1);
            }
        }
        else if (type is { Shape: ValueShape.List or ValueShape.Set, ElementType: { } itemType } && node is ConfigSequence items)
        {
            for (var i = 0; i < items.ItemArray.Length; i++)
            {
                steps.Add(OverridePathSegment.ForIndex(i));
                VisitValue(itemType, items.ItemArray[i], steps, path + PathText.Index(i), places, state);
                steps.RemoveAt(steps.Count - 1);
            }
        }
    }

    /// <summary>The node at <paramref name="steps"/> of a tree.</summary>
    private static ConfigNode? At(ConfigNode? node, OverridePathSegment[] steps)
    {
        foreach (var step in steps)
        {
            node = step.IsIndex
                ? node is ConfigSequence sequence && step.Index < sequence.ItemArray.Length ? sequence.ItemArray[step.Index] : null
                : node is ConfigMap map && map.TryGetValue(step.Key!, out var value) ? value : null;
        }

        return node;
    }
}
