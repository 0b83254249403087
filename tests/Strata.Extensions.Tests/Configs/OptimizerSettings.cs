namespace Strata.Extensions.Tests.Configs;

/// <summary>The optimizer.</summary>
[Config]
public sealed partial class OptimizerSettings
{
    /// <summary>The learning rate.</summary>
    [Field(FieldHint.Core, Name = "lr"), GreaterThan(0)]
    public partial double LearningRate { get; set; } = 1e-3;

    /// <summary>The first Adam beta.</summary>
    [Field(FieldHint.Optional), Range(0, 1)]
    public partial double Beta1 { get; set; } = 0.9;

    /// <summary>The warm-up steps; a tenth of the decay steps unless set.</summary>
    [Field(FieldHint.Optional), Min(0), DerivedDefault("decay_steps / 10")]
    public partial int WarmupSteps { get; set; }

    /// <summary>The decay steps.</summary>
    [Field(FieldHint.Optional), Min(0)]
    public partial int DecaySteps { get; set; } = 1000;

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(WarmupSteps)))
        {
            WarmupSteps = DecaySteps / 10;
        }
    }
}
