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

            var slot = config.GetSlot(field.Index);
            var text = ConfigWriter.DisplayText(config, field, out var value);
            result.Add(new ValueProvenance(fieldPath, value, text, slot.Origin ?? Origin.Default, (slot.State & FieldState.Explicit) != 0, isDerivedField: false)
            {
                References = (slot.State & FieldState.Interpolated) != 0 && config.Graph?.Interpolations?.GetValueOrDefault((config, field.Index)) is { } site ? site.References : [],
            });
        }

        foreach (var derived in config.ConfigType.DerivedFields)
        {
            var node = derived.Compute(config);
            result.Add(new ValueProvenance(PathText.Combine(path, derived.Key), node, node is null ? "?" : FlowText.Format(node), Origin.Derived, isExplicit: false, isDerivedField: true));
        }
    }
}
