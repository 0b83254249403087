namespace Strata.Generators.Model;

/// <summary>A type that contains a nested config class and must be reopened around it.</summary>
/// <param name="Keyword">The declaration keyword: <c>class</c>, <c>struct</c>, <c>record</c>, <c>record struct</c> or <c>interface</c>.</param>
/// <param name="Name">The type's name.</param>
internal sealed record ContainingTypeModel(string Keyword, string Name);
