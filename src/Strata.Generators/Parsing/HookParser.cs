using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Strata.Generators.Diagnostics;
using Strata.Generators.Model;

namespace Strata.Generators.Parsing;

/// <summary>
/// Finds the lifecycle hooks a config class implements: <c>partial void Derive(DeriveContext context)</c> or
/// <c>partial void Derive()</c>, and the same for <c>ProvideBaseLayers</c>, <c>Prepare</c> and <c>Validate</c>.
/// </summary>
internal static class HookParser
{
    public static HookModel Parse(
        INamedTypeSymbol type,
        string name,
        INamedTypeSymbol? argumentType,
        string argumentTypeName,
        string argumentName,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        foreach (var method in type.GetMembers(name).OfType<IMethodSymbol>())
        {
            var syntax = method.DeclaringSyntaxReferences
                .Select(r => r.GetSyntax(cancellationToken))
                .OfType<MethodDeclarationSyntax>()
                .FirstOrDefault();
            if (syntax is null || !(method.IsPartialDefinition || syntax.Modifiers.Any(SyntaxKind.PartialKeyword)))
            {
                continue;
            }

            var shape = ShapeOf(method, argumentType, argumentTypeName);
            if (shape == HookShape.None)
            {
                diagnostics.Add(DiagnosticInfo.Create(
                    DiagnosticDescriptors.HookSignature, LocationInfo.From(syntax.Identifier), name, argumentTypeName.Substring("Strata.".Length), argumentName));
                continue;
            }

            // The user may have written only the body (the usual case), only a declaration (nothing to call), or both.
            var hasImplementation = !method.IsPartialDefinition || method.PartialImplementationPart is not null;
            if (!hasImplementation)
            {
                continue;
            }

            var accessibility = string.Join(" ", syntax.Modifiers
                .Where(static m => m.Kind() is SyntaxKind.PublicKeyword or SyntaxKind.PrivateKeyword or SyntaxKind.ProtectedKeyword or SyntaxKind.InternalKeyword)
                .Select(static m => m.Text));
            return new HookModel(shape, accessibility, NeedsDeclaration: !method.IsPartialDefinition && method.PartialDefinitionPart is null);
        }

        return HookModel.None;
    }

    private static HookShape ShapeOf(IMethodSymbol method, INamedTypeSymbol? argumentType, string argumentTypeName)
    {
        if (!method.ReturnsVoid || method.IsStatic || method.IsGenericMethod)
        {
            return HookShape.None;
        }

        if (method.Parameters.Length == 0)
        {
            return HookShape.Parameterless;
        }

        if (method.Parameters.Length == 1 && method.Parameters[0].RefKind == RefKind.None && IsArgumentType(method.Parameters[0].Type, argumentType, argumentTypeName))
        {
            return HookShape.WithArgument;
        }

        return HookShape.None;
    }

    private static bool IsArgumentType(ITypeSymbol type, INamedTypeSymbol? argumentType, string argumentTypeName) =>
        argumentType is not null
            ? SymbolEqualityComparer.Default.Equals(type, argumentType)
            // The runtime being compiled may not declare the context yet: match by name.
            : type.ToDisplayString() == argumentTypeName || type.Name == argumentTypeName.Substring("Strata.".Length);
}
