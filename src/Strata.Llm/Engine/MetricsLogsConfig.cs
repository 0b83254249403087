namespace Strata.Llm.Engine;

/// <summary>The logging of training metrics.</summary>
[Config]
public sealed partial class MetricsLogsConfig : IIntervalConfig
{
    /// <summary>The number of training iterations between two metric logs; unset disables them.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? Interval { get; set; } = 100;

    /// <summary>The iteration of the first metric log, modulo the interval.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial int Offset { get; set; }

    /// <summary>Whether the interval is enabled.</summary>
    public bool Enabled => Intervals.IsEnabled(Interval);

    partial void Validate(ValidationScope scope) => Intervals.WarnLargeOffset(scope, this, nameof(Offset));
}
