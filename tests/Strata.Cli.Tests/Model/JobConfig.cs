namespace Strata.Cli.Tests.Model;

/// <summary>A small training job: the root config the in-process host tests register.</summary>
[Config]
public sealed partial class JobConfig
{
    /// <summary>The network.</summary>
    [Field(FieldHint.Core)]
    public partial NetworkConfig Network { get; set; } = new();

    /// <summary>Training steps.</summary>
    [Field(FieldHint.Core), Min(1)]
    public partial int Steps { get; set; } = 100;

    /// <summary>Learning rate.</summary>
    [Field(FieldHint.Optional), GreaterThan(0)]
    public partial double LearningRate { get; set; } = 1e-3;

    /// <summary>Run name.</summary>
    [Field(FieldHint.Optional)]
    public partial string? Name { get; set; }

    /// <summary>Tracker token.</summary>
    [Field(FieldHint.Logging, Secret = true)]
    public partial string? Token { get; set; }

    /// <summary>Number of processes.</summary>
    [Field(FieldHint.Expert), EnvironmentVariable("STRATA_CLI_TEST_WORLD_SIZE"), GreaterThan(0)]
    public partial int WorldSize { get; set; }

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(WorldSize)) && WorldSize == 0)
        {
            WorldSize = 1;
        }
    }
}
