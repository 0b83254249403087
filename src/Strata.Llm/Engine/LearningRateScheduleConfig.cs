namespace Strata.Llm.Engine;

/// <summary>The learning rate and how it changes during training.</summary>
[Config]
public sealed partial class LearningRateScheduleConfig
{
    /// <summary>The peak learning rate.</summary>
    [Field(FieldHint.Core), Finite]
    public partial double Base { get; set; } = 0.0001;

    /// <summary>The shape of the decay after warm-up: <c>constant</c>, <c>linear</c>, <c>power</c> or <c>cosine</c> (checked when the schedule is built, as in Fast-LLM).</summary>
    [Field(FieldHint.Feature)]
    public partial string DecayStyle { get; set; } = "constant";

    /// <summary>The number of iterations of the decay; unset for the whole training.</summary>
    [Field(FieldHint.Feature)]
    public partial int? DecayIterations { get; set; }

    /// <summary>The exponent of the <c>power</c> decay.</summary>
    [Field(FieldHint.Feature), Finite]
    public partial double DecayPower { get; set; } = 1.0;

    /// <summary>The number of iterations of the linear warm-up.</summary>
    [Field(FieldHint.Feature)]
    public partial int WarmupIterations { get; set; }

    /// <summary>The lowest learning rate of the decay.</summary>
    [Field(FieldHint.Feature), Finite]
    public partial double Minimum { get; set; }

    /// <summary>A free-form schedule that replaces the other settings (work in progress).</summary>
    [Field(FieldHint.Wip)]
    public partial string? Schedule { get; set; }
}
