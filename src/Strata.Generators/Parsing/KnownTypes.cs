using Microsoft.CodeAnalysis;

namespace Strata.Generators.Parsing;

/// <summary>The symbols of the Strata runtime and the BCL that the parser compares against, looked up once per class.</summary>
internal sealed class KnownTypes
{
    public KnownTypes(Compilation compilation)
    {
        INamedTypeSymbol? Get(string metadataName) => compilation.GetTypeByMetadataName(metadataName);

        ConfigAttribute = Get("Strata.ConfigAttribute");
        FieldAttribute = Get("Strata.FieldAttribute");
        DerivedAttribute = Get("Strata.DerivedAttribute");
        DerivedDefaultAttribute = Get("Strata.DerivedDefaultAttribute");
        EnvironmentVariableAttribute = Get("Strata.EnvironmentVariableAttribute");
        EnumValueAttribute = Get("Strata.EnumValueAttribute");
        RenamedFromAttribute = Get("Strata.RenamedFromAttribute");
        RemovedKeyAttribute = Get("Strata.RemovedKeyAttribute");
        ValueTypeAttribute = Get("Strata.ValueTypeAttribute");
        MinAttribute = Get("Strata.MinAttribute");
        MaxAttribute = Get("Strata.MaxAttribute");
        GreaterThanAttribute = Get("Strata.GreaterThanAttribute");
        LessThanAttribute = Get("Strata.LessThanAttribute");
        RangeAttribute = Get("Strata.RangeAttribute");
        MultipleOfAttribute = Get("Strata.MultipleOfAttribute");
        OneOfAttribute = Get("Strata.OneOfAttribute");
        MinCountAttribute = Get("Strata.MinCountAttribute");
        MaxCountAttribute = Get("Strata.MaxCountAttribute");
        FiniteAttribute = Get("Strata.FiniteAttribute");
        FieldHint = Get("Strata.FieldHint");
        ConfigObject = Get("Strata.ConfigObject");
        ConfigPath = Get("Strata.ConfigPath");
        ConfigValueType = Get("Strata.Schema.ConfigValueType`1");
        ConfigNode = Get("Strata.Tree.ConfigNode");
        BaseLayerContext = Get("Strata.BaseLayerContext");
        PrepareContext = Get("Strata.PrepareContext");
        DeriveContext = Get("Strata.DeriveContext");
        ValidationScope = Get("Strata.ValidationScope");
        BigInteger = Get("System.Numerics.BigInteger");
        IList = Get("System.Collections.Generic.IList`1");
        IReadOnlyList = Get("System.Collections.Generic.IReadOnlyList`1");
        ISet = Get("System.Collections.Generic.ISet`1");
        IReadOnlySet = Get("System.Collections.Generic.IReadOnlySet`1");
        IDictionary = Get("System.Collections.Generic.IDictionary`2");
        IReadOnlyDictionary = Get("System.Collections.Generic.IReadOnlyDictionary`2");
        List = Get("System.Collections.Generic.List`1");
        HashSet = Get("System.Collections.Generic.HashSet`1");
        Dictionary = Get("System.Collections.Generic.Dictionary`2");
    }

    public INamedTypeSymbol? ConfigAttribute { get; }

    public INamedTypeSymbol? FieldAttribute { get; }

    public INamedTypeSymbol? DerivedAttribute { get; }

    public INamedTypeSymbol? DerivedDefaultAttribute { get; }

    public INamedTypeSymbol? EnvironmentVariableAttribute { get; }

    public INamedTypeSymbol? EnumValueAttribute { get; }

    public INamedTypeSymbol? RenamedFromAttribute { get; }

    public INamedTypeSymbol? RemovedKeyAttribute { get; }

    public INamedTypeSymbol? ValueTypeAttribute { get; }

    public INamedTypeSymbol? MinAttribute { get; }

    public INamedTypeSymbol? MaxAttribute { get; }

    public INamedTypeSymbol? GreaterThanAttribute { get; }

    public INamedTypeSymbol? LessThanAttribute { get; }

    public INamedTypeSymbol? RangeAttribute { get; }

    public INamedTypeSymbol? MultipleOfAttribute { get; }

    public INamedTypeSymbol? OneOfAttribute { get; }

    public INamedTypeSymbol? MinCountAttribute { get; }

    public INamedTypeSymbol? FiniteAttribute { get; }

    public INamedTypeSymbol? MaxCountAttribute { get; }

    public INamedTypeSymbol? FieldHint { get; }

    public INamedTypeSymbol? ConfigObject { get; }

    public INamedTypeSymbol? ConfigPath { get; }

    public INamedTypeSymbol? ConfigValueType { get; }

    public INamedTypeSymbol? ConfigNode { get; }

    public INamedTypeSymbol? BaseLayerContext { get; }

    public INamedTypeSymbol? PrepareContext { get; }

    public INamedTypeSymbol? DeriveContext { get; }

    public INamedTypeSymbol? ValidationScope { get; }

    public INamedTypeSymbol? BigInteger { get; }

    public INamedTypeSymbol? IList { get; }

    public INamedTypeSymbol? IReadOnlyList { get; }

    public INamedTypeSymbol? ISet { get; }

    public INamedTypeSymbol? IReadOnlySet { get; }

    public INamedTypeSymbol? IDictionary { get; }

    public INamedTypeSymbol? IReadOnlyDictionary { get; }

    public INamedTypeSymbol? List { get; }

    public INamedTypeSymbol? HashSet { get; }

    public INamedTypeSymbol? Dictionary { get; }

    public static bool Is(ISymbol? symbol, INamedTypeSymbol? known) =>
        known is not null && SymbolEqualityComparer.Default.Equals(symbol, known);

    public static bool IsGenericOf(ITypeSymbol type, INamedTypeSymbol? definition) =>
        type is INamedTypeSymbol { IsGenericType: true } named && Is(named.OriginalDefinition, definition);

    public bool IsConfigClass(ITypeSymbol type) =>
        type is INamedTypeSymbol { TypeKind: TypeKind.Class } named && FindAttribute(named, ConfigAttribute) is not null;

    /// <summary>The first attribute of <paramref name="property"/> that only a field takes (<c>[Field]</c>, a rule, ...), or null.</summary>
    public AttributeData? FieldOnlyAttributeOf(IPropertySymbol property)
    {
        foreach (var attribute in property.GetAttributes())
        {
            var type = attribute.AttributeClass;
            if (Is(type, FieldAttribute) || Is(type, EnvironmentVariableAttribute) || Is(type, DerivedDefaultAttribute) || Is(type, ValueTypeAttribute)
                || Is(type, MinAttribute) || Is(type, MaxAttribute) || Is(type, GreaterThanAttribute) || Is(type, LessThanAttribute)
                || Is(type, RangeAttribute) || Is(type, MultipleOfAttribute) || Is(type, OneOfAttribute) || Is(type, MinCountAttribute)
                || Is(type, MaxCountAttribute) || Is(type, FiniteAttribute))
            {
                return attribute;
            }
        }

        return null;
    }

    public static AttributeData? FindAttribute(ISymbol symbol, INamedTypeSymbol? attributeType)
    {
        if (attributeType is null)
        {
            return null;
        }

        foreach (var attribute in symbol.GetAttributes())
        {
            if (Is(attribute.AttributeClass, attributeType))
            {
                return attribute;
            }
        }

        return null;
    }
}
