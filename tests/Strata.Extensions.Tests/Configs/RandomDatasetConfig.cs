namespace Strata.Extensions.Tests.Configs;

/// <summary>Random tokens.</summary>
[Config(TypeName = "random")]
public sealed partial class RandomDatasetConfig : DatasetConfig
{
    /// <summary>The seed of the tokens.</summary>
    [Field(FieldHint.Optional)]
    public partial int TokenSeed { get; set; } = 7;
}
