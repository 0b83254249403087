using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Strata.Generators.Diagnostics;
using Strata.Generators.Emitting;
using Strata.Generators.Model;

namespace Strata.Generators.Parsing;

/// <summary>Turns a <c>[Config]</c> class into its model, its registry entry and its diagnostics.</summary>
internal static class ConfigParser
{
    public static ParseResult Parse(GeneratorAttributeSyntaxContext context, CancellationToken cancellationToken)
    {
        var diagnostics = new List<DiagnosticInfo>();
        var type = (INamedTypeSymbol)context.TargetSymbol;
        var syntax = (TypeDeclarationSyntax)context.TargetNode;
        var known = new KnownTypes(context.SemanticModel.Compilation);
        var classLocation = LocationInfo.From(syntax.Identifier);

        if (!CheckDeclaration(type, syntax, known, classLocation, diagnostics, cancellationToken))
        {
            return new ParseResult(null, null, null, diagnostics.ToEquatableArray());
        }

        var declaration = Declaration(type);
        var baseChain = BaseChain(type, known);
        var configAttribute = context.Attributes[0];
        var typeName = configAttribute.NamedArguments.FirstOrDefault(static a => a.Key == "TypeName").Value.Value as string;

        var members = MemberParser.Parse(type, known, diagnostics, cancellationToken);
        var model = new ConfigClassModel(
            declaration,
            type.IsAbstract,
            baseChain.Count > 0 ? baseChain[0] : null,
            typeName,
            DocumentationReader.Summary(type, cancellationToken),
            members.Fields,
            members.InvalidProperties,
            members.DerivedFields,
            RenameParser.ParseRenames(type, known, diagnostics, cancellationToken),
            RenameParser.ParseRemovedKeys(type, known),
            HookParser.Parse(type, "ProvideBaseLayers", known.BaseLayerContext, "Strata.BaseLayerContext", "context", diagnostics, cancellationToken),
            HookParser.Parse(type, "Prepare", known.PrepareContext, "Strata.PrepareContext", "context", diagnostics, cancellationToken),
            HookParser.Parse(type, "Derive", known.DeriveContext, "Strata.DeriveContext", "context", diagnostics, cancellationToken),
            HookParser.Parse(type, "Validate", known.ValidationScope, "Strata.ValidationScope", "scope", diagnostics, cancellationToken));

        var registry = new RegistryEntry(declaration, baseChain, typeName, OwnFlags(model), Nested(model.Fields));
        var site = typeName is null
            ? null
            : new TypeNameSite(
                declaration.FullyQualifiedName,
                baseChain,
                typeName,
                LocationInfo.From(configAttribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken)) ?? classLocation);
        return new ParseResult(model, registry, site, diagnostics.ToEquatableArray());
    }

    /// <summary>Checks what makes generation impossible: the class's shape, its containers and its base class.</summary>
    private static bool CheckDeclaration(
        INamedTypeSymbol type,
        TypeDeclarationSyntax syntax,
        KnownTypes known,
        LocationInfo? location,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var name = type.ToDisplayString();
        var count = diagnostics.Count;
        if (syntax is RecordDeclarationSyntax)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConfigRecord, location, name));
            return false;
        }

        if (!IsPartialEverywhere(type, cancellationToken))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ClassNotPartial, location, name));
        }

        if (type.IsGenericType || AnyContainingType(type, static t => t.IsGenericType))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.GenericConfigClass, location, name));
        }

        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (!IsPartialEverywhere(container, cancellationToken))
            {
                diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ContainingTypeNotPartial, location, container.ToDisplayString(), name));
            }
        }

        var baseType = type.BaseType;
        if (baseType is not null
            && baseType.SpecialType != SpecialType.System_Object
            && !KnownTypes.Is(baseType, known.ConfigObject)
            && !known.IsConfigClass(baseType))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.BaseNotConfig, location, name, baseType.ToDisplayString()));
        }

        return diagnostics.Count == count;
    }

    private static bool IsPartialEverywhere(INamedTypeSymbol type, CancellationToken cancellationToken) =>
        type.DeclaringSyntaxReferences.All(r =>
            r.GetSyntax(cancellationToken) is TypeDeclarationSyntax declaration && declaration.Modifiers.Any(SyntaxKind.PartialKeyword));

    private static bool AnyContainingType(INamedTypeSymbol type, Func<INamedTypeSymbol, bool> predicate)
    {
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            if (predicate(container))
            {
                return true;
            }
        }

        return false;
    }

    private static TypeDeclarationModel Declaration(INamedTypeSymbol type)
    {
        var containers = new List<ContainingTypeModel>();
        for (var container = type.ContainingType; container is not null; container = container.ContainingType)
        {
            containers.Insert(0, new ContainingTypeModel(Keyword(container), container.Name));
        }

        var ns = type.ContainingNamespace is { IsGlobalNamespace: false } n ? n.ToDisplayString() : null;
        return new TypeDeclarationModel(ns, containers.ToEquatableArray(), type.Name, TypeNames.FullyQualified(type));
    }

    private static string Keyword(INamedTypeSymbol type) => type.TypeKind switch
    {
        TypeKind.Struct => type.IsRecord ? "record struct" : "struct",
        TypeKind.Interface => "interface",
        _ => type.IsRecord ? "record" : "class",
    };

    /// <summary>The deep flags the class declares itself (the values of <c>DeepDeclarations</c>).</summary>
    private static int OwnFlags(ConfigClassModel model) =>
        (model.Renames.IsEmpty && model.RemovedKeys.IsEmpty ? 0 : RegistryEmitter.Renames)
        | (model.ProvideBaseLayers.Shape == HookShape.None ? 0 : RegistryEmitter.BaseLayers);

    /// <summary>The config classes the fields hold, each once, in field order.</summary>
    private static EquatableArray<string> Nested(EquatableArray<FieldModel> fields)
    {
        var nested = new List<string>();
        foreach (var field in fields)
        {
            if (field.ValueType.NestedConfig is { } name && !nested.Contains(name))
            {
                nested.Add(name);
            }
        }

        return nested.ToEquatableArray();
    }

    /// <summary>The config classes this one derives from, nearest first.</summary>
    private static EquatableArray<string> BaseChain(INamedTypeSymbol type, KnownTypes known)
    {
        var chain = new List<string>();
        for (var b = type.BaseType; b is not null && known.IsConfigClass(b); b = b.BaseType)
        {
            chain.Add(TypeNames.FullyQualified(b));
        }

        return chain.ToEquatableArray();
    }
}
