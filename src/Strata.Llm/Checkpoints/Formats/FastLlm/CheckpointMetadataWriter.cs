using Strata.Llm.Models;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.FastLlm;

/// <summary>
/// Writes the <c>metadata.yaml</c> of Fast-LLM's own formats as Fast-LLM 0.2 does for a save without weights: the explicit
/// values of the model config only (rule R3), keys sorted as <c>yaml.safe_dump</c> sorts them, and the
/// <c>state_index</c> of the <c>fast_llm</c> format empty.
/// </summary>
internal static class CheckpointMetadataWriter
{
    /// <summary>The Fast-LLM version whose checkpoint layout is written.</summary>
    public const string FastLlmVersion = "0.2.0";

    /// <summary>The text of <c>metadata.yaml</c> for <paramref name="model"/>.</summary>
    /// <param name="model">The model config.</param>
    /// <param name="format"><c>fast_llm</c> or <c>distributed</c>.</param>
    public static string Write(GPTModelConfig model, string format)
    {
        var origin = Origin.Code;
        var metadata = format == GPTCheckpointFormats.FastLlm
            ? new ConfigMap([new ConfigMapEntry("state_index", origin, ConfigMap.Empty(origin))], origin)
            : ConfigMap.Empty(origin);
        var root = new ConfigMap(
            [
                new ConfigMapEntry("config", origin, SortedTree.Sort(ConfigSerializer.ToTree(model))),
                new ConfigMapEntry("fast_llm_version", origin, ConfigScalar.Plain(FastLlmVersion, origin)),
                new ConfigMapEntry("format", origin, ConfigScalar.Plain(format, origin)),
                new ConfigMapEntry("metadata", origin, metadata),
                new ConfigMapEntry("model", origin, ConfigScalar.Plain(GPTCheckpointFormats.ModelName, origin)),
            ],
            origin);
        return ConfigSerializer.ToYaml(root);
    }
}
