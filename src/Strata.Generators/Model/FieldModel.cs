namespace Strata.Generators.Model;

/// <summary>A settable field: a partial property of a config class that the generator implements.</summary>
/// <param name="Property">The property's declaration (name, type, modifiers).</param>
/// <param name="Key">The YAML key.</param>
/// <param name="Hint">The <c>FieldHint</c> member name, or a cast of its number.</param>
/// <param name="ValueType">The value type.</param>
/// <param name="Rules">The field's rules, in attribute order.</param>
/// <param name="Description">The summary of the XML documentation.</param>
/// <param name="IsArchitecture">Whether the field belongs to the architecture.</param>
/// <param name="IsSecret">Whether the value is secret.</param>
/// <param name="IsRankLocal">Whether the value is rank-local.</param>
/// <param name="DerivedDefault">The derived-default rule in words.</param>
/// <param name="EnvironmentVariable">The bound environment variable.</param>
/// <param name="IsConfig">Whether the property holds a config class (nullable or not), so the setter links the child.</param>
/// <param name="CreatesDefaultChild">Whether the getter creates the child config on first read (non-nullable, concrete, no initializer).</param>
/// <param name="OwnsDefault">Whether the field's default is a child config of its own (created by the getter or a bare <c>new()</c>), which binding fills in.</param>
internal sealed record FieldModel(
    PropertyModel Property,
    string Key,
    string Hint,
    ValueTypeModel ValueType,
    EquatableArray<RuleModel> Rules,
    string? Description,
    bool IsArchitecture,
    bool IsSecret,
    bool IsRankLocal,
    string? DerivedDefault,
    string? EnvironmentVariable,
    bool IsConfig,
    bool CreatesDefaultChild,
    bool OwnsDefault);
