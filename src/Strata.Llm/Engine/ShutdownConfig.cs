namespace Strata.Llm.Engine;

/// <summary>Automatic shutdowns of the training run, which must coincide with checkpoints.</summary>
[Config]
public sealed partial class ShutdownConfig : IIntervalConfig
{
    /// <summary>The number of training iterations between two shutdowns; a multiple of the checkpoint interval; unset disables them.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? Interval { get; set; }

    /// <summary>The iteration of the first shutdown, modulo the interval; congruent with the checkpoint offset.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial int Offset { get; set; }

    /// <summary>Whether the interval is enabled.</summary>
    public bool Enabled => Intervals.IsEnabled(Interval);

    partial void Validate(ValidationScope scope) => Intervals.WarnLargeOffset(scope, this, nameof(Offset));
}
