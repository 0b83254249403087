using System.Globalization;
using Strata.Llm.Models;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>
/// The rotary embeddings ↔ <c>transformer.rotary</c>, in both forms transformers writes: 4.x's <c>rope_theta</c> and
/// <c>rope_scaling</c> (<c>null</c> or the <c>default</c> type is plain rotary embeddings), and 5.x's
/// <c>rope_parameters</c>, one object with <c>rope_type</c>, <c>rope_theta</c> and the type's parameters. <c>llama3</c>
/// and <c>yarn</c> carry their parameters (<c>factor</c> → <c>scale_factor</c>, <c>original_max_position_embeddings</c> →
/// <c>original_context_length</c>, and so on). Other types (<c>linear</c>, <c>dynamic</c>, <c>longrope</c>) have no
/// equivalent and are errors at their place. An absent <c>original_max_position_embeddings</c> is <c>max_position_embeddings</c>,
/// as transformers reads it (4.x's yarn, 5.x's yarn and llama3), not the field's default; other parameters absent from the
/// file keep the field defaults; parameters the type does not use are reported and left out. A <c>null</c> is read as transformers reads it (<see cref="ImportNull"/>);
/// a null <c>rope_theta</c> is refused: transformers keeps it (only an absent one takes the default) and fails on it. Export writes the form of the transformers version it is given (5.x:
/// <c>rope_parameters</c>; otherwise, or without one, 4.x), so that import∘export is the identity in either form.
/// </summary>
internal sealed class RopeConverter : HuggingFaceConverter
{
    private const string ScalingKey = "rope_scaling";
    private const string ThetaKey = "rope_theta";
    private const string ParametersKey = "rope_parameters";
    private const string TypePath = "transformer.rotary.type";
    private const string ThetaPath = "transformer.rotary.theta";
    private const string MaxKey = "max_position_embeddings";
    private const string OriginalKey = "original_max_position_embeddings";
    private const string OriginalPath = "transformer.rotary.original_context_length";

    private static readonly Parameter[] s_llama3 =
    [
        new("factor", "scale_factor", HuggingFaceValueKind.Number),
        new("low_freq_factor", "low_frequency_factor", HuggingFaceValueKind.Number),
        new("high_freq_factor", "high_frequency_factor", HuggingFaceValueKind.Number),
        new(OriginalKey, "original_context_length", HuggingFaceValueKind.Integer),
    ];

    private static readonly Parameter[] s_yarn =
    [
        new("factor", "scale_factor", HuggingFaceValueKind.Number),
        new(OriginalKey, "original_context_length", HuggingFaceValueKind.Integer),
        new("attention_factor", "attention_factor", HuggingFaceValueKind.NullableNumber),
        // transformers reads `get("beta_fast") or 32` and `get("beta_slow") or 1`: a null is the default.
        new("beta_fast", "beta_fast", HuggingFaceValueKind.Number, "32.0"),
        new("beta_slow", "beta_slow", HuggingFaceValueKind.Number, "1.0"),
    ];

    private readonly string _defaultTheta;
    private readonly string _defaultMax;

    /// <param name="defaultTheta">The <c>rope_theta</c> transformers gives the format when the file has none (a JSON literal).</param>
    /// <param name="defaultMax">The <c>max_position_embeddings</c> transformers gives the format when the file has none (a JSON literal).</param>
    public RopeConverter(string defaultTheta, string defaultMax)
    {
        _defaultTheta = defaultTheta;
        _defaultMax = defaultMax;
    }

