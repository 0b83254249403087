namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>A string key whose values correspond one to one to a field's values (<c>hidden_act</c> ↔ <c>transformer.activation_type</c>).</summary>
internal sealed class MappedConverter : HuggingFaceConverter
{
    private readonly string _key;
    private readonly string _path;
    private readonly string _fallback;
    private readonly (string Hugging, string Config)[] _pairs;

    /// <param name="key">The <c>config.json</c> key.</param>
    /// <param name="path">The dotted path under <c>base_model</c>.</param>
    /// <param name="fallback">The value transformers gives the key when absent.</param>
    /// <param name="pairs">The values, as written in <c>config.json</c> and in a config.</param>
    public MappedConverter(string key, string path, string fallback, params (string Hugging, string Config)[] pairs)
    {
        _key = key;
        _path = path;
        _fallback = fallback;
        _pairs = pairs;
    }

    public override void Import(HuggingFaceImportContext context)
    {
        if (context.Read(_key, HuggingFaceValueKind.String, "\"" + _fallback + "\"") is not { } value)
        {
            return;
        }

        var pair = Array.FindIndex(_pairs, p => p.Hugging == value.Text);
        if (pair < 0)
        {
            context.Invalid(value.Node.Origin, "config.json key " + MessageText.Quoted(_key) + " is " + value.Node.Describe() + ", which has no equivalent here (known: " + string.Join(", ", Array.ConvertAll(_pairs, static p => p.Hugging)) + ")");
            return;
        }

        context.Set(_path, value, Strata.Tree.ConfigScalar.Plain(_pairs[pair].Config, value.Node.Origin));
    }

    public override void Export(HuggingFaceExportContext context)
    {
        var field = context.Get(_path);
        var pair = Array.FindIndex(_pairs, p => p.Config == field.Text);
        if (pair < 0)
        {
            context.Unsupported(field, MessageText.Quoted(_key) + " has no equivalent");
            return;
        }

        context.Write(_key, _pairs[pair].Hugging);
    }
}
