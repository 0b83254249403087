using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Strata.Generators.Diagnostics;
using Strata.Generators.Model;
using Strata.Generators.Naming;

namespace Strata.Generators.Parsing;

/// <summary>
/// Reads the properties of a config class: partial properties are fields, get-only properties marked
/// <c>[Derived]</c> are derived fields.
/// </summary>
internal static class MemberParser
{
    public static Members Parse(INamedTypeSymbol type, KnownTypes known, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var fields = new List<FieldModel>();
        var invalid = new List<PropertyModel>();
        var derived = new List<DerivedFieldModel>();
        var keys = new Dictionary<string, string>(StringComparer.Ordinal);

        foreach (var property in type.GetMembers().OfType<IPropertySymbol>())
        {
            cancellationToken.ThrowIfCancellationRequested();
            if (property.IsStatic || property.IsIndexer)
            {
                ReportUnimplementableField(property, known, diagnostics, cancellationToken);
                continue;
            }

            var isPartial = property.IsPartialDefinition || property.PartialDefinitionPart is not null;
            var declaration = Declaration(property, cancellationToken);
            var location = LocationInfo.From(declaration?.Identifier ?? default);

            // Only a partial property that nobody implemented yet is the generator's to implement.
            var toImplement = property.IsPartialDefinition && property.PartialImplementationPart is null ? declaration : null;

            var derivedAttribute = KnownTypes.FindAttribute(property, known.DerivedAttribute);
            if (derivedAttribute is not null)
            {
                var derivedField = ParseDerived(property, derivedAttribute, isPartial, known, location, diagnostics, cancellationToken);
                if (derivedField is not null)
                {
                    CheckKey(type, derivedField.Key, property.Name, keys, location, diagnostics);
                    derived.Add(derivedField);
                }
                else if (toImplement is not null)
                {
                    invalid.Add(PropertyModelOf(property, toImplement));
                }

                continue;
            }

            if (toImplement is null)
            {
                ReportUnimplementableField(property, known, diagnostics, cancellationToken);
                continue;
            }

            var field = ParseField(property, toImplement, known, location, diagnostics, cancellationToken);
            if (field is null)
            {
                invalid.Add(PropertyModelOf(property, toImplement));
                continue;
            }

            CheckKey(type, field.Key, property.Name, keys, location, diagnostics);
            fields.Add(field);
        }

        return new Members(fields.ToEquatableArray(), invalid.ToEquatableArray(), derived.ToEquatableArray());
    }