    /// <summary>Whether a <c>transformers_version</c> is 5 or later (the version that writes <c>rope_parameters</c>).</summary>
    public static bool WritesRopeParameters(string? transformersVersion)
    {
        var major = transformersVersion?.Split('.')[0];
        return major is not null && int.TryParse(major, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number >= 5;
    }

    public override void Import(HuggingFaceImportContext context)
    {
        if (context.Read(ParametersKey, HuggingFaceValueKind.NullableObject, "null") is { IsNull: false } parameters)
        {
            ImportParameters(context, parameters);
            return;
        }

        if (context.Read(ThetaKey, HuggingFaceValueKind.Number, _defaultTheta) is { } theta)
        {
            context.Set(ThetaPath, theta);
        }

        if (context.Read(ScalingKey, HuggingFaceValueKind.NullableObject, "null") is not { } value)
        {
            return;
        }

        context.Mapped(value);
        if (value.Node is not ConfigMap scaling)
        {
            context.Tree.Set(TypePath, ConfigScalar.Plain("default", value.Node.Origin));
            return;
        }

        ImportTyped(context, scaling, ScalingKey, skip: null);
    }

    public override void Export(HuggingFaceExportContext context)
    {
        var type = context.Get(TypePath);
        var parameters = type.Value switch
        {
            RotaryEmbeddingType.Default => [],
            RotaryEmbeddingType.Llama3 => s_llama3,
            RotaryEmbeddingType.Yarn => s_yarn,
            _ => (Parameter[]?)null,
        };
        if (parameters is null)
        {
            context.Unsupported(type, "the format uses rotary position embeddings (default, llama3 or yarn)");
            return;
        }

        var theta = context.Get(ThetaPath).Value;
        if (type.Value is RotaryEmbeddingType.Yarn && Equals(context.Get(OriginalPath).Value, context.Get(MaxKey).Value))
        {
            // The form transformers reads as this length in every version (absent: max_position_embeddings). Written,
            // 4.5x would also replace the factor by max_position_embeddings / original_max_position_embeddings, that is 1.
            parameters = Array.FindAll(parameters, static p => p.Key != OriginalKey);
        }

        if (WritesRopeParameters(context.TransformersVersion))
        {
            var entries = Entries(context, type.Text, parameters);
            entries[ThetaKey] = HuggingFaceJson.Node(theta);
            context.Write(ParametersKey, HuggingFaceJson.Object(entries));
            return;
        }

        context.Write(ThetaKey, theta);
        context.Write(ScalingKey, type.Value is RotaryEmbeddingType.Default ? ConfigScalar.Null(Origin.Code) : (ConfigNode)HuggingFaceJson.Object(Entries(context, type.Text, parameters)));
    }

    /// <summary>transformers 5's <c>rope_parameters</c>: the type, the base (or the format's default) and the type's parameters in one object.</summary>
    private void ImportParameters(HuggingFaceImportContext context, HuggingFaceValue value)
    {
        context.Mapped(value);
        foreach (var legacy in (ReadOnlySpan<string>)[ThetaKey, ScalingKey])
        {
            // transformers 5 reads rope_parameters only: a 4.x key beside it has no effect, and says so.
            if (context.Config.TryGetValue(legacy, out var node))
            {
                context.MarkRead(legacy);
                context.Scope.KeyIgnored(node.Origin, "config.json key " + MessageText.Quoted(legacy) + " is not imported: 'rope_parameters' (transformers 5) takes its place");
            }
        }

        var parameters = (ConfigMap)value.Node;
        if (!ImportTyped(context, parameters, ParametersKey, ThetaKey))
        {
            return;
        }

        if (!parameters.TryGetValue(ThetaKey, out var theta))
        {
            context.Tree.Set(ThetaPath, HuggingFaceImportContext.Literal(_defaultTheta, context.AbsentOrigin));
        }
        else if (HuggingFaceValue.HasKind(theta, HuggingFaceValueKind.Number))
        {
            context.Tree.Set(ThetaPath, theta);
        }
        else if (theta is ConfigScalar { IsNull: true })
        {
            // transformers fills in the default with setdefault, which keeps a key that holds None: the model then
            // computes with None and cannot be built. Only an absent key takes the default.
            context.Invalid(theta.Origin, "rope_parameters key 'rope_theta' is null, which transformers keeps (only an absent key takes the default base, " + _defaultTheta + ") and cannot build the model with: remove the key or give a number");
        }
        else
        {
            context.Invalid(theta.Origin, "rope_parameters key 'rope_theta' must be a number, got " + theta.Describe());
        }
    }

    /// <summary>Imports a typed object (<c>rope_scaling</c> or <c>rope_parameters</c>): its type, then its parameters; false after reporting an unknown type.</summary>
    private bool ImportTyped(HuggingFaceImportContext context, ConfigMap map, string key, string? skip)
    {
        var typeKey = map.IndexOf("rope_type") >= 0 || key == ParametersKey ? "rope_type" : "type";
        if (!map.TryGetValue(typeKey, out var typeNode) || typeNode is not ConfigScalar { Style: ScalarStyle.Quoted, Value: { } type })
        {
            context.Invalid(typeNode?.Origin ?? map.Origin, "config.json key " + MessageText.Quoted(key) + " must name its type in 'rope_type' (a string)");
            return false;
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
            context.Invalid(typeNode.Origin, key + " type " + MessageText.Quoted(type, '"', '"') + " has no equivalent here (known: default, llama3, yarn)");
            return false;
        }

        context.Tree.Set(TypePath, ConfigScalar.Plain(type, typeNode.Origin));
        foreach (var entry in map.Entries)
        {
            if (entry.Key != skip)
            {
                ImportParameter(context, map, entry, parameters, type, typeKey, key);
            }
        }

        // transformers takes an absent original length as max_position_embeddings (4.x's yarn; 5.x's standardization, for
        // yarn and llama3), not as the field's default of 8192, which would be another model.
        if (parameters.Length > 0 && map.IndexOf(OriginalKey) < 0 && MaxPositionEmbeddings(context) is { } max)
        {
            context.Tree.Set(OriginalPath, max);
        }

        return true;
    }

    /// <summary>The type and its parameters, keys sorted; an unset <c>attention_factor</c> is left out.</summary>
    private static SortedDictionary<string, ConfigNode> Entries(HuggingFaceExportContext context, string type, Parameter[] parameters)
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

        return entries;
    }

