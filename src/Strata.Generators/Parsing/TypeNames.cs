using Microsoft.CodeAnalysis;

namespace Strata.Generators.Parsing;

/// <summary>How types are written in generated code: fully qualified, with nullable annotations.</summary>
internal static class TypeNames
{
    private static readonly SymbolDisplayFormat s_format = SymbolDisplayFormat.FullyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier);

    public static string FullyQualified(ITypeSymbol type) => type.ToDisplayString(s_format);

    /// <summary>The type for messages: short names, with nullable annotations.</summary>
    public static string ForMessage(ITypeSymbol type) => type.ToDisplayString(SymbolDisplayFormat.MinimallyQualifiedFormat
        .AddMiscellaneousOptions(SymbolDisplayMiscellaneousOptions.IncludeNullableReferenceTypeModifier));

    /// <summary>The type without its top-level nullable reference annotation.</summary>
    public static ITypeSymbol NotAnnotated(ITypeSymbol type) =>
        type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated
            ? type.WithNullableAnnotation(NullableAnnotation.NotAnnotated)
            : type;

    /// <summary>Whether the type is <c>Nullable&lt;T&gt;</c>, and its underlying type.</summary>
    public static bool IsNullableValueType(ITypeSymbol type, out ITypeSymbol underlying)
    {
        if (type is INamedTypeSymbol { OriginalDefinition.SpecialType: SpecialType.System_Nullable_T } named)
        {
            underlying = named.TypeArguments[0];
            return true;
        }

        underlying = type;
        return false;
    }

    public static bool IsAnnotatedReference(ITypeSymbol type) =>
        type.IsReferenceType && type.NullableAnnotation == NullableAnnotation.Annotated;
}
