namespace Strata.Generators.Model;

/// <summary>A derived field: a get-only computed property marked <c>[Derived]</c>.</summary>
internal sealed record DerivedFieldModel(string PropertyName, string Key, string TypeName, ValueTypeModel ValueType, string? Description);
