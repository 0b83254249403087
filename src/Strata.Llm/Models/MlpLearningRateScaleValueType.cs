using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Models;

/// <summary>
/// The value type of <see cref="TransformerConfig.MlpLrScale"/>: a number, a null, or a list of numbers and nulls (one per
/// expert), tried in that order.
/// </summary>
public sealed class MlpLearningRateScaleValueType : ConfigValueType<MlpLearningRateScale?>
{
    private static readonly ConfigValueType<double?> s_entry = ValueTypes.Nullable(ValueTypes.Double);

    /// <inheritdoc />
    public override string DisplayName => "float|None|list[float|None]";

    /// <inheritdoc />
    public override bool AcceptsNull => true;

    /// <inheritdoc />
    public override ValueShape Shape => ValueShape.Any;

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ValueReadContext context, out MlpLearningRateScale? value)
    {
        ArgumentNullException.ThrowIfNull(context);
        value = null;
        switch (node)
        {
            case ConfigScalar { IsNull: true }:
                return true;
            case ConfigScalar { Style: ScalarStyle.Plain, Value: { } text } when ScalarText.TryParseDouble(text, out var scale):
                value = scale;
                return true;
            case ConfigSequence sequence:
                var scales = new double?[sequence.Items.Count];
                var ok = true;
                for (var i = 0; i < scales.Length; i++)
                {
                    ok &= context.ReadChild("[" + i.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]", s_entry, sequence.Items[i], out scales[i]);
                }

                if (ok)
                {
                    value = new MlpLearningRateScale(scales);
                }

                return ok;
            default:
                context.TypeMismatch(node, "a number, null or a list of numbers and nulls");
                return false;
        }
    }

    /// <inheritdoc />
    public override ConfigNode Write(MlpLearningRateScale? value, ValueWriteContext context)
    {
        if (value is not { } scale)
        {
            return ConfigScalar.Null(Origin.Default);
        }

        if (!scale.IsPerExpert)
        {
            return ConfigScalar.Plain(ScalarText.FormatDouble(scale.Scale), Origin.Default);
        }

        var items = new ConfigNode[scale.PerExpert.Count];
        for (var i = 0; i < items.Length; i++)
        {
            items[i] = s_entry.Write(scale.PerExpert[i], context);
        }

        return new ConfigSequence(items, Origin.Default);
    }
}
