using Strata.Llm.Models;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>
/// A field that the format fixes (<c>transformer.gated: true</c> for Llama): import sets it; export checks that the model
/// has that value (or, for a check-only converter, only checks).
/// </summary>
internal sealed class ConstantConverter : HuggingFaceConverter
{
    private readonly string _path;
    private readonly string? _literal;
    private readonly Func<object?, GPTBaseModelConfig, bool> _matches;
    private readonly string _expected;

    /// <param name="path">The dotted path under <c>base_model</c>.</param>
    /// <param name="literal">The value set on import, as config text; <see langword="null"/> to set nothing and only check on export.</param>
    /// <param name="matches">Whether an effective value is what the format holds.</param>
    /// <param name="expected">What the format holds, for messages.</param>
    public ConstantConverter(string path, string? literal, Func<object?, bool> matches, string expected)
        : this(path, literal, (value, _) => matches(value), expected)
    {
    }

    /// <param name="path">The dotted path under <c>base_model</c>.</param>
    /// <param name="literal">The value set on import, as config text; <see langword="null"/> to set nothing and only check on export.</param>
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
