namespace Strata.Generators;

/// <summary>The names of the generator's pipeline steps, for incremental-caching tests.</summary>
internal static class TrackingNames
{
    public const string ParseResults = nameof(ParseResults);
    public const string Models = nameof(Models);
    public const string Registry = nameof(Registry);
    public const string Diagnostics = nameof(Diagnostics);
    public const string TypeNames = nameof(TypeNames);
}
