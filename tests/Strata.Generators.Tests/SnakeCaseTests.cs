using Strata.Generators.Naming;

namespace Strata.Generators.Tests;

public sealed class SnakeCaseTests
{
    [Theory]
    [InlineData("NumLayers", "num_layers")]
    [InlineData("HiddenSize", "hidden_size")]
    [InlineData("Gated", "gated")]
    [InlineData("A", "a")]
    public void Words_are_split_before_each_capital_and_lowercased(string name, string expected) =>
        Assert.Equal(expected, SnakeCase.Convert(name));

    [Theory]
    [InlineData("GPTModel", "gpt_model")]
    [InlineData("MLPRecomputeLevel", "mlp_recompute_level")]
    [InlineData("IOError", "io_error")]
    [InlineData("UseHF", "use_hf")]
    public void An_acronym_is_one_word_ending_before_the_capital_that_starts_the_next_word(string name, string expected) =>
        Assert.Equal(expected, SnakeCase.Convert(name));

    [Theory]
    [InlineData("Beta1", "beta_1")]
    [InlineData("Fp16", "fp_16")]
    [InlineData("InitMethodStdMlp1", "init_method_std_mlp_1")]
    [InlineData("Bf16Enabled", "bf_16_enabled")]
    [InlineData("Adam2Beta", "adam_2_beta")]
    public void A_number_is_a_word_of_its_own(string name, string expected) =>
        Assert.Equal(expected, SnakeCase.Convert(name));

    [Theory]
    [InlineData("already_snake", "already_snake")]
    [InlineData("Mixed_Case", "mixed_case")]
    public void Existing_underscores_are_kept_without_doubling(string name, string expected) =>
        Assert.Equal(expected, SnakeCase.Convert(name));
}
