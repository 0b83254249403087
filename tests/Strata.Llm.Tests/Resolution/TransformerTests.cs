using Strata.Llm.Models;

namespace Strata.Llm.Tests.Resolution;

public sealed class TransformerTests
{
    private static TransformerConfig Transformer(string body) =>
        Resolve.Trainer("model:\n  base_model:\n    transformer:\n" + Indent(body)).Config.Model.BaseModel.Transformer;

    private static IReadOnlyList<Diagnostic> Errors(string body) =>
        Resolve.TrainerErrors("model:\n  base_model:\n    transformer:\n" + Indent(body));

    [Fact]
    public void Implicit_defaults_follow_the_size_of_the_model()
    {
        var t = Transformer("hidden_size: 512\nnum_layers: 4\ngated: true\n");
        Assert.Equal((2048, 64, ActivationType.Silu), (t.FfnHiddenSize, t.KvChannels, t.ActivationType));
        Assert.Equal(Math.Pow(512, -0.5), t.InitMethodStd, 12);
        Assert.Equal(t.InitMethodStd, t.InitMethodStdQkv);
        Assert.Equal(t.InitMethodStd, t.InitMethodStdMlp1);
        Assert.Equal(t.InitMethodStd / Math.Sqrt(8), t.InitMethodStdAttnProj, 12);
        Assert.Equal(t.InitMethodStd / Math.Sqrt(8), t.InitMethodStdMlp2, 12);
    }

    [Fact]
    public void Explicit_values_are_never_rederived()
    {
        var t = Transformer("hidden_size: 512\nffn_hidden_size: 100\ninit_method_std: 0.5\n");
        Assert.Equal(100, t.FfnHiddenSize);
        Assert.Equal(0.5, t.InitMethodStdQkv);
    }

    [Fact]
    public void Kv_channels_need_an_exact_division_unless_set()
    {
        Assert.Contains(Errors("hidden_size: 100\n"), e => e.Code == DiagnosticCodes.DerivationFailed && e.Message.Contains("kv_channels", StringComparison.Ordinal));
        Assert.Equal(128, Transformer("hidden_size: 100\nkv_channels: 16\n").ProjectionSize);
    }

    [Fact]
    public void Heads_that_do_not_divide_the_hidden_size_are_one_error_and_the_kv_channels_left_unset_are_not_checked()
    {
        // The README's example: kv_channels keeps 0, which its rule would refuse as "must be > 0, got 0".
        var error = Assert.Single(Errors("num_attention_heads: 5\n"));
        Assert.Equal(("model.base_model.transformer.kv_channels", DiagnosticCodes.DerivationFailed), (error.Path, error.Code));
    }

    [Fact]
    public void Heads_must_be_a_multiple_of_head_groups()
    {
        Assert.Contains(Errors("head_groups: 3\n"), e => e.Path == "model.base_model.transformer.num_attention_heads");
    }

    [Fact]
    public void Shared_and_routed_experts_must_fit_in_the_experts()
    {
        var errors = Errors("num_experts: 4\nnum_shared_experts: 2\nnum_experts_per_token: 3\n");
        Assert.Contains(errors, e => e.Path == "model.base_model.transformer.num_experts_per_token");
        Assert.Equal(2, Transformer("num_experts: 4\nnum_shared_experts: 2\nnum_experts_per_token: 2\n").NumUnsharedExperts);
    }

    [Fact]
    public void Initialisation_bounds_are_inherited_and_checked()
    {
        var r = Resolve.Trainer("model:\n  base_model:\n    transformer:\n      init_method_min: -1\n      init_method_max: 1\n");
        var t = r.Config.Model.BaseModel.Transformer;
        Assert.Equal((-1.0, 1.0), (t.InitMethodMinQkv, t.InitMethodMaxMlp2));
        Assert.Equal(-1.0, r.Config.Model.BaseModel.InitMethodMinEmbed);
        Assert.Contains(Errors("init_method_min: 1\ninit_method_max: -1\n"), e => e.Path == "model.base_model.transformer.init_method_min");
    }

