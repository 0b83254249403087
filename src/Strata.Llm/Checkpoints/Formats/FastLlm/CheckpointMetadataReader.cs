using Strata.Llm.Models;
using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.FastLlm;

/// <summary>
/// Reads the <c>metadata.yaml</c> of Fast-LLM's own checkpoint formats (<c>fast_llm</c> and <c>distributed</c>) as Fast-LLM
/// 0.2 writes it: <c>fast_llm_version</c>, <c>model</c>, <c>format</c>, <c>config</c>, <c>shards</c> and <c>metadata</c>.
/// Older files are read as Fast-LLM's <c>CheckpointMetadata._from_dict</c> reads them: old key names, a missing model
/// (<c>gpt</c>) or format (<c>distributed</c>), and a config split into a flat <c>model_config</c>, a
/// <c>multi_stage_config</c> and a <c>distributed_config</c>. The version number is not checked: a file is judged by its
/// content, so any version whose config fits the schema loads (DESIGN §7.9).
/// </summary>
internal static class CheckpointMetadataReader
{
    /// <summary>The name of the file in the checkpoint directory.</summary>
    public const string FileName = "metadata.yaml";

    private const string ConfigKey = "config";

    /// <summary>Legacy keys and their current names.</summary>
    private static readonly (string Old, string New)[] s_renamed =
    [
        ("checkpoint_type", "format"),
        ("checkpoint_version", "fast_llm_version"),
        ("fast_llm_config", ConfigKey),
        ("state_shard_names", "shards"),
    ];

    /// <summary>Legacy sections and the key of the model config they became.</summary>
    private static readonly (string Legacy, string Key)[] s_legacySections =
    [
        ("model_config", "base_model"),
        ("multi_stage_config", "multi_stage"),
        ("distributed_config", "distributed"),
    ];

    /// <summary>
    /// Reads the file and returns its model config (the tree under <c>config</c>, with checkpoint origins), or
    /// <see langword="null"/> after reporting why it cannot be used.
    /// </summary>
    /// <param name="file">The path of <c>metadata.yaml</c>.</param>
    /// <param name="scope">Where problems go.</param>
    public static ConfigMap? Read(string file, CheckpointReadScope scope)
    {
        var document = DocumentReader.Load(file, checkpoint: true, scope.Limits);
        foreach (var diagnostic in document.Diagnostics)
        {
            scope.Report(diagnostic);
        }

        if (!document.Success || document.Root is not ConfigMap root)
        {
            return null;
        }

        var entries = WithCurrentNames(root, scope);
        CheckModel(entries, scope);
        CheckFormat(entries, scope);
        CheckShape(entries, "fast_llm_version", ConfigNodeKind.Scalar, "a version string", scope);
        CheckShape(entries, "shards", ConfigNodeKind.Sequence, "a list of shard names", scope);
        CheckShape(entries, "metadata", ConfigNodeKind.Map, "a mapping", scope);
        var config = ReadConfig(entries, root, scope);
        foreach (var entry in entries.Values)
        {
            scope.KeyIgnored(entry.KeyOrigin, "metadata.yaml key " + MessageText.Quoted(entry.Key) + " is not a key of Fast-LLM checkpoint metadata and is ignored");
        }

        return scope.HasErrors ? null : config;
    }

    /// <summary>The entries of the root with legacy names replaced by current ones, in order; both names together is an error.</summary>
    private static Dictionary<string, ConfigMapEntry> WithCurrentNames(ConfigMap root, CheckpointReadScope scope)
    {
        var entries = new Dictionary<string, ConfigMapEntry>(StringComparer.Ordinal);
        foreach (var entry in root.Entries)
        {
            entries[entry.Key] = entry;
        }

        foreach (var (old, current) in s_renamed)
        {
            if (!entries.Remove(old, out var legacy))
            {
                continue;
            }

            if (entries.TryGetValue(current, out var both))
            {
                scope.Invalid(legacy.KeyOrigin, "metadata.yaml has both the legacy key " + MessageText.Quoted(old) + " and its current name " + MessageText.Quoted(current) + " (set at " + both.KeyOrigin + ")");
                continue;
            }

            scope.Renamed(legacy.KeyOrigin, "legacy metadata.yaml key " + MessageText.Quoted(old) + " read as " + MessageText.Quoted(current));
            entries[current] = legacy with { Key = current };
        }

        return entries;
    }

