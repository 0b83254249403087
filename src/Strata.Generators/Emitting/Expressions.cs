using System.Linq;
using Strata.Generators.Model;

namespace Strata.Generators.Emitting;

/// <summary>The C# expressions that build value types and rules in a generated field table.</summary>
internal static class Expressions
{
    private const string ValueTypes = "global::Strata.Schema.ValueTypes.";
    private const string FieldRules = "global::Strata.Schema.FieldRules.";

    public static string ValueType(ValueTypeModel model) => model.Kind switch
    {
        ValueKind.Boolean or ValueKind.Int32 or ValueKind.Int64 or ValueKind.BigInteger or ValueKind.Double
            or ValueKind.Single or ValueKind.String or ValueKind.Path => ValueTypes + model.Kind,
        ValueKind.Enum => Enum(model),
        ValueKind.Config => ValueTypes + "Config<" + model.TypeName + ">()",
        ValueKind.Custom => "new " + model.TypeName + "()",
        _ => ValueTypes + model.Kind + "(" + string.Join(", ", model.Arguments.Select(ValueType)) + ")",
    };

    public static string Rule(RuleModel rule)
    {
        var inner = rule.Kind switch
        {
            RuleKind.MinCount or RuleKind.MaxCount =>
                FieldRules + rule.Kind + "<" + rule.CollectionType + ", " + rule.ElementType + ">(" + Literals.Int(rule.Count) + ")",
            RuleKind.OneOf => FieldRules + "OneOf(" + string.Join(", ", rule.Choices.Select(Literals.String)) + ")",
            RuleKind.MultipleOf => FieldRules + "MultipleOf<" + rule.OperandType + ">(" + Literals.Integer(rule.Divisor, rule.Numeric) + ")",
            _ => FieldRules + rule.Kind + "<" + rule.OperandType + ">(" + string.Join(", ", rule.Bounds.Select(b => Literals.Number(b, rule.Numeric))) + ")",
        };
        if (rule.Kind is RuleKind.MinCount or RuleKind.MaxCount)
        {
            return inner;
        }

        inner = rule.Wrapping switch
        {
            NullWrapping.WhenNotNull => FieldRules + "WhenNotNull(" + inner + ")",
            NullWrapping.WhenNotNullReference => FieldRules + "WhenNotNullReference(" + inner + ")",
            _ => inner,
        };
        return rule.CollectionType is null ? inner : FieldRules + "Each<" + rule.CollectionType + ", " + rule.ElementType + ">(" + inner + ")";
    }

    /// <summary>The enum's table: names, values as <see cref="long"/>, aliases (no tuple or dictionary per enum at run time).</summary>
    private static string Enum(ValueTypeModel model)
    {
        var displayName = model.TypeName.Substring(model.TypeName.LastIndexOf('.') + 1);
        var names = "new string[] { " + string.Join(", ", model.EnumMembers.Select(m => Literals.String(m.YamlName))) + " }";
        var values = "new long[] { " + string.Join(", ", model.EnumMembers.Select(m => "unchecked((long)" + model.TypeName + "." + m.MemberName + ")")) + " }";
        var aliases = "new string[][] { " + string.Join(", ", model.EnumMembers.Select(m => m.Aliases.IsEmpty
            ? "global::System.Array.Empty<string>()"
            : "new string[] { " + string.Join(", ", m.Aliases.Select(Literals.String)) + " }")) + " }";
        return ValueTypes + "Enum<" + model.TypeName + ">(" + Literals.String(displayName) + ", " + names + ", " + values + ", " + aliases + ")";
    }
}
