using Strata.Llm.Checkpoints;
using Strata.Llm.Data;
using Strata.Llm.Engine;
using Strata.Llm.Models;

namespace Strata.Llm;

/// <summary>
/// A GPT training run (the <c>gpt-trainer</c> kind): the model, possibly from a pretrained checkpoint, the data, the batch,
/// the optimizer and everything around the training loop.
/// </summary>
[Config]
[RenamedFrom("data.sampling.use_loss_masking_spans", "batch.use_loss_masking_spans")]
public sealed partial class GPTTrainerConfig
{
    /// <summary>The experiment: output directory and logging.</summary>
    [Field(FieldHint.Core)]
    public partial RunConfig Run { get; set; } = new();

    /// <summary>The model; its explicit values update the pretrained checkpoint's config.</summary>
    [Field(FieldHint.Core)]
    public partial GPTModelConfig Model { get; set; } = new();

    /// <summary>The pretrained checkpoint to start from; unset path for none.</summary>
    [Field(FieldHint.Feature)]
    public partial CheckpointLoadConfig Pretrained { get; set; } = new();

    /// <summary>The training phases.</summary>
    [Field(FieldHint.Core)]
    public partial TrainingConfig Training { get; set; } = new();

    /// <summary>The batch and its micro-batches.</summary>
    [Field(FieldHint.Core)]
    public partial GPTBatchConfig Batch { get; set; } = new();

    /// <summary>The scheduling of each step.</summary>
    [Field(FieldHint.Core)]
    public partial ScheduleConfig Schedule { get; set; } = new();

    /// <summary>The data.</summary>
    [Field(FieldHint.Core)]
    public partial GPTDataConfig Data { get; set; } = new();

    /// <summary>Profiling.</summary>
    [Field(FieldHint.Logging)]
    public partial ProfilingConfig Profiling { get; set; } = new();

    /// <summary>The optimizer.</summary>
    [Field(FieldHint.Core)]
    public partial OptimizerConfig Optimizer { get; set; } = new();

    /// <summary>Other models used during training (for example teachers for distillation), each with its own pretrained checkpoint.</summary>
    [Field(FieldHint.Feature)]
    public partial IDictionary<string, PretrainedGPTModelConfig> ReferenceModels { get; set; } = new Dictionary<string, PretrainedGPTModelConfig>();

    partial void ProvideBaseLayers(BaseLayerContext context)
    {
        // The checkpoint's model config goes beneath the user's model before anything is bound (rule R9).
        context.Bind(nameof(Pretrained));
        PretrainedModelLoader.Load(context, Pretrained, nameof(Model));
    }

    partial void Prepare(PrepareContext context)
    {
        // Megatron-LM's seed shifts, where no one set them (Fast-LLM overwrites even explicit values).
        Model.Distributed.UseMegatronSeedShifts(Model.BaseModel);

        Batch.SetDistributed(Model.Distributed);
        Batch.SetBaseModel(Model.BaseModel);

        // Reference models run on the processes of the main model, so they take its distributed settings.
        foreach (var reference in ReferenceModels.Values)
        {
            reference.ShareDistributed(Model.Distributed);
        }
    }

    partial void Validate(ValidationScope scope)
    {
        foreach (var (name, reference) in ReferenceModels)
        {
            if (reference.Model.BaseModel.CrossEntropySplits is not null)
            {
                scope.Error(nameof(ReferenceModels), name + ": model.base_model.cross_entropy_splits is not supported for a reference model");
            }
        }

        if (ReferenceModels.Count > 0)
        {
            var distributed = Model.Distributed;
            scope.Require(distributed.TensorParallel == 1, nameof(Model), "model.distributed.tensor_parallel must be 1 with reference models");
            scope.Require(distributed.PipelineParallel == 1, nameof(Model), "model.distributed.pipeline_parallel must be 1 with reference models");
            scope.Require(distributed.SequenceDataParallel == 1, nameof(Model), "model.distributed.sequence_data_parallel must be 1 with reference models");
        }

        scope.Require(
            Run.ExperimentDir is not null || !Training.Checkpoint.Enabled,
            nameof(Run),
            "run.experiment_dir is required when training.checkpoint.interval is set");
    }
}