    [Fact]
    public void Legacy_rotary_keys_are_converted()
    {
        var r = Resolve.Trainer("model:\n  base_model:\n    transformer:\n      use_rotary_embeddings: true\n      rotary_embedding_scale: -9.210340371976184\n      triton_rotary: false\n");
        var rotary = r.Config.Model.BaseModel.Transformer.Rotary;
        Assert.Equal(RotaryEmbeddingType.Default, rotary.Type);
        Assert.Equal(10000.0, rotary.Theta, 6);
        Assert.False(rotary.Triton);
        Assert.False(r.Config.Model.BaseModel.UsePositionEmbeddings);
    }

    [Theory]
    [InlineData("true", true, true, true)]
    [InlineData("false", false, false, false)]
    [InlineData("everywhere", true, true, true)]
    [InlineData("nowhere", false, false, false)]
    [InlineData("only_attn_qkv", false, true, false)]
    public void Linear_biases_accept_booleans_and_choices_and_keep_their_form(string written, bool mlp, bool qkv, bool dense)
    {
        var r = Resolve.Trainer("model:\n  base_model:\n    transformer:\n      add_linear_biases: " + written + "\n");
        var biases = r.Config.Model.BaseModel.Transformer.AddLinearBiases;
        Assert.Equal((mlp, qkv, dense), (biases.AddMlpBias, biases.AddAttentionQkvBias, biases.AddAttentionDenseBias));
        Assert.Contains("add_linear_biases: " + written, r.ToYaml());
    }

    [Fact]
    public void Linear_biases_reject_other_values()
    {
        Assert.Equal(DiagnosticCodes.TypeMismatch, Assert.Single(Errors("add_linear_biases: sometimes\n")).Code);
    }

    [Fact]
    public void The_mlp_learning_rate_scale_is_a_number_or_one_entry_per_expert()
    {
        var scale = Transformer("num_experts: 2\nmlp_lr_scale: [1.5, null]\n").MlpLrScale;
        Assert.NotNull(scale);
        Assert.Equal(new double?[] { 1.5, null }, scale.Value.PerExpert);
        Assert.Equal(0.5, Transformer("mlp_lr_scale: 0.5\n").MlpLrScale?.Scale);
        Assert.Null(Transformer("mlp_lr_scale: null\n").MlpLrScale);
        Assert.Contains(Errors("num_experts: 2\nmlp_lr_scale: [1.0]\n"), e => e.Path == "model.base_model.transformer.mlp_lr_scale");
        Assert.Contains(Errors("mlp_lr_scale: -1\n"), e => e.Path == "model.base_model.transformer.mlp_lr_scale");
    }

    [Fact]
    public void Lora_adapts_query_and_value_unless_told_otherwise()
    {
        Assert.Equal([TransformerSubLayerName.Query, TransformerSubLayerName.Value], Transformer("peft:\n  type: lora\n").Peft.Layers);
        Assert.Empty(Transformer("num_layers: 2\n").Peft.Layers);
        Assert.Contains(Errors("peft:\n  type: lora\n  layers: [mlp_1]\n"), e => e.Path == "model.base_model.transformer.peft.layers");
        Assert.Contains(Errors("peft:\n  type: lora\n  layers: [key, value]\n"), e => e.Path == "model.base_model.transformer.peft.layers");
    }

    [Fact]
    public void Legacy_normalization_keys_are_renamed()
    {
        var n = Transformer("normalization:\n  normalization_type: rms_norm\n  layer_norm_eps: 1.0e-6\n").Normalization;
        Assert.Equal((NormalizationType.RmsNorm, 1e-6), (n.Type, n.Epsilon));
    }

    [Fact]
    public void Routing_is_written_aux_loss_and_topk_is_rejected()
    {
        Assert.Equal(RoutingType.AuxLoss, Transformer("expert_routing_type: aux_loss\n").ExpertRoutingType);
        Assert.Equal(DiagnosticCodes.UnknownEnumValue, Assert.Single(Errors("expert_routing_type: topk\n")).Code);
    }

    private static string Indent(string body) =>
        string.Concat(body.Split('\n').Where(l => l.Length > 0).Select(l => "      " + l + "\n"));
}
