namespace Strata.Generators.Model;

/// <summary>Everything the emitter needs to write one config class; nothing in it refers to a symbol or a syntax tree.</summary>
/// <param name="Declaration">Where the class is declared.</param>
/// <param name="IsAbstract">Whether the class is abstract.</param>
/// <param name="BaseConfig">The fully qualified base config class, or <see langword="null"/> when the class derives from nothing.</param>
/// <param name="TypeName">The registered <c>type</c> name.</param>
/// <param name="Description">The summary of the class's XML documentation.</param>
/// <param name="Fields">The settable fields, in declaration order.</param>
/// <param name="InvalidProperties">Partial properties that cannot be fields (a diagnostic says why): implemented plainly so that the diagnostic is the only error.</param>
/// <param name="DerivedFields">The derived fields, in declaration order.</param>
/// <param name="Renames">The renamed keys.</param>
/// <param name="RemovedKeys">The removed keys.</param>
/// <param name="ProvideBaseLayers">The <c>ProvideBaseLayers</c> hook.</param>
/// <param name="Prepare">The <c>Prepare</c> hook.</param>
/// <param name="Derive">The <c>Derive</c> hook.</param>
/// <param name="Validate">The <c>Validate</c> hook.</param>
internal sealed record ConfigClassModel(
    TypeDeclarationModel Declaration,
    bool IsAbstract,
    string? BaseConfig,
    string? TypeName,
    string? Description,
    EquatableArray<FieldModel> Fields,
    EquatableArray<PropertyModel> InvalidProperties,
    EquatableArray<DerivedFieldModel> DerivedFields,
    EquatableArray<RenameModel> Renames,
    EquatableArray<RemovedKeyModel> RemovedKeys,
    HookModel ProvideBaseLayers,
    HookModel Prepare,
    HookModel Derive,
    HookModel Validate);
