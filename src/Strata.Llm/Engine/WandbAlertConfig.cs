namespace Strata.Llm.Engine;

/// <summary>Status posts (alerts) to Weights &amp; Biases, which must coincide with metric logs.</summary>
[Config]
public sealed partial class WandbAlertConfig : IIntervalConfig
{
    /// <summary>The number of training iterations between two status posts; a multiple of the logging interval; unset disables them.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? Interval { get; set; }

    /// <summary>The iteration of the first status post, modulo the interval; congruent with the logging offset.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial int Offset { get; set; }

    /// <summary>Whether status changes (start and end of the run) are posted; unset posts them when the interval is enabled.</summary>
    [Field(FieldHint.Feature)]
    public partial bool? StatusUpdates { get; set; }

    /// <summary>Whether alerts are posted: <c>status_updates</c> when set, else whether the interval is enabled.</summary>
    [Derived]
    public bool PostAlerts => StatusUpdates ?? Enabled;

    /// <summary>Whether the interval is enabled.</summary>
    public bool Enabled => Intervals.IsEnabled(Interval);

    partial void Validate(ValidationScope scope) => Intervals.WarnLargeOffset(scope, this, nameof(Offset));
}
