using Strata.Tree;

namespace Strata.Llm.Checkpoints;

/// <summary>
/// Reads the model config saved in a pretrained checkpoint, for the pretrained sections of the GPT configs. Given to a
/// resolution through <see cref="ResolveOptions.Services"/>; format readers (Fast-LLM, distributed, Hugging Face) implement it.
/// </summary>
public interface ICheckpointConfigReader
{
    /// <summary>
    /// Reads the checkpoint's model config as a tree with the keys of a GPT model config (<c>base_model</c>,
    /// <c>multi_stage</c>, <c>distributed</c>), whose nodes carry checkpoint origins. Returns <see langword="null"/> after
    /// reporting a diagnostic through <paramref name="context"/> when the checkpoint cannot be read.
    /// </summary>
    /// <param name="pretrained">The pretrained section: path, format and what to load.</param>
    /// <param name="context">The base layer context of the pretrained section's config (limits, diagnostics).</param>
    ConfigMap? ReadModelConfig(CheckpointLoadConfig pretrained, BaseLayerContext context);
}
