namespace Strata.Llm.Models;

/// <summary>Where the linear layers of a transformer have biases, when not given as a plain boolean.</summary>
public enum AddLinearBiasChoices
{
    /// <summary>No linear layer has a bias.</summary>
    Nowhere,

    /// <summary>Every linear layer has a bias.</summary>
    Everywhere,

    /// <summary>Only the query, key and value projections have biases.</summary>
    [EnumValue("only_attn_qkv")]
    OnlyAttnQkv,
}
