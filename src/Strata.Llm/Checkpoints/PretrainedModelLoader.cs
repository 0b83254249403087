using Strata.Llm.Models;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Checkpoints;

/// <summary>
/// The pretrained merge of the GPT configs (rule R9): the checkpoint's model config, filtered by <c>load_config</c>, is
/// updated by the user's explicit model values, and the model config is bound again from the result.
/// </summary>
internal static class PretrainedModelLoader
{
    /// <summary>Returns the model rebased on the checkpoint's config, or <paramref name="model"/> when there is nothing to load.</summary>
    /// <param name="context">The preparation context of the pretrained section.</param>
    /// <param name="model">The user's model config.</param>
    /// <param name="pretrained">The pretrained section.</param>
    public static GPTModelConfig Load(PrepareContext context, GPTModelConfig model, CheckpointLoadConfig pretrained)
    {
        if (pretrained.Path is null || pretrained.LoadConfig == ModelConfigType.None)
        {
            return model;
        }

        // A reader given to the resolution (for a custom format) comes first; the built-in one reads the known formats.
        var reader = context.Services?.GetService(typeof(ICheckpointConfigReader)) as ICheckpointConfigReader ?? CheckpointConfigReader.Default;
        if (reader.ReadModelConfig(pretrained, context) is not { } saved)
        {
            return model;
        }

        var kept = PretrainedConfigFilter.Select(saved, pretrained.LoadConfig, model.ConfigPath, context.Report);
        if (context.GetSourceTree(model) is { } user)
        {
            WarnArchitectureOverrides(context, kept, user, GPTModelConfig.TypeInfo, model.ConfigPath);
        }

        return context.Rebase(model, kept);
    }

    /// <summary>Warns for each architecture value of the checkpoint that the user's config changes, naming both origins.</summary>
    private static void WarnArchitectureOverrides(PrepareContext context, ConfigMap checkpoint, ConfigMap user, ConfigTypeInfo info, string path)
    {
        foreach (var entry in user.Entries)
        {
            if (info.FindByKey(entry.Key) is not { } field || !checkpoint.TryGetValue(entry.Key, out var saved))
            {
                continue;
            }

            var fieldPath = path.Length == 0 ? entry.Key : path + "." + entry.Key;
            if (field.ValueType.NestedConfig is { } nested && saved is ConfigMap savedMap && entry.Value is ConfigMap userMap)
            {
                WarnArchitectureOverrides(context, savedMap, userMap, nested, fieldPath);
            }
            else if (field.IsArchitecture && !SameValue(saved, entry.Value))
            {
                context.Report(new Diagnostic(
                    DiagnosticSeverity.Warning,
                    DiagnosticCodes.ArchitectureOverride,
                    fieldPath,
                    entry.Value.Origin,
                    "overrides the architecture of the pretrained checkpoint: " + Text(entry.Value) + " (" + entry.Value.Origin + ") replaces " + Text(saved) + " (" + saved.Origin + ")"));
            }
        }
    }

    private static string Text(ConfigNode node) => node is ConfigScalar scalar ? MessageText.Bounded(scalar.Value ?? "null") : node.Describe();

    private static bool SameValue(ConfigNode left, ConfigNode right) => (left, right) switch
    {
        (ConfigScalar a, ConfigScalar b) => string.Equals(a.Value, b.Value, StringComparison.Ordinal)
            || (a.Value is { } x && b.Value is { } y && ScalarText.TryParseDouble(x, out var dx) && ScalarText.TryParseDouble(y, out var dy) && dx.Equals(dy)),
        (ConfigSequence a, ConfigSequence b) => a.Items.Count == b.Items.Count && a.Items.Zip(b.Items).All(pair => SameValue(pair.First, pair.Second)),
        (ConfigMap a, ConfigMap b) => a.Count == b.Count && a.Entries.All(e => b.TryGetValue(e.Key, out var other) && SameValue(e.Value, other)),
        _ => false,
    };
}
