using Strata.Llm.Checkpoints;
using Strata.Llm.Engine;

namespace Strata.Llm.Models;

/// <summary>A GPT model: its base model and how it is split across stages and processes. This is what a checkpoint's config holds.</summary>
[Config]
public sealed partial class GPTModelConfig
{
    /// <summary>The model name written in checkpoint metadata.</summary>
    public const string ModelName = GPTCheckpointFormats.ModelName;

    /// <summary>The base model: the architecture and its training settings.</summary>
    [Field(FieldHint.Core)]
    public partial GPTBaseModelConfig BaseModel { get; set; } = new();

    /// <summary>How the model is split into stages, with ZeRO sharding and buffers.</summary>
    [Field(FieldHint.Core)]
    public partial MultiStageConfig MultiStage { get; set; } = new();

    /// <summary>The processes of the run and the parallelism across them.</summary>
    [Field(FieldHint.Core)]
    public partial DistributedConfig Distributed { get; set; } = new();

    /// <summary>The names of the checkpoint formats a GPT model can be loaded from and saved to.</summary>
    public static IReadOnlyList<string> CheckpointFormats => GPTCheckpointFormats.Names;
}
