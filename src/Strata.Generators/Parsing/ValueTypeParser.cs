using System.Linq;
using Microsoft.CodeAnalysis;
using Strata.Generators.Model;
using Strata.Generators.Naming;

namespace Strata.Generators.Parsing;

/// <summary>Maps a field's CLR type to one of the built-in value types of <c>Strata.Schema.ValueTypes</c>.</summary>
internal static class ValueTypeParser
{
    /// <summary>Returns the value type, or <see langword="null"/> with a hint for the message when the type is not supported.</summary>
    public static ValueTypeModel? Parse(ITypeSymbol type, KnownTypes known, out string hint)
    {
        hint = string.Empty;
        var name = TypeNames.FullyQualified(type);

        if (TypeNames.IsAnnotatedReference(type))
        {
            var inner = Parse(TypeNames.NotAnnotated(type), known, out hint);
            return inner is null ? null : ValueTypeModel.Composite(ValueKind.NullableReference, name, inner);
        }

        if (TypeNames.IsNullableValueType(type, out var underlying))
        {
            var inner = Parse(underlying, known, out hint);
            return inner is null ? null : ValueTypeModel.Composite(ValueKind.Nullable, name, inner);
        }

        switch (type.SpecialType)
        {
            case SpecialType.System_Boolean:
                return ValueTypeModel.Simple(ValueKind.Boolean, name);
            case SpecialType.System_Int32:
                return ValueTypeModel.Simple(ValueKind.Int32, name);
            case SpecialType.System_Int64:
                return ValueTypeModel.Simple(ValueKind.Int64, name);
            case SpecialType.System_Double:
                return ValueTypeModel.Simple(ValueKind.Double, name);
            case SpecialType.System_Single:
                return ValueTypeModel.Simple(ValueKind.Single, name);
            case SpecialType.System_String:
                return ValueTypeModel.Simple(ValueKind.String, name);
        }

        if (KnownTypes.Is(type, known.BigInteger))
        {
            return ValueTypeModel.Simple(ValueKind.BigInteger, name);
        }

        if (KnownTypes.Is(type, known.ConfigPath))
        {
            return ValueTypeModel.Simple(ValueKind.Path, name);
        }

        if (type.TypeKind == TypeKind.Enum)
        {
            return ParseEnum((INamedTypeSymbol)type, known, name);
        }

        if (known.IsConfigClass(type))
        {
            return ValueTypeModel.Simple(ValueKind.Config, name);
        }

        if (type is INamedTypeSymbol { IsTupleType: true } tuple)
        {
            return ParseTuple(tuple, known, name, out hint);
        }

        if (type is INamedTypeSymbol { IsGenericType: true } generic)
        {
            var kind = CollectionKind(generic, known);
            if (kind is not null)
            {
                return ParseCollection(generic, kind.Value, known, name, out hint);
            }
        }

        hint = Suggestion(type, known);
        return null;
    }

    private static ValueTypeModel ParseEnum(INamedTypeSymbol type, KnownTypes known, string name)
    {
        var members = type.GetMembers()
            .OfType<IFieldSymbol>()
            .Where(static f => f.HasConstantValue)
            .Select(f =>
            {
                var attribute = KnownTypes.FindAttribute(f, known.EnumValueAttribute);
                if (attribute is null || attribute.ConstructorArguments.Length == 0)
                {
                    return new EnumMemberModel(SnakeCase.Convert(f.Name), f.Name, EquatableArray<string>.Empty);
                }

                var yamlName = attribute.ConstructorArguments[0].Value as string ?? SnakeCase.Convert(f.Name);
                var aliases = attribute.ConstructorArguments.Length > 1 && attribute.ConstructorArguments[1].Kind == TypedConstantKind.Array
                    ? attribute.ConstructorArguments[1].Values.Select(static v => v.Value as string).OfType<string>()
                    : [];
                return new EnumMemberModel(yamlName, f.Name, aliases.ToEquatableArray());
            });
        return new ValueTypeModel(ValueKind.Enum, name, EquatableArray<ValueTypeModel>.Empty, members.ToEquatableArray());
    }

    private static ValueTypeModel? ParseTuple(INamedTypeSymbol tuple, KnownTypes known, string name, out string hint)
    {
        hint = string.Empty;
        if (tuple.TupleElements.Length is < 2 or > 3)
        {
            hint = " (tuples of two or three items are supported)";
            return null;
        }

        var items = new ValueTypeModel[tuple.TupleElements.Length];
        for (var i = 0; i < items.Length; i++)
        {
            var item = Parse(tuple.TupleElements[i].Type, known, out hint);
            if (item is null)
            {
                return null;
            }

            items[i] = item;
        }

        return ValueTypeModel.Composite(ValueKind.Tuple, name, items);
    }

    private static ValueTypeModel? ParseCollection(INamedTypeSymbol type, ValueKind kind, KnownTypes known, string name, out string hint)
    {
        hint = string.Empty;
        var isDictionary = type.TypeArguments.Length == 2;
        var element = Parse(type.TypeArguments[isDictionary ? 1 : 0], known, out hint);
        return element is null ? null : ValueTypeModel.Composite(kind, name, element);
    }

    /// <summary>The collection value type of a generic interface, taking the dictionary key into account.</summary>
    public static ValueKind? CollectionKind(INamedTypeSymbol type, KnownTypes known)
    {
        var definition = type.OriginalDefinition;
        if (KnownTypes.Is(definition, known.IList))
        {
            return ValueKind.List;
        }

        if (KnownTypes.Is(definition, known.IReadOnlyList))
        {
            return ValueKind.ReadOnlyList;
        }

        if (KnownTypes.Is(definition, known.ISet))
        {
            return ValueKind.Set;
        }

        if (KnownTypes.Is(definition, known.IReadOnlySet))
        {
            return ValueKind.ReadOnlySet;
        }

        var isDictionary = KnownTypes.Is(definition, known.IDictionary);
        var isReadOnlyDictionary = KnownTypes.Is(definition, known.IReadOnlyDictionary);
        if (!isDictionary && !isReadOnlyDictionary)
        {
            return null;
        }

        return type.TypeArguments[0].SpecialType switch
        {
            SpecialType.System_String => isDictionary ? ValueKind.Dictionary : ValueKind.ReadOnlyDictionary,
            SpecialType.System_Int32 => isDictionary ? ValueKind.IntDictionary : ValueKind.ReadOnlyIntDictionary,
            _ => null,
        };
    }

    private static string Suggestion(ITypeSymbol type, KnownTypes known)
    {
        if (type is IArrayTypeSymbol || KnownTypes.IsGenericOf(type, known.List))
        {
            return "; use IList<T> or IReadOnlyList<T>";
        }

        if (KnownTypes.IsGenericOf(type, known.HashSet))
        {
            return "; use ISet<T> or IReadOnlySet<T>";
        }

        if (KnownTypes.IsGenericOf(type, known.Dictionary) || KnownTypes.IsGenericOf(type, known.IDictionary) || KnownTypes.IsGenericOf(type, known.IReadOnlyDictionary))
        {
            return "; use IDictionary<string, T> or IDictionary<int, T>";
        }

        return "; use bool, int, long, BigInteger, double, float, string, ConfigPath, an enum, a [Config] class, a collection interface, a tuple or [ValueType]";
    }
}
