using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Strata.Generators.Diagnostics;
using Strata.Generators.Model;

namespace Strata.Generators.Parsing;

/// <summary>Turns the rule attributes of a field into rules, checking that each applies to the field's type.</summary>
internal static class RuleParser
{
    public static EquatableArray<RuleModel> Parse(
        IPropertySymbol property,
        KnownTypes known,
        List<DiagnosticInfo> diagnostics,
        CancellationToken cancellationToken)
    {
        var rules = new List<RuleModel>();
        var target = RuleTarget.Of(property.Type, known);
        foreach (var attribute in property.GetAttributes())
        {
            var kind = KindOf(attribute.AttributeClass, known);
            if (kind is null)
            {
                continue;
            }

            var location = LocationInfo.From(attribute.ApplicationSyntaxReference?.GetSyntax(cancellationToken));
            var rule = Create(kind.Value, attribute, target, property, location, diagnostics);
            if (rule is not null)
            {
                rules.Add(rule);
            }
        }

        return rules.ToEquatableArray();
    }

    private static RuleKind? KindOf(INamedTypeSymbol? attribute, KnownTypes known)
    {
        if (attribute is null)
        {
            return null;
        }

        (INamedTypeSymbol? Type, RuleKind Kind)[] map =
        [
            (known.MinAttribute, RuleKind.Min),
            (known.MaxAttribute, RuleKind.Max),
            (known.GreaterThanAttribute, RuleKind.GreaterThan),
            (known.LessThanAttribute, RuleKind.LessThan),
            (known.RangeAttribute, RuleKind.Range),
            (known.MultipleOfAttribute, RuleKind.MultipleOf),
            (known.OneOfAttribute, RuleKind.OneOf),
            (known.MinCountAttribute, RuleKind.MinCount),
            (known.MaxCountAttribute, RuleKind.MaxCount),
            (known.FiniteAttribute, RuleKind.Finite),
        ];
        foreach (var (type, kind) in map)
        {
            if (KnownTypes.Is(attribute, type))
            {
                return kind;
            }
        }

        return null;
    }

    private static RuleModel? Create(
        RuleKind kind,
        AttributeData attribute,
        RuleTarget target,
        IPropertySymbol property,
        LocationInfo? location,
        List<DiagnosticInfo> diagnostics)
    {
        var attributeName = kind.ToString();
        DiagnosticInfo NotApplicable() => DiagnosticInfo.Create(
            DiagnosticDescriptors.RuleNotApplicable, location, attributeName, property.Name, TypeNames.ForMessage(property.Type));

        if (kind is RuleKind.MinCount or RuleKind.MaxCount)
        {
            if (target.CollectionType is null)
            {
                diagnostics.Add(NotApplicable());
                return null;
            }

            var count = attribute.ConstructorArguments.FirstOrDefault().Value is int c ? c : 0;
            return new RuleModel(kind, string.Empty, NumericKind.None, EquatableArray<double>.Empty, 0, count, EquatableArray<string>.Empty, NullWrapping.None, target.CollectionType, target.ElementType);
        }

        // Value rules apply to the field, or to each element of a list or set; never to a dictionary's entries.
        var operand = target.Operand;
        if (operand is null)
        {
            diagnostics.Add(NotApplicable());
            return null;
        }

        var numeric = NumericKindOf(operand, target.Known);
        var operandType = TypeNames.FullyQualified(operand);
        switch (kind)
        {
            case RuleKind.OneOf:
                if (operand.SpecialType != SpecialType.System_String)
                {
                    diagnostics.Add(NotApplicable());
                    return null;
                }

                var choices = attribute.ConstructorArguments.Length == 1 && attribute.ConstructorArguments[0].Kind == TypedConstantKind.Array
                    ? attribute.ConstructorArguments[0].Values.Select(static v => v.Value as string).OfType<string>()
                    : [];
                return target.Rule(kind, operandType, numeric, EquatableArray<double>.Empty, 0, choices.ToEquatableArray());

            case RuleKind.MultipleOf:
                if (numeric is not (NumericKind.Int32 or NumericKind.Int64 or NumericKind.BigInteger))
                {
                    diagnostics.Add(NotApplicable());
                    return null;
                }

                var divisor = attribute.ConstructorArguments.FirstOrDefault().Value is long d ? d : 0;
                if (numeric == NumericKind.Int32 && divisor is < int.MinValue or > int.MaxValue)
                {
                    diagnostics.Add(DiagnosticInfo.Create(
                        DiagnosticDescriptors.InvalidRuleBound, location, attributeName, divisor.ToString(CultureInfo.InvariantCulture), TypeNames.ForMessage(operand), property.Name));
                    return null;
                }

                return target.Rule(kind, operandType, numeric, EquatableArray<double>.Empty, divisor, EquatableArray<string>.Empty);

            case RuleKind.Finite:
                if (numeric is not (NumericKind.Double or NumericKind.Single))
                {
                    diagnostics.Add(NotApplicable());
                    return null;
                }

                return target.Rule(kind, operandType, numeric, EquatableArray<double>.Empty, 0, EquatableArray<string>.Empty);

            default:
                if (numeric == NumericKind.None)
                {
                    diagnostics.Add(NotApplicable());
                    return null;
                }

                var bounds = attribute.ConstructorArguments.Select(static a => a.Value is double v ? v : 0d).ToArray();
                foreach (var bound in bounds)
                {
                    if (!Fits(bound, numeric))
                    {
                        diagnostics.Add(DiagnosticInfo.Create(
                            DiagnosticDescriptors.InvalidRuleBound, location, attributeName, bound.ToString("R", CultureInfo.InvariantCulture), TypeNames.ForMessage(operand), property.Name));
                        return null;
                    }
                }

                return target.Rule(kind, operandType, numeric, bounds.ToEquatableArray(), 0, EquatableArray<string>.Empty);
        }
    }

