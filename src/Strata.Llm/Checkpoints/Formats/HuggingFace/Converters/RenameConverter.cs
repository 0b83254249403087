namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>A key that is the same value as a field (<c>num_hidden_layers</c> ↔ <c>transformer.num_layers</c>).</summary>
internal sealed class RenameConverter : HuggingFaceConverter
{
    private readonly string _key;
    private readonly string _path;
    private readonly HuggingFaceValueKind _kind;
    private readonly string? _fallback;
    private readonly bool _nullLeavesUnset;

    /// <param name="key">The <c>config.json</c> key.</param>
    /// <param name="path">The dotted path under <c>base_model</c>.</param>
    /// <param name="kind">The JSON type of the key.</param>
    /// <param name="fallback">The value transformers gives the key when absent (a JSON literal or <c>=other_key</c>); <see langword="null"/> leaves the field to its own default.</param>
    /// <param name="nullLeavesUnset">Whether <c>null</c> means "compute it" (as for <c>head_dim</c>), so the field is left to its derived default.</param>
    public RenameConverter(string key, string path, HuggingFaceValueKind kind, string? fallback, bool nullLeavesUnset = false)
    {
        _key = key;
        _path = path;
        _kind = kind;
        _fallback = fallback;
        _nullLeavesUnset = nullLeavesUnset;
    }

    public override void Import(HuggingFaceImportContext context)
    {
        if (context.Read(_key, _kind, _fallback) is { } value && !(value.IsNull && _nullLeavesUnset))
        {
            context.Set(_path, value);
        }
    }

    public override void Export(HuggingFaceExportContext context) => context.Write(_key, context.Get(_path).Value);
}
