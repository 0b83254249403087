using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>
/// Qwen2's <c>use_sliding_window</c> and <c>sliding_window</c> ↔ <c>transformer.window_size</c>: the window when
/// <c>use_sliding_window</c> is true, none otherwise (transformers then ignores <c>sliding_window</c>, so it is read
/// without effect). Export writes <c>sliding_window: null</c> when there is no window, as recent transformers versions save it.
/// </summary>
internal sealed class Qwen2SlidingWindowConverter : HuggingFaceConverter
{
    private const string Path = "transformer.window_size";

    public override void Import(HuggingFaceImportContext context)
    {
        var use = context.Read("use_sliding_window", HuggingFaceValueKind.Boolean, "false");
        var window = context.Read("sliding_window", HuggingFaceValueKind.NullableInteger, "4096");
        if (use is not { } enabled || window is not { } size)
        {
            return;
        }

        context.Mapped(enabled);
        if (enabled.Boolean)
        {
            context.Set(Path, size);
        }
        else
        {
            context.Tree.Set(Path, ConfigScalar.Null(enabled.Node.Origin));
        }
    }

    public override void Export(HuggingFaceExportContext context)
    {
        var window = context.Get(Path).Value;
        context.Write("use_sliding_window", window is not null);
        context.Write("sliding_window", window);
    }
}