    private static NumericKind NumericKindOf(ITypeSymbol type, KnownTypes known) => type.SpecialType switch
    {
        SpecialType.System_Int32 => NumericKind.Int32,
        SpecialType.System_Int64 => NumericKind.Int64,
        SpecialType.System_Double => NumericKind.Double,
        SpecialType.System_Single => NumericKind.Single,
        _ => KnownTypes.Is(type, known.BigInteger) ? NumericKind.BigInteger : NumericKind.None,
    };

    /// <summary>Whether a bound written as a <see langword="double"/> is exactly a value of the field's number type.</summary>
    private static bool Fits(double bound, NumericKind numeric) => numeric switch
    {
        NumericKind.Int32 => Math.Floor(bound) == bound && bound >= int.MinValue && bound <= int.MaxValue,
        // 2^63 is the first double past long.MaxValue.
        NumericKind.Int64 => Math.Floor(bound) == bound && bound >= -9223372036854775808d && bound < 9223372036854775808d,
        NumericKind.BigInteger => !double.IsInfinity(bound) && Math.Floor(bound) == bound,
        _ => true,
    };

    /// <summary>What a rule on a field applies to: the value itself, or the elements of a collection.</summary>
    private sealed class RuleTarget
    {
        private RuleTarget(KnownTypes known)
        {
            Known = known;
        }

        public KnownTypes Known { get; }

        /// <summary>The non-null type that value rules compare, or <see langword="null"/> when none can apply.</summary>
        public ITypeSymbol? Operand { get; private set; }

        public NullWrapping Wrapping { get; private set; }

        /// <summary>The field's type when it is a collection (lists, sets and dictionaries).</summary>
        public string? CollectionType { get; private set; }

        public string? ElementType { get; private set; }

        private bool AppliesToElements { get; set; }

        public static RuleTarget Of(ITypeSymbol fieldType, KnownTypes known)
        {
            var target = new RuleTarget(known);
            var collection = TypeNames.NotAnnotated(fieldType) as INamedTypeSymbol;
            var kind = collection is { IsGenericType: true } ? ValueTypeParser.CollectionKind(collection, known) : null;
            if (collection is not null && kind is ValueKind.Dictionary or ValueKind.ReadOnlyDictionary or ValueKind.IntDictionary or ValueKind.ReadOnlyIntDictionary)
            {
                target.CollectionType = TypeNames.FullyQualified(fieldType);
                target.ElementType = "global::System.Collections.Generic.KeyValuePair<" + TypeNames.FullyQualified(collection.TypeArguments[0]) + ", " + TypeNames.FullyQualified(collection.TypeArguments[1]) + ">";
                return target;
            }

            var operand = fieldType;
            if (collection is not null && kind is not null)
            {
                target.CollectionType = TypeNames.FullyQualified(fieldType);
                target.ElementType = TypeNames.FullyQualified(collection.TypeArguments[0]);
                target.AppliesToElements = true;
                operand = collection.TypeArguments[0];
            }

            if (TypeNames.IsNullableValueType(operand, out var underlying))
            {
                target.Operand = underlying;
                target.Wrapping = NullWrapping.WhenNotNull;
            }
            else if (TypeNames.IsAnnotatedReference(operand))
            {
                target.Operand = TypeNames.NotAnnotated(operand);
                target.Wrapping = NullWrapping.WhenNotNullReference;
            }
            else
            {
                target.Operand = operand;
            }

            return target;
        }

        public RuleModel Rule(RuleKind kind, string operandType, NumericKind numeric, EquatableArray<double> bounds, long divisor, EquatableArray<string> choices) =>
            new(kind, operandType, numeric, bounds, divisor, 0, choices, Wrapping, AppliesToElements ? CollectionType : null, AppliesToElements ? ElementType : null);
    }
}
