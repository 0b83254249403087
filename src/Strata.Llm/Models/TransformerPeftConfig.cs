namespace Strata.Llm.Models;

/// <summary>Parameter-efficient fine-tuning (low-rank adapters) of the transformer's linear layers.</summary>
[Config]
public sealed partial class TransformerPeftConfig
{
    /// <summary>The kind of fine-tuning; <c>none</c> trains every weight.</summary>
    [Field(FieldHint.Core)]
    public partial PeftType Type { get; set; } = PeftType.None;

    /// <summary>The rank of the adapters.</summary>
    [Field(FieldHint.Stability)]
    public partial int Rank { get; set; } = 8;

    /// <summary>The scale of the adapters' output, divided by the rank.</summary>
    [Field(FieldHint.Stability), Finite]
    public partial double Alpha { get; set; } = 8.0;

    /// <summary>The dropout applied to the adapters' input.</summary>
    [Field(FieldHint.Stability), Finite]
    public partial double Dropout { get; set; }

    /// <summary>The layers that get adapters.</summary>
    [Field(FieldHint.Feature), DerivedDefault("[query, value] with lora, else []")]
    public partial IList<TransformerSubLayerName> Layers { get; set; } = [];

    /// <summary>Whether the weights of the layers without adapters are frozen.</summary>
    [Field(FieldHint.Unknown)]
    public partial bool FreezeOthers { get; set; } = true;

    /// <summary>Whether fine-tuning adapters are used.</summary>
    public bool Enabled => Type != PeftType.None;

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(Layers)) && Type == PeftType.Lora)
        {
            Layers = [TransformerSubLayerName.Query, TransformerSubLayerName.Value];
        }
    }

    partial void Validate(ValidationScope scope)
    {
        if (Type != PeftType.Lora)
        {
            return;
        }

        scope.Require(
            !Layers.Contains(TransformerSubLayerName.Mlp1) && !Layers.Contains(TransformerSubLayerName.Mlp2),
            nameof(Layers),
            "LoRA is not supported on the MLP layers (mlp_1, mlp_2)");
        scope.Require(!Layers.Contains(TransformerSubLayerName.Dense), nameof(Layers), "LoRA is not supported on the dense layer");
        var keyValueLayers = (Layers.Contains(TransformerSubLayerName.Key) ? 1 : 0) + (Layers.Contains(TransformerSubLayerName.Value) ? 1 : 0)
            + (Layers.Contains(TransformerSubLayerName.KeyValue) ? 1 : 0);
        scope.Require(keyValueLayers <= 1, nameof(Layers), "may name at most one of key, value and key_value");
    }
}
