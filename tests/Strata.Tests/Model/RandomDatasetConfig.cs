namespace Strata.Tests.Model;

/// <summary>Random tokens.</summary>
[Config(TypeName = "random")]
public sealed partial class RandomDatasetConfig : DatasetConfig
{
    /// <summary>The seed.</summary>
    [Field(FieldHint.Optional)]
    public partial long Seed { get; set; } = 42;
}
