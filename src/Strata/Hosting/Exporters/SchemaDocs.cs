using System.Text;
using Strata.Schema;
using Strata.Serialization;

namespace Strata.Hosting.Exporters;

/// <summary>
/// Writes the Markdown reference of a config class and every config reachable from it: one section per class, one
/// table row per field with its key, type, default, hint, rules and description.
/// </summary>
internal static class SchemaDocs
{
    public static string Markdown(string kind, string description, ConfigTypeInfo root)
    {
        var sb = new StringBuilder();
        sb.Append("# `").Append(kind).Append("`\n\n").Append(description).Append("\n\n");
        sb.Append("Generated from the schema of `").Append(root.Name).Append("`. Keys are the YAML keys; a nested section's ")
            .Append("keys go under its field's key. Defaults marked *derived* are computed during resolution when no layer sets them.\n");
        foreach (var type in ExportVerbs.Reachable(root))
        {
            WriteSection(sb, type);
        }

        return sb.ToString();
    }

    private static void WriteSection(StringBuilder sb, ConfigTypeInfo type)
    {
        sb.Append("\n## ").Append(type.Name).Append("\n\n");
        if (type.Description is { } description)
        {
            sb.Append(OneLine(description)).Append("\n\n");
        }

        if (type.TypeName is { } typeName)
        {
            sb.Append("Selected with `type: ").Append(typeName).Append("`.\n\n");
        }

        if (type.IsPolymorphic)
        {
            sb.Append("A `type` key chooses the class: ")
                .AppendJoin(", ", Map(type.Subtypes, static s => "`" + s.Name + "` ([" + s.TypeInfo.Name + "](#" + Anchor(s.TypeInfo) + "))"))
                .Append(".\n\n");
        }

        if (type.Fields.Count == 0)
        {
            sb.Append("No fields.\n");
            return;
        }

        var defaults = type.IsAbstract ? null : type.CreateInstance();
        sb.Append("| key | type | default | hint | rules | description |\n|---|---|---|---|---|---|\n");
        foreach (var field in type.Fields)
        {
            sb.Append("| `").Append(field.Key).Append("` | ")
                .Append(Cell(TypeText(field))).Append(" | ")
                .Append(Cell(DefaultText(field, defaults))).Append(" | ")
                .Append(field.Hint.Name()).Append(field.IsArchitecture && field.Hint != FieldHint.Architecture ? ", architecture" : string.Empty).Append(" | ")
                .Append(Cell(string.Join("; ", Map(field.Rules, static r => r.Description)))).Append(" | ")
                .Append(Cell(OneLine(field.Description ?? string.Empty)))
                .Append(field.EnvironmentVariable is { } variable ? Cell(" Read from `" + variable + "` when unset.") : string.Empty)
                .Append(field.IsSecret ? " Secret: never written to saved configs." : string.Empty)
                .Append(" |\n");
        }

        if (type.DerivedFields.Count > 0)
        {
            sb.Append("\nComputed (read-only, never serialized): ")
                .AppendJoin(", ", Map(type.DerivedFields, static d => "`" + d.Key + "` (" + d.TypeName + ")" + (d.Description is { } text ? ": " + OneLine(text) : string.Empty)))
                .Append('\n');
        }
    }

    private static string TypeText(ConfigFieldInfo field) =>
        field.ValueType.NestedConfig is { } nested
            ? "[" + field.ValueType.DisplayName + "](#" + Anchor(nested) + ")"
            : field.ValueType.EnumNames is { Count: > 0 } names
                ? string.Join(" | ", Map(names, static n => "`" + n + "`"))
                : "`" + field.ValueType.DisplayName + "`";

    private static string DefaultText(ConfigFieldInfo field, ConfigObject? defaults)
    {
        if (field.DerivedDefault is { } derived)
        {
            return "*derived: " + derived + "*";
        }

        if (defaults is null || field.ValueType.Shape == ValueShape.Config)
        {
            return string.Empty;
        }

        // A secret's default is redacted like its value everywhere else (R14).
        var text = FlowText.Format(field.WriteValue(defaults, ValueWriteContext.Display));
        return "`" + (field.IsSecret && text != "null" ? "***" : text) + "`";
    }

    private static string[] Map<T>(IReadOnlyList<T> items, Func<T, string> text)
    {
        var texts = new string[items.Count];
        for (var i = 0; i < texts.Length; i++)
        {
            texts[i] = text(items[i]);
        }

        return texts;
    }

    private static string Anchor(ConfigTypeInfo type) => type.Name.ToLowerInvariant();

    private static string OneLine(string text) => string.Join(' ', text.Split((char[])['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static string Cell(string text) => text.Replace("|", "\\|", StringComparison.Ordinal);
}
