using Strata.Llm.Engine;

namespace Strata.Llm.Checkpoints;

/// <summary>A pretrained checkpoint to start from: where it is, its format, and which parts of its config and state are loaded.</summary>
[Config]
[RenamedFrom("load_weights", "model_weights")]
[RenamedFrom("load_optimizer", "optimizer_state")]
public sealed partial class CheckpointLoadConfig
{
    /// <summary>The checkpoint format.</summary>
    [Field(FieldHint.Core)]
    [OneOf(GPTCheckpointFormats.Distributed, GPTCheckpointFormats.FastLlm, GPTCheckpointFormats.Auto, GPTCheckpointFormats.Starcoder2, GPTCheckpointFormats.Llama, GPTCheckpointFormats.Qwen2, GPTCheckpointFormats.Mistral, GPTCheckpointFormats.Mixtral, GPTCheckpointFormats.MtpLlama)]
    public partial string Format { get; set; } = GPTCheckpointFormats.FastLlm;

    /// <summary>Whether the weights are loaded.</summary>
    [Field(FieldHint.Feature)]
    public partial bool ModelWeights { get; set; } = true;

    /// <summary>Whether the optimizer state is loaded; only Fast-LLM's own formats hold it.</summary>
    [Field(FieldHint.Feature)]
    public partial bool OptimizerState { get; set; }

    /// <summary>The checkpoint directory; unset loads nothing.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath? Path { get; set; }

    /// <summary>The timeout of the loading, in seconds; unset for none.</summary>
    [Field(FieldHint.Optional), GreaterThan(0), Finite]
    public partial double? Timeout { get; set; }

    /// <summary>Which part of the checkpoint's config is loaded and updated by the user's model config (default: the whole base model).</summary>
    [Field(FieldHint.Core)]
    public partial ModelConfigType LoadConfig { get; set; } = ModelConfigType.Model;

    partial void Validate(ValidationScope scope)
    {
        if (GPTCheckpointFormats.EnforcesArchitectureMatch(Format) && LoadConfig == ModelConfigType.None)
        {
            scope.Error(nameof(LoadConfig), "must not be none with the " + Format + " format, which needs the checkpoint's architecture");
        }

        if (OptimizerState && !GPTCheckpointFormats.SupportsOptimizerState(Format))
        {
            scope.Error(nameof(OptimizerState), "the " + Format + " format does not hold the optimizer state");
        }
    }
}
