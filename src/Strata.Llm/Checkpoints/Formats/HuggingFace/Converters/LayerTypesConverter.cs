using System.Globalization;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>
/// <c>layer_types</c> (transformers 4.5x and 5: one attention kind per layer) ↔ the schema's window fields, which express
/// a sliding window of <c>sliding_window</c> tokens on the bottom <c>max_window_layers</c> layers (or on every layer)
/// and full attention above. Every layer <c>full_attention</c> is accepted quietly (what the other keys already say);
/// <c>sliding_attention</c> on the bottom layers sets the window and the count of windowed layers; any other pattern
/// (sliding above full, interleaved, another kind), or a sliding layer in a format without a window, is refused at its
/// place. Export leaves the key out: transformers derives it from the window keys.
/// </summary>
internal sealed class LayerTypesConverter : HuggingFaceConverter
{
    private const string Key = "layer_types";
    private const string Full = "full_attention";
    private const string Sliding = "sliding_attention";

    private readonly bool _windowed;

    /// <param name="windowed">Whether the format has a sliding window (<c>sliding_window</c>).</param>
    public LayerTypesConverter(bool windowed)
    {
        _windowed = windowed;
    }

    public override void Import(HuggingFaceImportContext context)
    {
        if (!context.Config.TryGetValue(Key, out var node))
        {
            return;
        }

        context.MarkRead(Key);
        if (node is not ConfigSequence sequence)
        {
            context.Invalid(node.Origin, "config.json key 'layer_types' must be a list of attention kinds (full_attention, sliding_attention), got " + node.Describe());
            return;
        }

        var windowed = 0;
        for (var i = 0; i < sequence.Items.Count; i++)
        {
            var item = sequence.Items[i];
            var kind = item is ConfigScalar { Style: ScalarStyle.Quoted, Value: { } text } ? text : null;
            if (kind is not (Full or Sliding))
            {
                context.Invalid(item.Origin, "layer_types[" + i.ToString(CultureInfo.InvariantCulture) + "] must be \"full_attention\" or \"sliding_attention\", got " + item.Describe());
                return;
            }

            if (kind == Sliding && windowed < i)
            {
                context.Invalid(item.Origin, "layer_types[" + i.ToString(CultureInfo.InvariantCulture) + "] is sliding attention above a full attention layer: the sliding window here covers the bottom layers only (max_window_layers)");
                return;
            }

            windowed += kind == Sliding ? 1 : 0;
        }

        if (windowed == 0)
        {
            return;
        }

        if (!_windowed || context.Read("sliding_window", HuggingFaceValueKind.NullableInteger, null) is not { IsNull: false } window)
        {
            context.Invalid(node.Origin, "config.json key 'layer_types' names sliding attention layers, but " + (_windowed ? "'sliding_window' sets no window" : "the " + context.Format.Name + " format has no sliding window"));
            return;
        }

        context.Set("transformer.window_size", window);
        context.Tree.Set(
            "transformer.max_window_layers",
            windowed == sequence.Items.Count ? ConfigScalar.Null(node.Origin) : ConfigScalar.Plain(windowed.ToString(CultureInfo.InvariantCulture), node.Origin));
    }

    public override void Export(HuggingFaceExportContext context)
    {
    }
}
