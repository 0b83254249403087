using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Models;

/// <summary>
/// The value type of <see cref="TransformerConfig.AddLinearBiases"/>: a boolean, tried first, or an
/// <see cref="AddLinearBiasChoices"/> name.
/// </summary>
public sealed class AddLinearBiasValueType : ConfigValueType<AddLinearBias>
{
    private static readonly (string Name, AddLinearBiasChoices Choice)[] s_choices =
    [
        ("nowhere", AddLinearBiasChoices.Nowhere),
        ("everywhere", AddLinearBiasChoices.Everywhere),
        ("only_attn_qkv", AddLinearBiasChoices.OnlyAttnQkv),
    ];

    /// <inheritdoc />
    public override string DisplayName => "bool|AddLinearBiasChoices";

    /// <inheritdoc />
    public override ValueShape Shape => ValueShape.Any;

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ValueReadContext context, out AddLinearBias value)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (node is ConfigScalar { Value: { } text } scalar)
        {
            if (scalar.Style == ScalarStyle.Plain && ScalarText.TryParseBoolean(text, out var everywhere))
            {
                value = everywhere;
                return true;
            }

            foreach (var (name, choice) in s_choices)
            {
                if (string.Equals(text, name, StringComparison.Ordinal))
                {
                    value = choice;
                    return true;
                }
            }
        }

        value = default;
        context.TypeMismatch(node, "true, false, nowhere, everywhere or only_attn_qkv");
        return false;
    }

    /// <inheritdoc />
    public override ConfigNode Write(AddLinearBias value, ValueWriteContext context) => ConfigScalar.Plain(value.ToString(), Origin.Default);
}
