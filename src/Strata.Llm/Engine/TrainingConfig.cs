namespace Strata.Llm.Engine;

/// <summary>The training phases: length, evaluations, logging, checkpoints, exports and shutdowns.</summary>
[Config]
[RenamedFrom("validation", "evaluations.validation")]
public sealed partial class TrainingConfig
{
    /// <summary>The evaluations, by the name of the dataset they evaluate on.</summary>
    [Field(FieldHint.Core)]
    public partial IDictionary<string, EvaluationConfig> Evaluations { get; set; } = new Dictionary<string, EvaluationConfig>();

    /// <summary>The logging of training metrics.</summary>
    [Field(FieldHint.Core)]
    public partial MetricsLogsConfig Logs { get; set; } = new();

    /// <summary>The checkpoints of the run.</summary>
    [Field(FieldHint.Core)]
    public partial TrainingCheckpointConfig Checkpoint { get; set; } = new();

    /// <summary>The exports of the model.</summary>
    [Field(FieldHint.Core)]
    public partial TrainingExportConfig Export { get; set; } = new();

    /// <summary>Automatic shutdowns.</summary>
    [Field(FieldHint.Core)]
    public partial ShutdownConfig Shutdown { get; set; } = new();

    /// <summary>Logging to Weights &amp; Biases.</summary>
    [Field(FieldHint.Core)]
    public partial WandbConfig Wandb { get; set; } = new();

    /// <summary>The total number of training iterations.</summary>
    [Field(FieldHint.Core), Min(0)]
    public partial int TrainIters { get; set; }

    /// <summary>The number of iterations of the test phase at the end of training; 0 disables it.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial int TestIters { get; set; }

    /// <summary>The number of data-loading processes of each data iterator.</summary>
    [Field(FieldHint.Optional), Min(0)]
    public partial int NumWorkers { get; set; } = 2;

    /// <summary>The number of micro-batches each data-loading process prepares in advance; unset for the loader's default.</summary>
    [Field(FieldHint.Performance), GreaterThan(0)]
    public partial int? PrefetchFactor { get; set; }

    /// <summary>The timeout of long operations (saving and loading checkpoints, preparing datasets), in seconds; unset for none.</summary>
    [Field(FieldHint.Feature), GreaterThan(0), Finite]
    public partial double? Timeout { get; set; } = 3600.0;

    partial void Validate(ValidationScope scope)
    {
        if (!Intervals.IsSubInterval(Shutdown, Checkpoint))
        {
            scope.Error(nameof(Shutdown), "shutdowns must coincide with checkpoints: shutdown is " + Intervals.Describe(Shutdown) + ", checkpoint is " + Intervals.Describe(Checkpoint));
        }

        if (!Intervals.IsSubInterval(Wandb.Alert, Logs))
        {
            scope.Error(nameof(Wandb), "wandb alerts must coincide with metric logs: alert is " + Intervals.Describe(Wandb.Alert) + ", logs is " + Intervals.Describe(Logs));
        }
    }
}
