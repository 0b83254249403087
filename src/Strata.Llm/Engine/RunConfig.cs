namespace Strata.Llm.Engine;

/// <summary>The experiment: where its outputs go and how it logs.</summary>
[Config]
public sealed partial class RunConfig
{
    /// <summary>The logging of tensor statistics.</summary>
    [Field(FieldHint.Logging)]
    public partial TensorLogsConfig TensorLogs { get; set; } = new();

    /// <summary>Whether metrics are also written as structured logs.</summary>
    [Field(FieldHint.Logging)]
    public partial bool StructuredLogs { get; set; } = true;

    /// <summary>The directory of the experiment's outputs (logs, checkpoints, exports); unset to write nothing.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath? ExperimentDir { get; set; }

    /// <summary>Whether every rank logs, not only the first one.</summary>
    [Field(FieldHint.Logging)]
    public partial bool EnableAllLoggers { get; set; }

    /// <summary>Whether log lines start with a timestamp.</summary>
    [Field(FieldHint.Logging)]
    public partial bool LogTimestamps { get; set; } = true;

    /// <summary>The name of the experiment; unset uses the experiment directory's name.</summary>
    [Field(FieldHint.Feature)]
    public partial string? ExperimentName { get; set; }

    /// <summary>Whether TorchDynamo compilation is enabled.</summary>
    [Field(FieldHint.Expert)]
    public partial bool TorchDynamoEnable { get; set; } = true;

    /// <summary>Whether Triton kernels are used where available.</summary>
    [Field(FieldHint.Expert)]
    public partial bool EnableTritonKernels { get; set; } = true;

    /// <summary>Whether the linear layers use Triton kernels.</summary>
    [Field(FieldHint.Performance)]
    public partial bool TritonLinearKernels { get; set; }

    partial void Validate(ValidationScope scope)
    {
        scope.Require(!TensorLogs.Save || ExperimentDir is not null, nameof(ExperimentDir), "is required when tensor_logs.save is true");
    }
}
