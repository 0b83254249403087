namespace Strata.Llm.Models;

/// <summary>A linear layer of a transformer block, as named by the fine-tuning settings.</summary>
public enum TransformerSubLayerName
{
    /// <summary>The query projection.</summary>
    Query,

    /// <summary>The key projection.</summary>
    Key,

    /// <summary>The value projection.</summary>
    Value,

    /// <summary>The joint key and value projection.</summary>
    [EnumValue("key_value")]
    KeyValue,

    /// <summary>The attention output projection.</summary>
    Dense,

    /// <summary>The first layer of the MLP.</summary>
    [EnumValue("mlp_1")]
    Mlp1,

    /// <summary>The second layer of the MLP.</summary>
    [EnumValue("mlp_2")]
    Mlp2,
}