    private void ImportParameter(HuggingFaceImportContext context, ConfigMap map, ConfigMapEntry entry, Parameter[] parameters, string type, string typeKey, string key)
    {
        if (entry.Key == typeKey || (entry.Key == "type" && entry.Value is ConfigScalar { Value: var legacy } && legacy == type))
        {
            return;
        }

        var parameter = Array.Find(parameters, p => p.Key == entry.Key);
        if (parameter is null)
        {
            context.Scope.KeyIgnored(entry.KeyOrigin, key + " key " + MessageText.Quoted(entry.Key) + " is not imported: rope type \"" + type + "\" has no such parameter here");
        }
        else if (entry.Value is ConfigScalar { IsNull: true } && parameter.Kind != HuggingFaceValueKind.NullableNumber)
        {
            ImportNull(context, map, entry, parameter, type, key);
        }
        else if (!HuggingFaceValue.HasKind(entry.Value, parameter.Kind))
        {
            context.Invalid(entry.Value.Origin, key + " key " + MessageText.Quoted(entry.Key) + " must be " + HuggingFaceValue.Describe(parameter.Kind) + ", got " + entry.Value.Describe());
        }
        else
        {
            context.Tree.Set("transformer.rotary." + parameter.Field, entry.Value);
        }
    }

    /// <summary>
    /// A parameter that is <c>null</c>, read as transformers reads it: yarn's <c>beta_fast</c> and <c>beta_slow</c> take
    /// their default (<c>or 32</c>, <c>or 1</c>), yarn's <c>factor</c> is <c>max_position_embeddings /
    /// original_max_position_embeddings</c> (as for DeepSeek-V3); any other parameter is computed with as it is, which
    /// fails, so it is refused at its place.
    /// </summary>
    private void ImportNull(HuggingFaceImportContext context, ConfigMap map, ConfigMapEntry entry, Parameter parameter, string type, string key)
    {
        var field = "transformer.rotary." + parameter.Field;
        if (parameter.Null is { } literal)
        {
            context.Tree.Set(field, HuggingFaceImportContext.Literal(literal, entry.Value.Origin));
            return;
        }

        if (type == "yarn" && parameter.Key == "factor")
        {
            // The original length defaults to max_position_embeddings in transformers, which makes the factor 1.
            var maxNode = MaxPositionEmbeddings(context);
            var original = map.TryGetValue(OriginalKey, out var originalNode) ? originalNode : maxNode;
            if (Integer(maxNode) is { } max && Integer(original) is { } length and > 0)
            {
                context.Tree.Set(field, ConfigScalar.Plain(ScalarText.FormatDouble((double)max / length), entry.Value.Origin));
                return;
            }

            context.Invalid(entry.Value.Origin, key + " key 'factor' is null, which transformers computes as max_position_embeddings / original_max_position_embeddings: the file has no positive integers for them");
            return;
        }

        context.Invalid(entry.Value.Origin, key + " key " + MessageText.Quoted(entry.Key) + " is null, which transformers computes with as it is and cannot build the model with (it takes no default for it): give " + HuggingFaceValue.Describe(parameter.Kind));
    }

    /// <summary>
    /// The file's <c>max_position_embeddings</c> (with its place), the format's default when the file has none, or
    /// <see langword="null"/> when it holds no integer (its own converter reports it).
    /// </summary>
    private ConfigNode? MaxPositionEmbeddings(HuggingFaceImportContext context) =>
        !context.Config.TryGetValue(MaxKey, out var node) ? HuggingFaceImportContext.Literal(_defaultMax, context.AbsentOrigin)
        : HuggingFaceValue.HasKind(node, HuggingFaceValueKind.Integer) ? node
        : null;

    private static long? Integer(ConfigNode? node) =>
        node is ConfigScalar { Value: { } text } && HuggingFaceValue.HasKind(node, HuggingFaceValueKind.Integer)
        && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value) ? value : null;

    /// <param name="Key">The key in the file.</param>
    /// <param name="Field">The field under <c>transformer.rotary</c>.</param>
    /// <param name="Kind">What the key holds.</param>
    /// <param name="Null">The value transformers gives a <c>null</c> (a JSON literal), if it gives one.</param>
    private sealed record Parameter(string Key, string Field, HuggingFaceValueKind Kind, string? Null = null);
}
