namespace Strata.Packaging.Tests.Packages;

/// <summary>The tests that pack src/Strata.Cli run one at a time: packs of one project share its obj folder.</summary>
[CollectionDefinition(Name)]
public sealed class PackingCollection
{
    public const string Name = "Packing";
}
