namespace Strata.Llm.Engine;

/// <summary>An evaluation phase during training, on the dataset of the same name.</summary>
[Config]
public sealed partial class EvaluationConfig : IIntervalConfig
{
    /// <summary>The number of training iterations between two evaluations; unset disables the evaluation.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? Interval { get; set; }

    /// <summary>The iteration of the first evaluation, modulo the interval.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial int Offset { get; set; }

    /// <summary>The number of iterations of each evaluation; unset disables the evaluation.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? Iterations { get; set; }

    /// <summary>Whether the interval is enabled.</summary>
    public bool Enabled => Intervals.IsEnabled(Interval);

    partial void Validate(ValidationScope scope) => Intervals.WarnLargeOffset(scope, this, nameof(Offset));
}
