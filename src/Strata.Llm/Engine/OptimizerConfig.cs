namespace Strata.Llm.Engine;

/// <summary>The Adam optimizer, its learning-rate schedule and its gradient scaling.</summary>
[Config]
public sealed partial class OptimizerConfig
{
    /// <summary>The learning rate and its schedule.</summary>
    [Field(FieldHint.Core)]
    public partial LearningRateScheduleConfig LearningRate { get; set; } = new();

    /// <summary>The loss scaling that keeps 16-bit gradients in range.</summary>
    [Field(FieldHint.Feature)]
    public partial GradientScalerConfig GradientScaler { get; set; } = new();

    /// <summary>The decoupled weight decay.</summary>
    [Field(FieldHint.Core), Min(0), Finite]
    public partial double WeightDecay { get; set; } = 0.01;

    /// <summary>The decay rate of Adam's first moment.</summary>
    [Field(FieldHint.Optional, Name = "beta_1"), Range(0, 1)]
    public partial double Beta1 { get; set; } = 0.9;

    /// <summary>The decay rate of Adam's second moment.</summary>
    [Field(FieldHint.Optional, Name = "beta_2"), Range(0, 1)]
    public partial double Beta2 { get; set; } = 0.999;

    /// <summary>The constant added to Adam's denominator for numerical stability.</summary>
    [Field(FieldHint.Optional), GreaterThan(0), Finite]
    public partial double Epsilon { get; set; } = 1e-8;

    /// <summary>The largest gradient norm; larger gradients are scaled down.</summary>
    [Field(FieldHint.Feature), GreaterThan(0), Finite]
    public partial double GradientNormClipping { get; set; } = 1.0;

    /// <summary>The learning-rate scale of the parameters that do not set their own.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double DefaultLearningRateScale { get; set; } = 1.0;
}
