using System.Text.Json;
using Strata.Hosting.CommandLine;
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
    public static string Write(string kind, string description, ConfigTypeInfo root) => JsonText.Write(writer =>
    {
        var definitions = ExportVerbs.Reachable(root);
        writer.WriteStartObject();
        writer.WriteString("$schema", "https://json-schema.org/draft/2020-12/schema");
        writer.WriteString("title", kind);
        writer.WriteString("description", description);
        writer.WriteString("$ref", Reference(root));
        writer.WriteStartObject("$defs");
        foreach (var type in definitions)
        {
            writer.WritePropertyName(type.Name);
            WriteClass(writer, type);
        }

        writer.WriteEndObject();
        writer.WriteEndObject();
    });

    private static string Reference(ConfigTypeInfo type) => "#/$defs/" + type.Name;

    /// <summary>
    /// A polymorphic slot as a discriminated choice (R7): the <c>type</c> key must name a registered class (and is required
    /// when the slot's class is abstract), and each name selects exactly that class's definition; without a <c>type</c>, a
    /// concrete slot class is its own definition. Written inside an already open schema object.
    /// </summary>
    private static void WriteChoice(Utf8JsonWriter writer, ConfigTypeInfo type)
    {
        writer.WriteString("type", "object");
        if (type.IsAbstract)
        {
            writer.WriteStartArray("required");
            writer.WriteStringValue("type");
            writer.WriteEndArray();
        }

        writer.WriteStartObject("properties");
        writer.WriteStartObject("type");
        writer.WriteStartArray("enum");
        foreach (var subtype in type.Subtypes)
        {
            writer.WriteStringValue(subtype.Name);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
        writer.WriteEndObject();
        writer.WriteStartArray("allOf");
        foreach (var subtype in type.Subtypes)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("if");
            writer.WriteStartObject("properties");
            writer.WriteStartObject("type");
            writer.WriteString("const", subtype.Name);
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartArray("required");
            writer.WriteStringValue("type");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteStartObject("then");
            writer.WriteString("$ref", Reference(subtype.TypeInfo));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        if (!type.IsAbstract)
        {
            writer.WriteStartObject();
            writer.WriteStartObject("if");
            writer.WriteStartObject("not");
            writer.WriteStartArray("required");
            writer.WriteStringValue("type");
            writer.WriteEndArray();
            writer.WriteEndObject();
            writer.WriteEndObject();
            writer.WriteStartObject("then");
            writer.WriteString("$ref", Reference(type));
            writer.WriteEndObject();
            writer.WriteEndObject();
        }

        writer.WriteEndArray();
    }

    private static void WriteClass(Utf8JsonWriter writer, ConfigTypeInfo type)
    {
        writer.WriteStartObject();
        writer.WriteString("type", "object");
        if (type.Description is { } description)
        {
            writer.WriteString("description", description.Trim());
        }

        var defaults = type.IsAbstract ? null : type.CreateInstance();
        writer.WriteStartObject("properties");
        if (type.TypeName is { } typeName)
        {
            writer.WriteStartObject("type");
            writer.WriteString("const", typeName);
            writer.WriteEndObject();
        }

        foreach (var field in type.Fields)
        {
            writer.WritePropertyName(field.Key);
            WriteField(writer, field, defaults);
        }

        foreach (var rename in RenamesOf(type))
        {
            if (!rename.OldPath.Contains('.', StringComparison.Ordinal) && type.FindByKey(rename.OldPath) is null)
            {
                writer.WriteStartObject(rename.OldPath);
                writer.WriteBoolean("deprecated", true);
                writer.WriteString("description", "Renamed to " + rename.NewPath + ".");
                writer.WriteEndObject();
            }
        }

        writer.WriteEndObject();
        writer.WriteBoolean("additionalProperties", false);
        writer.WriteEndObject();
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

    private static void WriteField(Utf8JsonWriter writer, ConfigFieldInfo field, ConfigObject? defaults)
    {
        writer.WriteStartObject();
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
            WriteOrNull(writer, field.ValueType, elementRules);
        }
        else
        {
            WriteValueKeywords(writer, field.ValueType, elementRules);
        }

        foreach (var rule in field.Rules)
        {
            if (!rule.AppliesToElements)
            {
                WriteRule(writer, rule, acceptsNull);
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
            writer.WriteString("description", text);
        }

        if (defaults is not null && field.DerivedDefault is null && !field.IsSecret && field.ValueType.Shape != ValueShape.Config)
        {
            writer.WritePropertyName("default");
            writer.WriteRawValue(JsonEmitter.Emit(field.WriteValue(defaults, ValueWriteContext.Display), indented: false));
        }

        if (field.Hint == FieldHint.Deprecated)
        {
            writer.WriteBoolean("deprecated", true);
        }

        writer.WriteEndObject();
    }

    /// <summary>Writes the keywords of a value type inside an already open schema object.</summary>
    private static void WriteValueKeywords(Utf8JsonWriter writer, ConfigValueType type, IReadOnlyList<FieldRule> elementRules)
    {
        switch (type.Shape)
        {
            case ValueShape.Boolean:
                writer.WriteString("type", "boolean");
                break;
            case ValueShape.Integer:
                writer.WriteString("type", "integer");
                break;
            case ValueShape.Number:
                writer.WriteString("type", "number");
                break;
            case ValueShape.String:
            case ValueShape.Path:
                writer.WriteString("type", "string");
                break;
            case ValueShape.Enum when type.EnumNames is { } names && type.EnumAliases.Count == 0:
                WriteEnum(writer, names);
                break;
            case ValueShape.Enum when type.EnumNames is { } names:
                // The names (what editors offer and what is written back), or an alias the binder reads too (bf16).
                writer.WriteStartArray("anyOf");
                writer.WriteStartObject();
                WriteEnum(writer, names);
                writer.WriteEndObject();
                writer.WriteStartObject();
                WriteEnum(writer, type.EnumAliases);
                writer.WriteString("description", "An alias, read as its name.");
                writer.WriteEndObject();
                writer.WriteEndArray();
                break;
            case ValueShape.Nullable when type.ElementType is { } inner:
                WriteOrNull(writer, inner, elementRules);
                break;
            case ValueShape.List:
            case ValueShape.Set:
                writer.WriteString("type", "array");
                if (type.Shape == ValueShape.Set)
                {
                    writer.WriteBoolean("uniqueItems", true);
                }

                WriteElements(writer, "items", type.ElementType, elementRules);
                break;
            case ValueShape.Tuple:
                writer.WriteString("type", "array");
                break;
            case ValueShape.Dictionary:
                writer.WriteString("type", "object");
                WriteElements(writer, "additionalProperties", type.ElementType, elementRules);
                break;
            case ValueShape.Config when type.NestedConfig is { } nested:
                if (nested.IsPolymorphic)
                {
                    WriteChoice(writer, nested);
                }
                else
                {
                    writer.WriteString("$ref", Reference(nested));
                }

                break;
        }
    }

    /// <summary>The keywords of a value type, or null: an <c>anyOf</c> of the two, inside an already open schema object.</summary>
    private static void WriteOrNull(Utf8JsonWriter writer, ConfigValueType type, IReadOnlyList<FieldRule> elementRules)
    {
        writer.WriteStartArray("anyOf");
        writer.WriteStartObject();
        WriteValueKeywords(writer, type, elementRules);
        writer.WriteEndObject();
        writer.WriteStartObject();
        writer.WriteString("type", "null");
        writer.WriteEndObject();
        writer.WriteEndArray();
    }

    private static void WriteEnum(Utf8JsonWriter writer, IReadOnlyList<string> names)
    {
        writer.WriteStartArray("enum");
        foreach (var name in names)
        {
            writer.WriteStringValue(name);
        }

        writer.WriteEndArray();
    }

    private static void WriteElements(Utf8JsonWriter writer, string keyword, ConfigValueType? element, IReadOnlyList<FieldRule> elementRules)
    {
        if (element is null)
        {
            return;
        }

        writer.WriteStartObject(keyword);
        WriteValueKeywords(writer, element, []);
        foreach (var rule in elementRules)
        {
            WriteRule(writer, rule, element.AcceptsNull);
        }

        writer.WriteEndObject();
    }

    private static void WriteRule(Utf8JsonWriter writer, FieldRule rule, bool acceptsNull)
    {
        WriteNumber(writer, "minimum", rule.Minimum);
        WriteNumber(writer, "exclusiveMinimum", rule.ExclusiveMinimum);
        WriteNumber(writer, "maximum", rule.Maximum);
        WriteNumber(writer, "exclusiveMaximum", rule.ExclusiveMaximum);
        if (rule.MultipleOf is { } multiple)
        {
            writer.WriteNumber("multipleOf", multiple);
        }

        if (rule.MinCount is { } minCount)
        {
            writer.WriteNumber("minItems", minCount);
        }

        if (rule.MaxCount is { } maxCount)
        {
            writer.WriteNumber("maxItems", maxCount);
        }

        if (rule.Choices is { } choices)
        {
            writer.WriteStartArray("enum");
            foreach (var choice in choices)
            {
                writer.WriteStringValue(choice);
            }

            if (acceptsNull)
            {
                writer.WriteNullValue();
            }

            writer.WriteEndArray();
        }
    }

    private static void WriteNumber(Utf8JsonWriter writer, string name, double? value)
    {
        if (value is { } number && double.IsFinite(number))
        {
            writer.WriteNumber(name, number);
        }
    }
}
