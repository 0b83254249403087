namespace Strata.Extensions.Tests.Configs;

/// <summary>An application's config, with every shape a configuration section can take.</summary>
[Config]
[RenamedFrom("width", "hidden_size")]
public sealed partial class AppConfig
{
    /// <summary>The run name.</summary>
    [Field(FieldHint.Core)]
    public partial string Name { get; set; } = "run";

    /// <summary>The number of layers.</summary>
    [Field(FieldHint.Architecture), Min(0)]
    public partial int NumLayers { get; set; } = 2;

    /// <summary>The hidden size.</summary>
    [Field(FieldHint.Architecture), GreaterThan(0)]
    public partial int HiddenSize { get; set; } = 64;

    /// <summary>The seed, when fixed.</summary>
    [Field(FieldHint.Optional)]
    public partial int? Seed { get; set; }

    /// <summary>A note, when given.</summary>
    [Field(FieldHint.Optional)]
    public partial string? Note { get; set; }

    /// <summary>Whether to log every step.</summary>
    [Field(FieldHint.Logging)]
    public partial bool Verbose { get; set; }

    /// <summary>The optimizer.</summary>
    [Field(FieldHint.Core)]
    public partial OptimizerSettings Optimizer { get; set; }

    /// <summary>Per-layer settings.</summary>
    [Field(FieldHint.Core)]
    public partial IList<LayerConfig> Layers { get; set; } = new List<LayerConfig>();

    /// <summary>The steps to evaluate at.</summary>
    [Field(FieldHint.Feature)]
    public partial IList<int> EvalSteps { get; set; } = new List<int>();

    /// <summary>Learning-rate multipliers by layer name.</summary>
    [Field(FieldHint.Expert)]
    public partial IDictionary<string, double> LrScales { get; set; } = new Dictionary<string, double>();

    /// <summary>The dataset, chosen by its type.</summary>
    [Field(FieldHint.Core)]
    public partial DatasetConfig? Dataset { get; set; }

    /// <summary>The total width of all layers.</summary>
    [Derived]
    public int TotalWidth => NumLayers * HiddenSize;
}
