using System.Numerics;

namespace Strata.Tests.Model;

/// <summary>The root test config: every field type and rule.</summary>
[Config]
[RenamedFrom("data.old_flag", "flag")]
public sealed partial class RunConfig
{
    /// <summary>Layers.</summary>
    [Field(FieldHint.Core)]
    public partial LayerConfig Layers { get; set; } = new();

    /// <summary>Run name.</summary>
    [Field(FieldHint.Core)]
    public partial string? Name { get; set; }

    /// <summary>A flag.</summary>
    [Field(FieldHint.Optional)]
    public partial bool Flag { get; set; }

    /// <summary>Iterations.</summary>
    [Field(FieldHint.Core), Min(0)]
    public partial long Iterations { get; set; }

    /// <summary>A huge seed shift.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger SeedShift { get; set; } = BigInteger.Parse("317767863445754100075399033823", System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Learning rate.</summary>
    [Field(FieldHint.Core), GreaterThan(0)]
    public partial double LearningRate { get; set; } = 1e-4;

    /// <summary>Scale.</summary>
    [Field(FieldHint.Optional)]
    public partial float Scale { get; set; } = 1.5f;

    /// <summary>Precision.</summary>
    [Field(FieldHint.Core)]
    public partial Precision Precision { get; set; } = Precision.Float32;

    /// <summary>Output directory.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath? OutputDir { get; set; }

    /// <summary>Splits.</summary>
    [Field(FieldHint.Deprecated), MaxCount(3), Min(0)]
    public partial IList<double> Split { get; set; } = [969.0, 30.0, 1.0];

    /// <summary>Ranks to profile.</summary>
    [Field(FieldHint.Feature)]
    public partial ISet<int> Ranks { get; set; } = new HashSet<int>();

    /// <summary>Tags.</summary>
    [Field(FieldHint.Feature)]
    public partial IDictionary<string, string> Tags { get; set; } = new Dictionary<string, string>();

    /// <summary>Per-layer scales.</summary>
    [Field(FieldHint.Feature)]
    public partial IDictionary<int, double> LayerScales { get; set; } = new Dictionary<int, double>();

    /// <summary>A pair.</summary>
    [Field(FieldHint.Feature)]
    public partial (int, int) Shape { get; set; } = (1, 2);

    /// <summary>Datasets by phase.</summary>
    [Field(FieldHint.Core)]
    public partial IDictionary<string, DatasetConfig> Datasets { get; set; } = new Dictionary<string, DatasetConfig>();

    /// <summary>Auxiliary layers.</summary>
    [Field(FieldHint.Feature)]
    public partial IList<LayerConfig> Extra { get; set; } = [];

    /// <summary>Optional teacher layers.</summary>
    [Field(FieldHint.Feature)]
    public partial LayerConfig? Teacher { get; set; }

    /// <summary>Schedule.</summary>
    [Field(FieldHint.Feature), OneOf("constant", "cosine", "linear")]
    public partial string Schedule { get; set; } = "constant";

    /// <summary>World size.</summary>
    [Field(FieldHint.Expert), EnvironmentVariable("STRATA_TEST_WORLD_SIZE"), GreaterThan(0)]
    public partial int WorldSize { get; set; }

    /// <summary>Rank.</summary>
    [Field(FieldHint.Expert, RankLocal = true), EnvironmentVariable("STRATA_TEST_RANK"), Min(0)]
    public partial int Rank { get; set; }

    /// <summary>API key.</summary>
    [Field(FieldHint.Optional, Secret = true)]
    public partial string? ApiKey { get; set; }

    /// <summary>Multiple of eight.</summary>
    [Field(FieldHint.Performance), MultipleOf(8)]
    public partial int BatchSize { get; set; } = 8;

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(WorldSize)) && WorldSize == 0)
        {
            WorldSize = 1;
        }
    }

    partial void Validate(ValidationScope scope) =>
        scope.Require(Rank < WorldSize, nameof(Rank), $"must be < world_size ({WorldSize})");
}
