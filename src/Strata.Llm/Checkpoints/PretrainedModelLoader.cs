namespace Strata.Llm.Checkpoints;

/// <summary>
/// The pretrained base layer of the GPT configs (rule R9): the checkpoint's model config, filtered by <c>load_config</c>,
/// goes beneath the user's model values, which update it.
/// </summary>
internal static class PretrainedModelLoader
{
    /// <summary>Reads the checkpoint of <paramref name="pretrained"/> and places what it keeps beneath the model field.</summary>
    /// <param name="context">The base layer context of the config that holds both sections.</param>
    /// <param name="pretrained">The pretrained section, bound.</param>
    /// <param name="modelProperty">The C# property name of the model field.</param>
    public static void Load(BaseLayerContext context, CheckpointLoadConfig pretrained, string modelProperty)
    {
        if (pretrained.Path is null || pretrained.LoadConfig == ModelConfigType.None)
        {
            return;
        }

        // A reader given to the resolution (for a custom format) comes first; the built-in one reads the known formats.
        var reader = context.Services?.GetService(typeof(ICheckpointConfigReader)) as ICheckpointConfigReader ?? CheckpointConfigReader.Default;
        if (reader.ReadModelConfig(pretrained, context) is { } saved)
        {
            context.AddBeneath(modelProperty, PretrainedConfigFilter.Select(saved, pretrained.LoadConfig, context.PathOf(modelProperty), context.Report), "the pretrained checkpoint");
        }
    }
}