    private static void CheckModel(Dictionary<string, ConfigMapEntry> entries, CheckpointReadScope scope)
    {
        // A missing model is a GPT model (files written before the key existed).
        if (entries.Remove("model", out var model)
            && model.Value is not ConfigScalar { Value: GPTCheckpointFormats.ModelName })
        {
            scope.Invalid(model.Value.Origin, "metadata.yaml names the model " + model.Value.Describe() + "; only '" + GPTCheckpointFormats.ModelName + "' models are read here");
        }
    }

    private static void CheckFormat(Dictionary<string, ConfigMapEntry> entries, CheckpointReadScope scope)
    {
        // A missing format is the distributed format (files written before the key existed).
        if (entries.Remove("format", out var format)
            && format.Value is not ConfigScalar { Value: GPTCheckpointFormats.FastLlm or GPTCheckpointFormats.Distributed })
        {
            scope.Invalid(format.Value.Origin, "metadata.yaml names the format " + format.Value.Describe() + "; a metadata.yaml belongs to the fast_llm or distributed format");
        }
    }

    private static void CheckShape(Dictionary<string, ConfigMapEntry> entries, string key, ConfigNodeKind kind, string expected, CheckpointReadScope scope)
    {
        if (!entries.Remove(key, out var entry))
        {
            return;
        }

        var value = entry.Value;
        var ok = kind switch
        {
            ConfigNodeKind.Scalar => value is ConfigScalar { IsNull: false },
            ConfigNodeKind.Sequence => value is ConfigSequence sequence && AllNonNullScalars(sequence.Items),
            _ => value is ConfigMap,
        };
        if (!ok)
        {
            scope.Invalid(value.Origin, "metadata.yaml key " + MessageText.Quoted(key) + " must be " + expected + ", got " + value.Describe());
        }
    }

    /// <summary>The model config: <c>config</c>, or the legacy sections assembled.</summary>
    private static bool AllNonNullScalars(IReadOnlyList<ConfigNode> items)
    {
        foreach (var item in items)
        {
            if (item is not ConfigScalar { IsNull: false })
            {
                return false;
            }
        }

        return true;
    }

    private static ConfigMap? ReadConfig(Dictionary<string, ConfigMapEntry> entries, ConfigMap root, CheckpointReadScope scope)
    {
        if (entries.Remove(ConfigKey, out var config))
        {
            if (config.Value is ConfigMap map)
            {
                return map;
            }

            scope.Invalid(config.Value.Origin, "metadata.yaml key 'config' must be a mapping (the model config), got " + config.Value.Describe());
            return null;
        }

        var sections = new List<ConfigMapEntry>();
        foreach (var (legacy, key) in s_legacySections)
        {
            if (!entries.Remove(legacy, out var section))
            {
                continue;
            }

            if (section.Value is not ConfigMap sectionMap)
            {
                scope.Invalid(section.Value.Origin, "metadata.yaml key " + MessageText.Quoted(legacy) + " must be a mapping, got " + section.Value.Describe());
                continue;
            }

            scope.Renamed(section.KeyOrigin, "legacy metadata.yaml section " + MessageText.Quoted(legacy) + " read as config." + key);
            var value = key == "base_model" ? FlatConfig.Unflatten(sectionMap, GPTBaseModelConfig.TypeInfo) : sectionMap;
            sections.Add(new ConfigMapEntry(key, section.KeyOrigin, value));
        }

        if (sections.Count == 0)
        {
            scope.Invalid(root.Origin, "metadata.yaml has no 'config' (the model config of the checkpoint)");
            return null;
        }

        return new ConfigMap(sections, root.Origin);
    }
}
