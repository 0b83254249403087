namespace Strata.Llm.Engine;

/// <summary>The checkpoints of a training run (distributed format, with the optimizer state), which let it resume.</summary>
[Config]
public sealed partial class TrainingCheckpointConfig : IIntervalConfig
{
    /// <summary>The number of training iterations between two checkpoints; unset disables them. Needs <c>run.experiment_dir</c>.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? Interval { get; set; }

    /// <summary>The iteration of the first checkpoint, modulo the interval.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial int Offset { get; set; }

    /// <summary>The command run after each checkpoint.</summary>
    [Field(FieldHint.Core)]
    public partial CallbackConfig Callback { get; set; } = new();

    /// <summary>The number of most recent checkpoints kept; older ones are deleted. Unset keeps all of them.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? Keep { get; set; } = 5;

    /// <summary>Every n-th checkpoint is kept for good and not counted in <c>keep</c>.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? KeepEvery { get; set; }

    /// <summary>Whether the interval is enabled.</summary>
    public bool Enabled => Intervals.IsEnabled(Interval);

    partial void Validate(ValidationScope scope) => Intervals.WarnLargeOffset(scope, this, nameof(Offset));
}
