namespace Strata.Generators.Model;

/// <summary>The little the subtype registry needs to know about one config class.</summary>
/// <param name="Declaration">Where the class is declared.</param>
/// <param name="BaseChain">The fully qualified config classes it derives from, nearest first.</param>
/// <param name="TypeName">The registered <c>type</c> name, if any.</param>
internal sealed record RegistryEntry(TypeDeclarationModel Declaration, EquatableArray<string> BaseChain, string? TypeName);
