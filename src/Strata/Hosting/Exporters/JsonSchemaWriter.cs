using System.Globalization;
using Strata.Schema;
using Strata.Serialization;

namespace Strata.Hosting.Exporters;

/// <summary>
/// Writes a JSON Schema (draft 2020-12) of a config class: one definition per config class, every field with its type,
/// rules, default and description, unknown keys refused (R6), polymorphic slots as a choice of their registered
/// classes discriminated by <c>type</c> (R7), enum aliases accepted, and simple renamed keys accepted as deprecated (R8). Derived fields are left out: setting one is an
/// error (R4).
/// </summary>
internal static class JsonSchemaWriter
{
    public static string Write(string kind, string description, ConfigTypeInfo root)
    {
        var json = new JsonEmitter(indented: true);
        var definitions = ExportVerbs.Reachable(root);
        json.StartMap();
        json.Member("$schema", "https://json-schema.org/draft/2020-12/schema");
        json.Member("title", kind);
        json.Member("description", description);
        json.Member("$ref", Reference(root));
        json.StartMap("$defs");
        foreach (var type in definitions)
        {
            json.Key(type.Name);
            WriteClass(json, type);
        }

        json.EndMap();
        json.EndMap();
        return json.ToString();
    }

    private static string Reference(ConfigTypeInfo type) => "#/$defs/" + type.Name;

    /// <summary>
    /// A polymorphic slot as a discriminated choice (R7): the <c>type</c> key must name a registered class (and is required
    /// when the slot's class is abstract), and each name selects exactly that class's definition; without a <c>type</c>, a
    /// concrete slot class is its own definition. Written inside an already open schema object.
    /// </summary>
    private static void WriteChoice(JsonEmitter json, ConfigTypeInfo type)
    {
        json.Member("type", "object");
        if (type.IsAbstract)
        {
            json.StartList("required");
            json.String("type");
            json.EndList();
        }

        json.StartMap("properties");
        json.StartMap("type");
        WriteEnum(json, type.SubtypeNames());
        json.EndMap();
        json.EndMap();
        json.StartList("allOf");
        foreach (var subtype in type.Subtypes)
        {
            json.StartMap();
            json.StartMap("if");
            json.StartMap("properties");
            json.StartMap("type");
            json.Member("const", subtype.Name);
            json.EndMap();
            json.EndMap();
            json.StartList("required");
            json.String("type");
            json.EndList();
            json.EndMap();
            json.StartMap("then");
            json.Member("$ref", Reference(subtype.TypeInfo));
            json.EndMap();
            json.EndMap();
        }

        if (!type.IsAbstract)
        {
            json.StartMap();
            json.StartMap("if");
            json.StartMap("not");
            json.StartList("required");
            json.String("type");
            json.EndList();
            json.EndMap();
            json.EndMap();
            json.StartMap("then");
            json.Member("$ref", Reference(type));
            json.EndMap();
            json.EndMap();
        }

        json.EndList();
    }

    private static void WriteClass(JsonEmitter json, ConfigTypeInfo type)
    {
        json.StartMap();
        json.Member("type", "object");
        if (type.Description is { } description)
        {
            json.Member("description", description.Trim());
        }

        var defaults = type.IsAbstract ? null : type.CreateInstance();
        json.StartMap("properties");
        if (type.TypeName is { } typeName)
        {
            json.StartMap("type");
            json.Member("const", typeName);
            json.EndMap();
        }

        foreach (var field in type.Fields)
        {
            json.Key(field.Key);
            WriteField(json, field, defaults);
        }

        foreach (var rename in RenamesOf(type))
        {
            if (!rename.OldPath.Contains('.', StringComparison.Ordinal) && type.FindByKey(rename.OldPath) is null)
            {
                json.StartMap(rename.OldPath);
                json.Member("deprecated", true);
                json.Member("description", "Renamed to " + rename.NewPath + ".");
                json.EndMap();
            }
        }

        json.EndMap();
        json.Member("additionalProperties", false);
        json.EndMap();
    }

    private static IEnumerable<RenamedFromAttribute> RenamesOf(ConfigTypeInfo type)
    {
        for (var t = type; t is not null; t = t.BaseType)
        {
            foreach (var rename in t.Renames)
            {
                yield return rename;
            }
        }
    }

    private static void WriteField(JsonEmitter json, ConfigFieldInfo field, ConfigObject? defaults)
    {
        json.StartMap();
        var elementRules = new List<FieldRule>();
        foreach (var rule in field.Rules)
        {
            if (rule.AppliesToElements)
            {
                elementRules.Add(rule);
            }
        }

        // An explicit null on a field with a derived default means "derive it" (R3): the file may hold it.
        var acceptsNull = field.ValueType.AcceptsNull || field.DerivedDefault is not null;
        if (acceptsNull && field.ValueType.Shape != ValueShape.Nullable)
        {
            WriteOrNull(json, field.ValueType, elementRules);
        }
        else
        {
            WriteValueKeywords(json, field.ValueType, elementRules);
        }

        foreach (var rule in field.Rules)
        {
            if (!rule.AppliesToElements)
            {
                WriteRule(json, rule, acceptsNull);
            }
        }

        var text = field.Description?.Trim() ?? string.Empty;
        if (field.DerivedDefault is { } derived)
        {
            text += (text.Length > 0 ? " " : string.Empty) + "Derived when unset: " + derived + ".";
        }

        if (field.EnvironmentVariable is { } variable)
        {
            text += (text.Length > 0 ? " " : string.Empty) + "Read from " + variable + " when unset.";
        }

        if (text.Length > 0)
        {
            json.Member("description", text);
        }

        if (defaults is not null && field.DerivedDefault is null && !field.IsSecret && field.ValueType.Shape != ValueShape.Config)
        {
            json.Key("default");
            json.Compact(field.WriteValue(defaults, ValueWriteContext.Display));
        }

        if (field.Hint == FieldHint.Deprecated)
        {
            json.Member("deprecated", true);
        }

        json.EndMap();
    }

