namespace Strata.Generators.Model;

/// <summary>The little the subtype registry and the deep flags need to know about one config class.</summary>
/// <param name="Declaration">Where the class is declared.</param>
/// <param name="BaseChain">The fully qualified config classes it derives from, nearest first.</param>
/// <param name="TypeName">The registered <c>type</c> name, if any.</param>
/// <param name="OwnFlags">The deep flags the class itself declares (<c>DeepDeclarations</c>: 1 renamed or removed keys, 2 base layers).</param>
/// <param name="Nested">The fully qualified config classes its declared fields hold (their value type's nested config).</param>
internal sealed record RegistryEntry(
    TypeDeclarationModel Declaration,
    EquatableArray<string> BaseChain,
    string? TypeName,
    int OwnFlags,
    EquatableArray<string> Nested);
