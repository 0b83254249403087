namespace Strata.Generators.Model;

/// <summary>A <c>[RemovedKey]</c> declaration of a config class.</summary>
internal sealed record RemovedKeyModel(string Key, string? Reason);