    /// <summary>Writes the keywords of a value type inside an already open schema object.</summary>
    private static void WriteValueKeywords(JsonEmitter json, ConfigValueType type, IReadOnlyList<FieldRule> elementRules)
    {
        switch (type.Shape)
        {
            case ValueShape.Boolean:
                json.Member("type", "boolean");
                break;
            case ValueShape.Integer:
                json.Member("type", "integer");
                break;
            case ValueShape.Number:
                json.Member("type", "number");
                break;
            case ValueShape.String:
            case ValueShape.Path:
                json.Member("type", "string");
                break;
            case ValueShape.Enum when type.EnumNames is { } names && type.EnumAliases.Count == 0:
                WriteEnum(json, names);
                break;
            case ValueShape.Enum when type.EnumNames is { } names:
                // The names (what editors offer and what is written back), or an alias the binder reads too (bf16).
                json.StartList("anyOf");
                json.StartMap();
                WriteEnum(json, names);
                json.EndMap();
                json.StartMap();
                WriteEnum(json, type.EnumAliases);
                json.Member("description", "An alias, read as its name.");
                json.EndMap();
                json.EndList();
                break;
            case ValueShape.Nullable when type.ElementType is { } inner:
                WriteOrNull(json, inner, elementRules);
                break;
            case ValueShape.List:
            case ValueShape.Set:
                json.Member("type", "array");
                if (type.Shape == ValueShape.Set)
                {
                    json.Member("uniqueItems", true);
                }

                WriteElements(json, "items", type.ElementType, elementRules);
                break;
            case ValueShape.Tuple:
                json.Member("type", "array");
                break;
            case ValueShape.Dictionary:
                json.Member("type", "object");
                WriteElements(json, "additionalProperties", type.ElementType, elementRules);
                break;
            case ValueShape.Config when type.NestedConfig is { } nested:
                if (nested.IsPolymorphic)
                {
                    WriteChoice(json, nested);
                }
                else
                {
                    json.Member("$ref", Reference(nested));
                }

                break;
        }
    }

    /// <summary>The keywords of a value type, or null: an <c>anyOf</c> of the two, inside an already open schema object.</summary>
    private static void WriteOrNull(JsonEmitter json, ConfigValueType type, IReadOnlyList<FieldRule> elementRules)
    {
        json.StartList("anyOf");
        json.StartMap();
        WriteValueKeywords(json, type, elementRules);
        json.EndMap();
        json.StartMap();
        json.Member("type", "null");
        json.EndMap();
        json.EndList();
    }

    /// <summary>An <c>enum</c> of the names, with <c>null</c> last when the value may be null.</summary>
    private static void WriteEnum(JsonEmitter json, IReadOnlyList<string> names, bool orNull = false)
    {
        json.StartList("enum");
        foreach (var name in names)
        {
            json.String(name);
        }

        if (orNull)
        {
            json.Null();
        }

        json.EndList();
    }

    private static void WriteElements(JsonEmitter json, string keyword, ConfigValueType? element, IReadOnlyList<FieldRule> elementRules)
    {
        if (element is null)
        {
            return;
        }

        json.StartMap(keyword);
        WriteValueKeywords(json, element, []);
        foreach (var rule in elementRules)
        {
            WriteRule(json, rule, element.AcceptsNull);
        }

        json.EndMap();
    }

    private static void WriteRule(JsonEmitter json, FieldRule rule, bool acceptsNull)
    {
        WriteNumber(json, "minimum", rule.Minimum);
        WriteNumber(json, "exclusiveMinimum", rule.ExclusiveMinimum);
        WriteNumber(json, "maximum", rule.Maximum);
        WriteNumber(json, "exclusiveMaximum", rule.ExclusiveMaximum);
        if (rule.MultipleOf is { } multiple)
        {
            json.Member("multipleOf", multiple);
        }

        if (rule.MinCount is { } minCount)
        {
            json.Member("minItems", minCount);
        }

        if (rule.MaxCount is { } maxCount)
        {
            json.Member("maxItems", maxCount);
        }

        if (rule.Choices is { } choices)
        {
            WriteEnum(json, choices, acceptsNull);
        }
    }

    /// <summary>A bound when there is a finite one, in its shortest round-trip text (<c>1E-05</c>), as System.Text.Json writes numbers.</summary>
    private static void WriteNumber(JsonEmitter json, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            json.Key(name);
            json.Plain(number.ToString(CultureInfo.InvariantCulture));
        }
    }
}
