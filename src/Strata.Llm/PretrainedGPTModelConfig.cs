using Strata.Llm.Checkpoints;
using Strata.Llm.Engine;
using Strata.Llm.Models;

namespace Strata.Llm;

/// <summary>
/// A GPT model that may start from a pretrained checkpoint (the <c>gpt-model</c> kind, and each entry of a trainer's
/// <c>reference_models</c>): the checkpoint's config, filtered by <c>pretrained.load_config</c>, is updated by the explicit
/// values of <c>model</c>.
/// </summary>
[Config]
public sealed partial class PretrainedGPTModelConfig
{
    private DistributedConfig? _mainDistributed;

    /// <summary>The model; its explicit values update the pretrained checkpoint's config.</summary>
    [Field(FieldHint.Core)]
    public partial GPTModelConfig Model { get; set; } = new();

    /// <summary>The pretrained checkpoint; unset path for none.</summary>
    [Field(FieldHint.Feature)]
    public partial CheckpointLoadConfig Pretrained { get; set; } = new();

    /// <summary>Makes this model a reference model of a trainer: it runs on the main model's processes.</summary>
    /// <param name="mainDistributed">The main model's distributed config.</param>
    internal void ShareDistributed(DistributedConfig mainDistributed) => _mainDistributed = mainDistributed;

    partial void ProvideBaseLayers(BaseLayerContext context)
    {
        // The checkpoint's model config goes beneath the user's model before anything is bound (rule R9).
        context.Bind(nameof(Pretrained));
        PretrainedModelLoader.Load(context, Pretrained, nameof(Model));
    }

    partial void Prepare(PrepareContext context)
    {
        // Done here rather than by the trainer so that it reaches this section's model (its checkpoint beneath it).
        if (_mainDistributed is not null)
        {
            Model.Distributed.ShareFrom(_mainDistributed);
        }
    }
}
