using Microsoft.CodeAnalysis;

namespace Strata.Generators.Diagnostics;

/// <summary>The diagnostics of the Strata generator. Ids are stable: add new ones at the end and list them in AnalyzerReleases.Unshipped.md.</summary>
internal static class DiagnosticDescriptors
{
    private const string Category = "Strata";

    public static readonly DiagnosticDescriptor ClassNotPartial = new DiagnosticDescriptor(
        "STRG001",
        "Config class must be partial",
        "Config class '{0}' must be declared partial so that the generator can implement it",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ContainingTypeNotPartial = new DiagnosticDescriptor(
        "STRG002",
        "Type containing a config class must be partial",
        "Type '{0}' contains config class '{1}' and must be declared partial",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor GenericConfigClass = new DiagnosticDescriptor(
        "STRG003",
        "Config class cannot be generic",
        "Config class '{0}' cannot be generic or nested in a generic type",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor BaseNotConfig = new DiagnosticDescriptor(
        "STRG004",
        "Base class of a config class must be a config class",
        "Config class '{0}' derives from '{1}', which is not a [Config] class; a config class derives from nothing or from another config class",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor UnsupportedFieldType = new DiagnosticDescriptor(
        "STRG005",
        "Unsupported field type",
        "Field '{0}' has type '{1}', which is not a supported config value type{2}",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor RuleNotApplicable = new DiagnosticDescriptor(
        "STRG006",
        "Rule does not apply to the field's type",
        "[{0}] does not apply to field '{1}' of type '{2}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidRuleBound = new DiagnosticDescriptor(
        "STRG007",
        "Rule bound is not a value of the field's type",
        "[{0}] bound {1} is not a valid {2} for field '{3}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateKey = new DiagnosticDescriptor(
        "STRG008",
        "Duplicate key",
        "Key '{0}' of config class '{1}' is used by both '{2}' and '{3}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DerivedWithSetter = new DiagnosticDescriptor(
        "STRG009",
        "Derived field has a setter",
        "[Derived] property '{0}' must be get-only: a derived field is computed and never set",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DerivedIsPartial = new DiagnosticDescriptor(
        "STRG010",
        "Derived field is a partial property",
        "[Derived] property '{0}' must not be partial: a derived field is computed, not stored",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor HookSignature = new DiagnosticDescriptor(
        "STRG011",
        "Hook has a wrong signature",
        "Hook '{0}' must be declared 'partial void {0}({1} {2})' or 'partial void {0}()'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConverterMissing = new DiagnosticDescriptor(
        "STRG012",
        "Rename converter not found",
        "Converter '{0}' of the rename of '{1}' is not a method of '{2}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConverterSignature = new DiagnosticDescriptor(
        "STRG013",
        "Rename converter has a wrong signature",
        "Converter '{0}' must be declared 'static ConfigNode? {0}(ConfigNode value)'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor DuplicateTypeName = new DiagnosticDescriptor(
        "STRG014",
        "Duplicate type name in a hierarchy",
        "Type name '{0}' of '{1}' is also registered by '{2}' in the same hierarchy",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FieldAccessors = new DiagnosticDescriptor(
        "STRG015",
        "Field needs a getter and a setter",
        "Field '{0}' needs a get and a set accessor (init-only and get-only partial properties cannot be fields)",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor InvalidValueType = new DiagnosticDescriptor(
        "STRG016",
        "Invalid custom value type",
        "Value type '{0}' of field '{1}' must be a non-abstract class deriving from ConfigValueType<{2}> with a public parameterless constructor",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ConfigRecord = new DiagnosticDescriptor(
        "STRG017",
        "Config class cannot be a record",
        "Config class '{0}' cannot be a record: it derives from ConfigObject",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor FieldNotImplementable = new DiagnosticDescriptor(
        "STRG018",
        "Field the generator cannot implement",
        "Property '{0}' has [{1}] but {2}: the generator implements only an instance partial property without a body, so '{0}' would not be a field and its key would be unknown; declare it 'public partial {3} {0} {{ get; set; }}'",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);

    public static readonly DiagnosticDescriptor ReservedKey = new DiagnosticDescriptor(
        "STRG019",
        "Reserved key",
        "Property '{1}' of config class '{0}' has the key 'include', which is reserved: a file's top-level 'include' lists the files it builds on; give the field another key with [Field(Name = ...)] or rename the property",
        Category,
        DiagnosticSeverity.Error,
        isEnabledByDefault: true);
}
