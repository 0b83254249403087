using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Strata.Generators.Diagnostics;
using Strata.Generators.Model;

namespace Strata.Generators.Parsing;

/// <summary>Reads the class-level <c>[RenamedFrom]</c> and <c>[RemovedKey]</c> declarations.</summary>
internal static class RenameParser
{
    public static EquatableArray<RenameModel> ParseRenames(
        INamedTypeSymbol type,
        KnownTypes known,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var renames = new List<RenameModel>();
        foreach (var attribute in type.GetAttributes().Where(a => KnownTypes.Is(a.AttributeClass, known.RenamedFromAttribute)))
        {
            if (attribute.ConstructorArguments.Length != 2
                || attribute.ConstructorArguments[0].Value is not string oldPath
                || attribute.ConstructorArguments[1].Value is not string newPath)
            {
                continue;
            }

            var converter = Named(attribute, "Converter");
            if (converter is not null && !CheckConverter(type, converter, oldPath, known, attribute, diagnostics, cancellationToken))
            {
                converter = null;
            }

            renames.Add(new RenameModel(oldPath, newPath, converter));
        }

        return renames.ToEquatableArray();
    }

    public static EquatableArray<RemovedKeyModel> ParseRemovedKeys(INamedTypeSymbol type, KnownTypes known) =>
        type.GetAttributes()
            .Where(a => KnownTypes.Is(a.AttributeClass, known.RemovedKeyAttribute) && a.ConstructorArguments.Length == 1)
            .Select(a => new RemovedKeyModel(a.ConstructorArguments[0].Value as string ?? string.Empty, Named(a, "Reason")))
            .ToEquatableArray();

    private static string? Named(AttributeData attribute, string name) =>
        attribute.NamedArguments.FirstOrDefault(a => a.Key == name).Value.Value as string;

    private static bool CheckConverter(
        INamedTypeSymbol type,
        string converter,
        string oldPath,
        KnownTypes known,
        AttributeData attribute,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
        var methods = type.GetMembers(converter).OfType<IMethodSymbol>().ToList();
        if (methods.Count == 0)
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConverterMissing, location, converter, oldPath, type.ToDisplayString()));
            return false;
        }

        if (!methods.Any(m => IsConverter(m, known)))
        {
            diagnostics.Add(DiagnosticInfo.Create(DiagnosticDescriptors.ConverterSignature, LocationInfo.From(methods[0].Locations.FirstOrDefault()) ?? location, converter));
            return false;
        }

        return true;
    }

    private static bool IsConverter(IMethodSymbol method, KnownTypes known) =>
        method.IsStatic
        && !method.IsGenericMethod
        && method.Parameters.Length == 1
        && method.Parameters[0].RefKind == RefKind.None
        && IsConfigNode(method.Parameters[0].Type, known)
        && IsConfigNode(method.ReturnType, known);

    private static bool IsConfigNode(ITypeSymbol type, KnownTypes known) =>
        known.ConfigNode is not null
            ? SymbolEqualityComparer.Default.Equals(type, known.ConfigNode)
            : type.Name == "ConfigNode";
}
