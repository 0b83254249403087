using Strata.Llm.Models;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>
/// Boolean keys that together say which linear layers have biases (<c>attention_bias</c> and <c>mlp_bias</c> for Llama,
/// <c>use_bias</c> for Starcoder2) ↔ <c>transformer.add_linear_biases</c>. Only the combinations the schema can express are
/// accepted: biases everywhere or nowhere. (<c>only_attn_qkv</c> leaves out the attention output projection, which
/// <c>attention_bias</c> includes.)
/// </summary>
internal sealed class LinearBiasConverter : HuggingFaceConverter
{
    private const string Path = "transformer.add_linear_biases";
    private readonly (string Key, string Fallback)[] _keys;

    /// <param name="keys">The keys and the values transformers gives them when absent.</param>
    public LinearBiasConverter(params (string Key, string Fallback)[] keys)
    {
        _keys = keys;
    }

    public override void Import(HuggingFaceImportContext context)
    {
        var values = new List<HuggingFaceValue>();
        foreach (var (key, fallback) in _keys)
        {
            if (context.Read(key, HuggingFaceValueKind.Boolean, fallback) is not { } value)
            {
                return;
            }

            values.Add(value);
        }

        HuggingFaceValue first = default, last = default;
        var agree = true;
        foreach (var v in values)
        {
            agree &= v.Boolean == values[0].Boolean;
            if (v.Present)
            {
                first = first.Present ? first : v;
                last = v;
            }
        }

        if (!agree)
        {
            var described = new string[values.Count];
            for (var i = 0; i < values.Count; i++)
            {
                described[i] = values[i].Key + " " + MessageText.Bounded(values[i].Text ?? string.Empty);
            }

            context.Invalid(last.Node?.Origin, string.Join(" with ", described) + " cannot be expressed: add_linear_biases puts biases on every linear layer or on none");
            return;
        }

        var origin = first.Node?.Origin ?? context.AbsentOrigin;
        foreach (var value in values)
        {
            context.Mapped(value);
        }

        context.Tree.Set(Path, ConfigScalar.Plain(values[0].Boolean ? "true" : "false", origin));
    }

    public override void Export(HuggingFaceExportContext context)
    {
        var field = context.Get(Path);
        if (field.Value is not AddLinearBias bias || bias.AddMlpBias != bias.AddAttentionQkvBias || bias.AddMlpBias != bias.AddAttentionDenseBias)
        {
            context.Unsupported(field, "the format has biases on every linear layer or on none");
            return;
        }

        foreach (var (key, _) in _keys)
        {
            context.Write(key, bias.AddMlpBias);
        }
    }
}
