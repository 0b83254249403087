namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>A key that is the same value as a field (<c>num_hidden_layers</c> ↔ <c>transformer.num_layers</c>).</summary>
internal sealed class RenameConverter : HuggingFaceConverter
{
    private readonly string _key;
    private readonly string _path;
    private readonly HuggingFaceValueKind _kind;
    private readonly string? _fallback;
    private readonly NullMeans _null;

    /// <param name="key">The <c>config.json</c> key.</param>
    /// <param name="path">The dotted path under <c>base_model</c>.</param>
    /// <param name="kind">The JSON type of the key.</param>
    /// <param name="fallback">The value transformers gives the key when absent (a JSON literal or <c>=other_key</c>); <see langword="null"/> leaves the field to its own default.</param>
    /// <param name="nullMeans">What a <c>null</c> means, as the transformers configuration class reads it.</param>
    public RenameConverter(string key, string path, HuggingFaceValueKind kind, string? fallback, NullMeans nullMeans = NullMeans.Null)
    {
        _key = key;
        _path = path;
        _kind = kind;
        _fallback = fallback;
        _null = nullMeans;
    }

    /// <summary>
    /// What a <c>null</c> in the file means. transformers' configuration classes keep a <c>None</c> as it is, except where
    /// their <c>__init__</c> replaces it: <c>num_key_value_heads=None</c> is <c>num_attention_heads</c> (every format),
    /// <c>head_dim=None</c> is <c>hidden_size // num_attention_heads</c>. Elsewhere a <c>null</c> in a number is not a value
    /// the model can use, and is refused as the wrong kind.
    /// </summary>
    public enum NullMeans
    {
        /// <summary>The field holds null (a nullable field), or null is refused (the kind is not nullable).</summary>
        Null,

        /// <summary>The field is left to its derived default (<c>head_dim</c>).</summary>
        Unset,

        /// <summary>The key takes its fallback, as when absent (<c>num_key_value_heads</c>), with the origin of the null.</summary>
        Fallback,
    }

    public override void Import(HuggingFaceImportContext context)
    {
        if (context.Read(_key, _kind, _fallback) is not { } value)
        {
            return;
        }

        if (!value.IsNull || _null == NullMeans.Null)
        {
            context.Set(_path, value);
        }
        else if (_null == NullMeans.Fallback && context.Fallback(_key, _kind, _fallback, value.Node.Origin) is { IsNull: false } fallback)
        {
            context.Set(_path, value, fallback.Node);
        }
    }

    public override void Export(HuggingFaceExportContext context) => context.Write(_key, context.Get(_path).Value);
}
