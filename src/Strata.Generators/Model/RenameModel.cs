namespace Strata.Generators.Model;

/// <summary>A <c>[RenamedFrom]</c> declaration of a config class.</summary>
internal sealed record RenameModel(string OldPath, string NewPath, string? Converter);
