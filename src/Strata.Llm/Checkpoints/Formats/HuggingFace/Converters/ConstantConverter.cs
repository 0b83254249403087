using Strata.Llm.Models;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>
/// A field that the format fixes (<c>transformer.gated: true</c>, <c>transformer.num_experts: 1</c> for Llama): import
/// records the value with the checkpoint's origin, so that every pinned value is part of the checkpoint's architecture
/// like a mapped key; export checks that the model has that value. Only a relation between fields (a head size of
/// hidden_size / num_attention_heads) has no value to record: it is only checked.
/// </summary>
internal sealed class ConstantConverter : HuggingFaceConverter
{
    private readonly string _path;
    private readonly string? _literal;
    private readonly Func<object?, GPTBaseModelConfig, bool> _matches;
    private readonly string _expected;

    /// <param name="path">The dotted path under <c>base_model</c>.</param>
    /// <param name="literal">The value recorded on import, a JSON literal; <see langword="null"/> only for a relation, which is only checked on export.</param>
    /// <param name="matches">Whether an effective value is what the format holds.</param>
    /// <param name="expected">What the format holds, for messages.</param>
    public ConstantConverter(string path, string? literal, Func<object?, bool> matches, string expected)
        : this(path, literal, (value, _) => matches(value), expected)
    {
    }

    /// <param name="path">The dotted path under <c>base_model</c>.</param>
    /// <param name="literal">The value recorded on import, a JSON literal; <see langword="null"/> only for a relation, which is only checked on export.</param>
    /// <param name="matches">Whether an effective value, in the whole base model, is what the format holds.</param>
    /// <param name="expected">What the format holds, for messages.</param>
    public ConstantConverter(string path, string? literal, Func<object?, GPTBaseModelConfig, bool> matches, string expected)
    {
        _path = path;
        _literal = literal;
        _matches = matches;
        _expected = expected;
    }

    public override void Import(HuggingFaceImportContext context)
    {
        if (_literal is not null)
        {
            context.SetConstant(_path, _literal);
        }
    }

    public override void Export(HuggingFaceExportContext context)
    {
        var field = context.Get(_path);
        if (!_matches(field.Value, context.Model))
        {
            context.Unsupported(field, "the format holds " + _expected);
        }
    }
}
