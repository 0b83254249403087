using Strata.Resolution;
using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Provenance;

/// <summary>Collects the provenance of every leaf of a config graph.</summary>
internal static class ProvenanceWalker
{
    public static List<ValueProvenance> Collect(ConfigObject root)
    {
        var result = new List<ValueProvenance>();
        Walk(root, root.ConfigPath, result);
        return result;
    }

    private static void Walk(ConfigObject config, string path, List<ValueProvenance> result)
    {
        var children = ConfigGraph.Children(config);
        foreach (var field in config.ConfigType.Fields)
        {
            var fieldPath = PathText.Combine(path, field.Key);
            var nested = field.ValueType.NestedConfig is not null;
            if (nested)
            {
                var any = false;
                foreach (var (child, step) in children)
                {
                    if (step == field.Key || step.StartsWith(field.Key + "[", StringComparison.Ordinal) || step.StartsWith(field.Key + ".", StringComparison.Ordinal))
                    {
                        any = true;
                        Walk(child, PathText.Combine(path, step), result);
                    }
                }

                if (any || field.ValueType.Shape == ValueShape.Config)
                {
                    continue;
                }
            }

            result.Add(Leaf(config, field, fieldPath));
        }

        foreach (var derived in config.ConfigType.DerivedFields)
        {
            var inputs = Compute(config, derived, out var node);
            result.Add(new ValueProvenance(PathText.Combine(path, derived.Key), node, node is null ? "?" : FlowText.Format(node), Origin.Derived, isExplicit: false, isDerivedField: true, inputs));
        }
    }

    /// <summary>The provenance of one settable field (an input of a derived value, for <c>explain --why</c>).</summary>
    public static ValueProvenance Leaf(ConfigObject config, ConfigFieldInfo field, string path)
    {
        var slot = config.GetSlot(field.Index);
        var text = ConfigWriter.DisplayText(config, field, out var value);
        return new ValueProvenance(path, value, text, slot.Origin ?? Origin.Default, (slot.State & FieldState.Explicit) != 0, isDerivedField: false, slot.Inputs)
        {
            References = (slot.State & FieldState.Interpolated) != 0 && config.Graph?.Interpolations?.GetValueOrDefault((config, field.Index)) is { } site ? site.References : [],
        };
    }

    /// <summary>
    /// Computes a computed field (R4) while noting what it reads, as a hook's reads are noted: the graph is frozen, so
    /// only this thread's reads are noted, one computation at a time per graph (<see cref="ResolutionGraph.Recording"/>).
    /// </summary>
    private static FieldRead[]? Compute(ConfigObject config, ConfigDerivedInfo derived, out ConfigNode? node)
    {
        if (config.Graph is not { } graph)
        {
            node = derived.Compute(config);
            return null;
        }

        lock (graph.Recording)
        {
            var reads = new ReadRecorder();
            graph.Reads = reads.Begin();
            try
            {
                node = derived.Compute(config);
                return reads.Take(config, -1, null);
            }
            finally
            {
                graph.Reads = null;
            }
        }
    }
}
