using Strata.Llm.Models;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>
/// <c>rope_scaling</c> ↔ <c>transformer.rotary</c>: <c>null</c> or the <c>default</c> type is plain rotary embeddings;
/// <c>llama3</c> and <c>yarn</c> carry their parameters (<c>factor</c> → <c>scale_factor</c>,
/// <c>original_max_position_embeddings</c> → <c>original_context_length</c>, and so on). Other types (<c>linear</c>,
/// <c>dynamic</c>, <c>longrope</c>) have no equivalent and are errors. Parameters absent from the file keep the field
/// defaults; parameters the type does not use are reported and left out.
/// </summary>
internal sealed class RopeScalingConverter : HuggingFaceConverter
{
    private const string Key = "rope_scaling";
    private const string TypePath = "transformer.rotary.type";

    private static readonly Parameter[] s_llama3 =
    [
        new("factor", "scale_factor", HuggingFaceValueKind.Number),
        new("low_freq_factor", "low_frequency_factor", HuggingFaceValueKind.Number),
        new("high_freq_factor", "high_frequency_factor", HuggingFaceValueKind.Number),
        new("original_max_position_embeddings", "original_context_length", HuggingFaceValueKind.Integer),
    ];

    private static readonly Parameter[] s_yarn =
    [
        new("factor", "scale_factor", HuggingFaceValueKind.Number),
        new("original_max_position_embeddings", "original_context_length", HuggingFaceValueKind.Integer),
        new("attention_factor", "attention_factor", HuggingFaceValueKind.NullableNumber),
        new("beta_fast", "beta_fast", HuggingFaceValueKind.Number),
        new("beta_slow", "beta_slow", HuggingFaceValueKind.Number),
    ];

    public override void Import(HuggingFaceImportContext context)
    {
        if (context.Read(Key, HuggingFaceValueKind.NullableObject, "null") is not { } value)
        {
            return;
        }

        context.Mapped(value);
        if (value.Node is not ConfigMap scaling)
        {
            context.Tree.Set(TypePath, ConfigScalar.Plain("default", value.Node.Origin));
            return;
        }

        var typeKey = scaling.IndexOf("rope_type") >= 0 ? "rope_type" : "type";
        if (!scaling.TryGetValue(typeKey, out var typeNode) || typeNode is not ConfigScalar { Style: ScalarStyle.Quoted, Value: { } type })
        {
            context.Invalid(typeNode?.Origin ?? scaling.Origin, "config.json key 'rope_scaling' must name its type in 'rope_type' (a string)");
            return;
        }

        Parameter[]? parameters = type switch
        {
            "default" => [],
            "llama3" => s_llama3,
            "yarn" => s_yarn,
            _ => null,
        };
        if (parameters is null)
        {
            context.Invalid(typeNode.Origin, "rope_scaling type " + MessageText.Quoted(type, '"', '"') + " has no equivalent here (known: default, llama3, yarn)");
            return;
        }

        context.Tree.Set(TypePath, ConfigScalar.Plain(type, typeNode.Origin));
        foreach (var entry in scaling.Entries)
        {
            ImportParameter(context, entry, parameters, type, typeKey);
        }
    }

    public override void Export(HuggingFaceExportContext context)
    {
        var type = context.Get(TypePath);
        switch (type.Value)
        {
            case RotaryEmbeddingType.Default:
                context.Write(Key, (object?)null);
                return;
            case RotaryEmbeddingType.Llama3:
                context.Write(Key, Scaling(context, type.Text, s_llama3));
                return;
            case RotaryEmbeddingType.Yarn:
                context.Write(Key, Scaling(context, type.Text, s_yarn));
                return;
            default:
                context.Unsupported(type, "the format uses rotary position embeddings (default, llama3 or yarn)");
                return;
        }
    }

    /// <summary>The <c>rope_scaling</c> object of a scaled type, keys sorted; an unset <c>attention_factor</c> is left out.</summary>
    private static ConfigMap Scaling(HuggingFaceExportContext context, string type, Parameter[] parameters)
    {
        var entries = new SortedDictionary<string, ConfigNode>(StringComparer.Ordinal) { ["rope_type"] = ConfigScalar.Quoted(type, Origin.Code) };
        foreach (var parameter in parameters)
        {
            var value = context.Get("transformer.rotary." + parameter.Field).Value;
            if (value is not null || parameter.Kind != HuggingFaceValueKind.NullableNumber)
            {
                entries[parameter.Key] = HuggingFaceJson.Node(value);
            }
        }

        return HuggingFaceJson.Object(entries);
    }

    private static void ImportParameter(HuggingFaceImportContext context, ConfigMapEntry entry, Parameter[] parameters, string type, string typeKey)
    {
        if (entry.Key == typeKey || (entry.Key == "type" && entry.Value is ConfigScalar { Value: var legacy } && legacy == type))
        {
            return;
        }

        var parameter = Array.Find(parameters, p => p.Key == entry.Key);
        if (parameter is null)
        {
            context.Scope.KeyIgnored(entry.KeyOrigin, "rope_scaling key " + MessageText.Quoted(entry.Key) + " is not imported: rope type \"" + type + "\" has no such parameter here");
        }
        else if (!HuggingFaceValue.HasKind(entry.Value, parameter.Kind))
        {
            context.Invalid(entry.Value.Origin, "rope_scaling key " + MessageText.Quoted(entry.Key) + " must be " + HuggingFaceValue.Describe(parameter.Kind) + ", got " + entry.Value.Describe());
        }
        else
        {
            context.Tree.Set("transformer.rotary." + parameter.Field, entry.Value);
        }
    }

    private sealed record Parameter(string Key, string Field, HuggingFaceValueKind Kind);
}
