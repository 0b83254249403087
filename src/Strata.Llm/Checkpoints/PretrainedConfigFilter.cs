using Strata.Llm.Engine;
using Strata.Llm.Models;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Checkpoints;

/// <summary>Keeps the part of a checkpoint's model config that <c>load_config</c> selects (rule R9).</summary>
internal static class PretrainedConfigFilter
{
    /// <summary>
    /// The kept part: nothing for <c>none</c>; the architecture fields of <c>base_model</c> for <c>architecture</c>; the
    /// whole <c>base_model</c> for <c>model</c>; also <c>multi_stage</c> and <c>distributed</c> for <c>fast_llm</c>, without
    /// the environment-bound fields (world size, rank, local world size), so that a checkpoint never overrides the machine.
    /// </summary>
    /// <param name="saved">The checkpoint's model config.</param>
    /// <param name="loadConfig">What to load.</param>
    /// <param name="modelPath">The dotted path of the model config (for diagnostics).</param>
    /// <param name="report">Receives an information diagnostic for each environment-bound value dropped.</param>
    public static ConfigMap Select(ConfigMap saved, ModelConfigType loadConfig, string modelPath, Action<Diagnostic> report)
    {
        var model = GPTModelConfig.TypeInfo;
        var entries = new List<ConfigMapEntry>();
        foreach (var entry in saved.Entries)
        {
            var field = model.FindByKey(entry.Key);
            if (field is null)
            {
                // Not a model field: kept so that binding reports it with its checkpoint position.
                entries.Add(entry);
                continue;
            }

            switch (field.PropertyName)
            {
                case nameof(GPTModelConfig.BaseModel) when loadConfig.LoadsBaseModel():
                    entries.Add(entry);
                    break;
                case nameof(GPTModelConfig.BaseModel) when loadConfig.LoadsArchitecture() && entry.Value is ConfigMap baseModel:
                    entries.Add(entry with { Value = ArchitectureOnly(baseModel, GPTBaseModelConfig.TypeInfo) });
                    break;
                case nameof(GPTModelConfig.MultiStage) when loadConfig.LoadsFastLlm():
                    entries.Add(entry);
                    break;
                case nameof(GPTModelConfig.Distributed) when loadConfig.LoadsFastLlm() && entry.Value is ConfigMap distributed:
                    entries.Add(entry with { Value = WithoutEnvironmentBound(distributed, DistributedConfig.TypeInfo, PathText.Combine(modelPath, entry.Key), report) });
                    break;
            }
        }

        return new ConfigMap(entries, saved.Origin);
    }

    /// <summary>The architecture fields of a config tree, nested configs included (they keep their own architecture fields).</summary>
    public static ConfigMap ArchitectureOnly(ConfigMap map, ConfigTypeInfo info)
    {
        var entries = new List<ConfigMapEntry>();
        foreach (var entry in map.Entries)
        {
            if (info.FindByKey(entry.Key) is not { IsArchitecture: true } field)
            {
                continue;
            }

            entries.Add(field.ValueType.NestedConfig is { } nested && entry.Value is ConfigMap child
                ? entry with { Value = ArchitectureOnly(child, nested) }
                : entry);
        }

        return new ConfigMap(entries, map.Origin);
    }

    /// <summary>The map without the fields bound to environment variables, each drop reported with the checkpoint's position.</summary>
    private static ConfigMap WithoutEnvironmentBound(ConfigMap map, ConfigTypeInfo info, string path, Action<Diagnostic> report)
    {
        var kept = new List<ConfigMapEntry>();
        foreach (var entry in map.Entries)
        {
            if (info.FindByKey(entry.Key) is not { EnvironmentVariable: { } variable })
            {
                kept.Add(entry);
                continue;
            }

            report(new Diagnostic(
                DiagnosticSeverity.Info,
                DiagnosticCodes.CheckpointValueIgnored,
                PathText.Combine(path, entry.Key),
                entry.Value.Origin,
                "the checkpoint's value " + (entry.Value is ConfigScalar { Value: { } text } ? MessageText.Bounded(text) : entry.Value.Describe())
                + " is ignored: it describes the machine that saved the checkpoint (this run takes it from " + variable + ")"));
        }

        return new ConfigMap(kept, map.Origin);
    }
}