    /// <summary>
    /// Reports a property marked as a field (by <c>[Field]</c> or another attribute that only a field takes) that the
    /// generator cannot implement: not partial, static, or already implemented by hand. Without this it would compile
    /// and its key would be "unknown" at run time.
    /// </summary>
    private static void ReportUnimplementableField(IPropertySymbol property, KnownTypes known, List<DiagnosticInfo> diagnostics, CancellationToken cancellationToken)
    {
        var attribute = known.FieldOnlyAttributeOf(property);
        if (attribute is null)
        {
            return;
        }

        var location = LocationInfo.From(Declaration(property, cancellationToken)?.Identifier ?? default);
        var why = property.IsStatic ? "it is static"
            : property.IsIndexer ? "it is an indexer"
            : property.IsPartialDefinition || property.PartialDefinitionPart is not null ? "it is implemented by hand"
            : "it is not partial";
        var name = attribute.AttributeClass?.Name ?? "FieldAttribute";
        name = name.EndsWith("Attribute", StringComparison.Ordinal) ? name.Substring(0, name.Length - "Attribute".Length) : name;
        var type = property.Type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat);
        diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FieldNotImplementable, location, property.Name, name, why, type));
    }

    private static FieldModel? ParseField(
        IPropertySymbol property,
        PropertyDeclarationSyntax declaration,
        KnownTypes known,
        LocationInfo? location,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        if (property.GetMethod is null || property.SetMethod is null || property.SetMethod.IsInitOnly)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.FieldAccessors, location, property.Name));
            return null;
        }

        var valueType = ValueTypeOf(property, known, location, diagnostics);
        if (valueType is null)
        {
            return null;
        }

        var fieldAttribute = KnownTypes.FindAttribute(property, known.FieldAttribute);
        var hint = fieldAttribute is { ConstructorArguments.Length: 1 } ? HintName(fieldAttribute.ConstructorArguments[0], known) : "Unknown";
        var isConfig = known.IsConfigClass(TypeNames.NotAnnotated(property.Type));
        var concreteChild = isConfig && !TypeNames.IsAnnotatedReference(property.Type) && !property.Type.IsAbstract;
        var createsDefaultChild = concreteChild && declaration.Initializer is null;

        // A bare `new()` (or `new T()` of the property's own type) gives the config its own default child: the binder
        // binds the file's mapping into it rather than building another.
        var ownsDefault = createsDefaultChild || (concreteChild && declaration.Initializer?.Value switch
        {
            ImplicitObjectCreationExpressionSyntax { Initializer: null } bare => bare.ArgumentList.Arguments.Count == 0,
            ObjectCreationExpressionSyntax { Initializer: null } typed => (typed.ArgumentList is null || typed.ArgumentList.Arguments.Count == 0)
                && typed.Type.ToString() == declaration.Type.ToString(),
            _ => false,
        });

        return new FieldModel(
            PropertyModelOf(property, declaration),
            Named<string>(fieldAttribute, "Name") ?? SnakeCase.Convert(property.Name),
            hint,
            valueType,
            RuleParser.Parse(property, known, diagnostics, cancellationToken),
            DocumentationReader.Summary(property, cancellationToken),
            hint == "Architecture" || Named<bool>(fieldAttribute, "Architecture"),
            Named<bool>(fieldAttribute, "Secret"),
            Named<bool>(fieldAttribute, "RankLocal"),
            FirstArgument(KnownTypes.FindAttribute(property, known.DerivedDefaultAttribute)),
            FirstArgument(KnownTypes.FindAttribute(property, known.EnvironmentVariableAttribute)),
            isConfig,
            createsDefaultChild,
            ownsDefault);
    }

    private static DerivedFieldModel? ParseDerived(
        IPropertySymbol property,
        AttributeData attribute,
        bool isPartial,
        KnownTypes known,
        LocationInfo? location,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        if (isPartial)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivedIsPartial, location, property.Name));
            return null;
        }

        if (property.SetMethod is not null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DerivedWithSetter, location, property.Name));
            return null;
        }

        var valueType = ValueTypeOf(property, known, location, diagnostics);
        return valueType is null
            ? null
            : new DerivedFieldModel(
                property.Name,
                Named<string>(attribute, "Name") ?? SnakeCase.Convert(property.Name),
                TypeNames.FullyQualified(property.Type),
                valueType,
                DocumentationReader.Summary(property, cancellationToken));
    }

    /// <summary>The value type from <c>[ValueType]</c>, or the built-in one for the property's type.</summary>
    private static ValueTypeModel? ValueTypeOf(IPropertySymbol property, KnownTypes known, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        var custom = KnownTypes.FindAttribute(property, known.ValueTypeAttribute);
        if (custom is not null)
        {
            if (custom.ConstructorArguments.FirstOrDefault().Value is INamedTypeSymbol valueTypeClass && IsValueTypeFor(valueTypeClass, property.Type, known))
            {
                return ValueTypeModel.Simple(ValueKind.Custom, TypeNames.FullyQualified(valueTypeClass));
            }

            var shown = custom.ConstructorArguments.FirstOrDefault().Value is ITypeSymbol t ? TypeNames.ForMessage(t) : "?";
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.InvalidValueType, location, shown, property.Name, TypeNames.ForMessage(property.Type)));
            return null;
        }

        var valueType = ValueTypeParser.Parse(property.Type, known, out var hint);
        if (valueType is null)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.UnsupportedFieldType, location, property.Name, TypeNames.ForMessage(property.Type), hint));
        }

        return valueType;
    }

    private static bool IsValueTypeFor(INamedTypeSymbol valueTypeClass, ITypeSymbol propertyType, KnownTypes known)
    {
        if (valueTypeClass.IsAbstract || valueTypeClass.IsGenericType
            || !valueTypeClass.InstanceConstructors.Any(static c => c.Parameters.Length == 0 && c.DeclaredAccessibility == Accessibility.Public))
        {
            return false;
        }

        for (var b = valueTypeClass.BaseType; b is not null; b = b.BaseType)
        {
            if (KnownTypes.Is(b.OriginalDefinition, known.ConfigValueType))
            {
                return SymbolEqualityComparer.Default.Equals(b.TypeArguments[0], propertyType);
            }
        }

        return false;
    }

    private static void CheckKey(INamedTypeSymbol type, string key, string propertyName, Dictionary<string, string> keys, LocationInfo? location, List<DiagnosticInfo> diagnostics)
    {
        if (key == "include")
        {
            // A file's top-level `include` lists the files it builds on: no field may have that key.
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ReservedKey, location, type.Name, propertyName));
        }
        else if (keys.TryGetValue(key, out var first))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.DuplicateKey, location, key, type.Name, first, propertyName));
        }
        else
        {
            keys.Add(key, propertyName);
        }
    }

    private static string HintName(TypedConstant hint, KnownTypes known)
    {
        var member = known.FieldHint?.GetMembers()
            .OfType<IFieldSymbol>()
            .FirstOrDefault(f => f.HasConstantValue && Equals(f.ConstantValue, hint.Value));
        return member?.Name ?? "(global::Strata.FieldHint)" + Convert.ToString(hint.Value, System.Globalization.CultureInfo.InvariantCulture);
    }

    private static PropertyDeclarationSyntax? Declaration(IPropertySymbol property, CancellationToken cancellationToken) =>
        property.DeclaringSyntaxReferences
            .Select(r => r.GetSyntax(cancellationToken))
            .OfType<PropertyDeclarationSyntax>()
            .FirstOrDefault();

    private static PropertyModel PropertyModelOf(IPropertySymbol property, PropertyDeclarationSyntax declaration)
    {
        var accessors = declaration.AccessorList?.Accessors ?? default;
        var getter = accessors.FirstOrDefault(static a => a.IsKind(SyntaxKind.GetAccessorDeclaration));
        var setter = accessors.FirstOrDefault(static a => a.IsKind(SyntaxKind.SetAccessorDeclaration) || a.IsKind(SyntaxKind.InitAccessorDeclaration));
        return new PropertyModel(
            property.Name,
            TypeNames.FullyQualified(property.Type),
            string.Join(" ", declaration.Modifiers.Select(static m => m.Text)),
            getter is null ? string.Empty : string.Join(" ", getter.Modifiers.Select(static m => m.Text)),
            setter is null ? string.Empty : string.Join(" ", setter.Modifiers.Select(static m => m.Text)),
            setter?.Keyword.Text);
    }

    private static T? Named<T>(AttributeData? attribute, string name) =>
        attribute?.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value is T value ? value : default;

    private static string? FirstArgument(AttributeData? attribute) =>
        attribute is { ConstructorArguments.Length: > 0 } ? attribute.ConstructorArguments[0].Value as string : null;

    /// <summary>The properties of a class, sorted by role.</summary>
    internal sealed record Members(
        EquatableArray<FieldModel> Fields,
        EquatableArray<PropertyModel> InvalidProperties,
        EquatableArray<DerivedFieldModel> DerivedFields);
}
