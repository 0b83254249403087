namespace Strata.Llm.Engine;

/// <summary>How the model is split into stages, and how weights, gradients and optimizer state are sharded (ZeRO) and buffered.</summary>
[Config]
public sealed partial class MultiStageConfig
{
    /// <summary>Whether gradients are reduced and accumulated in the optimization data type.</summary>
    [Field(FieldHint.Optional)]
    public partial bool FullPrecisionGradients { get; set; } = true;

    /// <summary>Whether frozen weights are stored in the optimization data type.</summary>
    [Field(FieldHint.Optional)]
    public partial bool StoreFrozenWeightsInOptimizationPrecision { get; set; } = true;

    /// <summary>How much of the layer outputs is logged (0 for nothing).</summary>
    [Field(FieldHint.Logging), Min(0)]
    public partial int DebugLayerOutputs { get; set; }

    /// <summary>How much of the layer gradients is logged (0 for nothing).</summary>
    [Field(FieldHint.Logging), Min(0)]
    public partial int DebugLayerGradients { get; set; }

    /// <summary>How much of the initial parameters is logged (0 for nothing).</summary>
    [Field(FieldHint.Logging), Min(0)]
    public partial int DebugParamInit { get; set; }

    /// <summary>How much of the parameter gradients is logged (0 for nothing).</summary>
    [Field(FieldHint.Logging), Min(0)]
    public partial int DebugParamGradients { get; set; }

    /// <summary>How much of all parameter gradients, including intermediate ones, is logged (0 for nothing).</summary>
    [Field(FieldHint.Logging), Min(0)]
    public partial int DebugAllParamGradients { get; set; }

    /// <summary>How much of the parameter updates is logged (0 for nothing).</summary>
    [Field(FieldHint.Logging), Min(0)]
    public partial int DebugParamUpdate { get; set; }

    /// <summary>Whether logged tensors are gathered into global tensors first.</summary>
    [Field(FieldHint.Logging)]
    public partial bool DebugGlobalTensors { get; set; } = true;

    /// <summary>Whether the activation memory is logged.</summary>
    [Field(FieldHint.Logging)]
    public partial bool DebugActivationMemory { get; set; }

    /// <summary>Whether tensor-parallel copies are checked to agree.</summary>
    [Field(FieldHint.Logging)]
    public partial bool DebugTensorParallel { get; set; }

    /// <summary>Whether every stage is compiled.</summary>
    [Field(FieldHint.Expert)]
    public partial bool CompileAll { get; set; }

    /// <summary>The number of layers in each stage (may be fractional).</summary>
    [Field(FieldHint.Performance), GreaterThan(0), Finite]
    public partial double LayersPerStage { get; set; } = 1.0;

    /// <summary>The number of stages on each pipeline rank; only 1 is implemented.</summary>
    [Field(FieldHint.Wip)]
    public partial int StagesPerPipelineStage { get; set; } = 1;

    /// <summary>The number of weight buffers for gathering sharded weights; 2 with ZeRO stage 3 unless set.</summary>
    [Field(FieldHint.Expert), Min(1), DerivedDefault("2 when zero_stage is 3, else unset")]
    public partial int? NumWeightBuffers { get; set; }

    /// <summary>The number of gradient buffers for reducing sharded gradients; 2 with ZeRO stage 2 or 3 unless set.</summary>
    [Field(FieldHint.Expert), Min(1), DerivedDefault("2 when zero_stage is 2 or 3, else unset")]
    public partial int? NumGradBuffers { get; set; }

    /// <summary>The ZeRO stage (1 to 3): what is sharded across data-parallel ranks; unset for the default.</summary>
    [Field(FieldHint.Performance), Range(1, 3)]
    public partial int? ZeroStage { get; set; }

    /// <summary>The delay inserted between pipeline stages, for testing pipeline overlap.</summary>
    [Field(FieldHint.Expert), Min(0), Finite]
    public partial double PipelineDelay { get; set; }

    partial void Derive(DeriveContext context)
    {
        if (ZeroStage is >= 2 && !IsSet(nameof(NumGradBuffers)))
        {
            NumGradBuffers = 2;
        }

        if (ZeroStage is 3 && !IsSet(nameof(NumWeightBuffers)))
        {
            NumWeightBuffers = 2;
        }
    }

    partial void Validate(ValidationScope scope)
    {
        scope.Require(StagesPerPipelineStage == 1, nameof(StagesPerPipelineStage), "must be 1 (other values are not implemented)");
    }
}
