using System.Globalization;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Llm.Models;

/// <summary>The transformer layers of a GPT model: attention, MLP (possibly a mixture of experts), normalization and initialisation.</summary>
[Config]
[RenamedFrom("use_rotary_embeddings", "rotary.type", Converter = nameof(ConvertUseRotaryEmbeddings))]
[RenamedFrom("rotary_embedding_scale", "rotary.theta", Converter = nameof(ConvertRotaryEmbeddingScale))]
[RenamedFrom("triton_rotary", "rotary.triton")]
public sealed partial class TransformerConfig
{
    /// <summary>The normalization layers.</summary>
    [Field(FieldHint.Core, Architecture = true)]
    public partial NormalizationConfig Normalization { get; set; } = new();

    /// <summary>Parameter-efficient fine-tuning.</summary>
    [Field(FieldHint.Core, Architecture = true)]
    public partial TransformerPeftConfig Peft { get; set; } = new();

    /// <summary>The number of transformer layers.</summary>
    [Field(FieldHint.Core, Architecture = true), Min(0)]
    public partial int NumLayers { get; set; } = 12;

    /// <summary>The width of the residual stream.</summary>
    [Field(FieldHint.Core, Architecture = true), GreaterThan(0)]
    public partial int HiddenSize { get; set; } = 1024;

    /// <summary>The number of attention heads; a multiple of <c>head_groups</c>.</summary>
    [Field(FieldHint.Core, Architecture = true)]
    public partial int NumAttentionHeads { get; set; } = 8;

    /// <summary>The number of key-value head groups: 1 for multi-query attention, <c>num_attention_heads</c> for multi-head attention.</summary>
    [Field(FieldHint.Core, Architecture = true), GreaterThan(0)]
    public partial int HeadGroups { get; set; } = 1;

    /// <summary>Which linear layers have biases: <c>true</c>, <c>false</c>, <c>nowhere</c>, <c>everywhere</c> or <c>only_attn_qkv</c>.</summary>
    [Field(FieldHint.Core, Architecture = true), ValueType(typeof(AddLinearBiasValueType))]
    public partial AddLinearBias AddLinearBiases { get; set; } = true;

    /// <summary>The width of the MLP's intermediate layer.</summary>
    [Field(FieldHint.Core, Architecture = true), GreaterThan(0), DerivedDefault("4 × hidden_size")]
    public partial int FfnHiddenSize { get; set; }

    /// <summary>The total width of the attention projections: <c>num_attention_heads × kv_channels</c>.</summary>
    /// <remarks>A config whose product does not fit an int is invalid; reading it there throws <see cref="OverflowException"/>, never a wrapped value.</remarks>
    [Derived]
    public int ProjectionSize => NumAttentionHeads * KvChannels;

    /// <summary>The width of each attention head.</summary>
    [Field(FieldHint.Core, Architecture = true), GreaterThan(0), DerivedDefault("hidden_size / num_attention_heads (exact)")]
    public partial int KvChannels { get; set; }

    /// <summary>The rotary position embeddings.</summary>
    [Field(FieldHint.Feature, Architecture = true)]
    public partial RotaryConfig Rotary { get; set; } = new();

    /// <summary>Whether the MLP is gated (as in SwiGLU).</summary>
    [Field(FieldHint.Feature, Architecture = true)]
    public partial bool Gated { get; set; }

    /// <summary>The activation function of the MLP.</summary>
    [Field(FieldHint.Core, Architecture = true), DerivedDefault("silu if gated, else gelu")]
    public partial ActivationType ActivationType { get; set; }

    /// <summary>The number of MLP experts (1 for a dense MLP).</summary>
    [Field(FieldHint.Feature, Architecture = true), GreaterThan(0)]
    public partial int NumExperts { get; set; } = 1;

    /// <summary>The number of experts that every token uses.</summary>
    [Field(FieldHint.Feature, Architecture = true), Min(0)]
    public partial int NumSharedExperts { get; set; }

    /// <summary>The number of routed experts: <c>num_experts − num_shared_experts</c>.</summary>
    /// <remarks>Checked arithmetic: for an invalid config it may throw <see cref="OverflowException"/>, never a wrapped value.</remarks>
    [Derived]
    public int NumUnsharedExperts => NumExperts - NumSharedExperts;

    /// <summary>The number of routed experts that each token uses.</summary>
    [Field(FieldHint.Feature, Architecture = true), GreaterThan(0)]
    public partial int NumExpertsPerToken { get; set; } = 1;

    /// <summary>How tokens are routed to experts.</summary>
    [Field(FieldHint.Feature, Architecture = true)]
    public partial RoutingType ExpertRoutingType { get; set; } = RoutingType.AuxLoss;

    /// <summary>The standard deviation of the weight initialisation.</summary>
    [Field(FieldHint.Optional), Min(0), DerivedDefault("hidden_size ^ -0.5"), Finite]
    public partial double InitMethodStd { get; set; }

    /// <summary>The largest initial weight (initial weights are clamped); unset for no bound.</summary>
    [Field(FieldHint.Optional), Finite]
    public partial double? InitMethodMax { get; set; }

    /// <summary>The smallest initial weight (initial weights are clamped); unset for no bound.</summary>
    [Field(FieldHint.Optional), Finite]
    public partial double? InitMethodMin { get; set; }

    /// <summary>The standard deviation of the query, key and value weight initialisation.</summary>
    [Field(FieldHint.Optional), Min(0), DerivedDefault("init_method_std"), Finite]
    public partial double InitMethodStdQkv { get; set; }

    /// <summary>The largest initial query, key and value weight.</summary>
    [Field(FieldHint.Optional), DerivedDefault("init_method_max"), Finite]
    public partial double? InitMethodMaxQkv { get; set; }

    /// <summary>The smallest initial query, key and value weight.</summary>
    [Field(FieldHint.Optional), DerivedDefault("init_method_min"), Finite]
    public partial double? InitMethodMinQkv { get; set; }

    /// <summary>The standard deviation of the attention output projection initialisation.</summary>
    [Field(FieldHint.Optional), Min(0), DerivedDefault("init_method_std / sqrt(2 × num_layers)"), Finite]
    public partial double InitMethodStdAttnProj { get; set; }

    /// <summary>The largest initial attention output projection weight.</summary>
    [Field(FieldHint.Optional), DerivedDefault("init_method_max"), Finite]
    public partial double? InitMethodMaxAttnProj { get; set; }

    /// <summary>The smallest initial attention output projection weight.</summary>
    [Field(FieldHint.Optional), DerivedDefault("init_method_min"), Finite]
    public partial double? InitMethodMinAttnProj { get; set; }

    /// <summary>The standard deviation of the first MLP layer initialisation.</summary>
    [Field(FieldHint.Optional, Name = "init_method_std_mlp_1"), Min(0), DerivedDefault("init_method_std"), Finite]
    public partial double InitMethodStdMlp1 { get; set; }

    /// <summary>The largest initial weight of the first MLP layer.</summary>
    [Field(FieldHint.Optional, Name = "init_method_max_mlp_1"), DerivedDefault("init_method_max"), Finite]
    public partial double? InitMethodMaxMlp1 { get; set; }

    /// <summary>The smallest initial weight of the first MLP layer.</summary>
    [Field(FieldHint.Optional, Name = "init_method_min_mlp_1"), DerivedDefault("init_method_min"), Finite]
    public partial double? InitMethodMinMlp1 { get; set; }

    /// <summary>The standard deviation of the second MLP layer initialisation.</summary>
    [Field(FieldHint.Optional, Name = "init_method_std_mlp_2"), Min(0), DerivedDefault("init_method_std / sqrt(2 × num_layers)"), Finite]
    public partial double InitMethodStdMlp2 { get; set; }

    /// <summary>The largest initial weight of the second MLP layer.</summary>
    [Field(FieldHint.Optional, Name = "init_method_max_mlp_2"), DerivedDefault("init_method_max"), Finite]
    public partial double? InitMethodMaxMlp2 { get; set; }

    /// <summary>The smallest initial weight of the second MLP layer.</summary>
    [Field(FieldHint.Optional, Name = "init_method_min_mlp_2"), DerivedDefault("init_method_min"), Finite]
    public partial double? InitMethodMinMlp2 { get; set; }

    /// <summary>The dropout rate of the attention probabilities.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double AttentionDropout { get; set; }

    /// <summary>The dropout rate of the residual branches.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double HiddenDropout { get; set; }

    /// <summary>Whether the residual stream is kept in the optimization data type.</summary>
    [Field(FieldHint.Stability)]
    public partial bool FullPrecisionResidual { get; set; }

    /// <summary>Whether Flash Attention is used when the training data type allows it.</summary>
    [Field(FieldHint.Optional)]
    public partial bool UseFlashAttention { get; set; } = true;

    /// <summary>The width of the sliding attention window; unset for full attention. Not part of the architecture.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial int? WindowSize { get; set; }

    /// <summary>The number of bottom layers that use the sliding window; the layers above use full attention.</summary>
    [Field(FieldHint.Optional), Min(0)]
    public partial int? MaxWindowLayers { get; set; }

    /// <summary>Which MLP values are recomputed in the backward pass to save memory.</summary>
    [Field(FieldHint.Performance)]
    public partial MLPRecomputeLevel MlpRecomputeLevel { get; set; } = MLPRecomputeLevel.None;

    /// <summary>How much of the transformer's intermediate values is logged (0 for nothing).</summary>
    [Field(FieldHint.Logging), Min(0)]
    public partial int DebugTransformer { get; set; }

    /// <summary>Whether the memory use after each operation of a layer is logged.</summary>
    [Field(FieldHint.Logging)]
    public partial bool DebugTransformerMemory { get; set; }

    /// <summary>Whether biases are initialised randomly instead of at zero (for tests).</summary>
    [Field(FieldHint.Testing)]
    public partial bool RandomBiasInit { get; set; }

    /// <summary>The weight of the load-balancing loss of top-k routing.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double ExpertAuxiliaryLossCoefficient { get; set; } = 0.01;

    /// <summary>The weight of the router's z-loss.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double ExpertZLossCoefficient { get; set; }

    /// <summary>The half-width of the multiplicative noise applied to the router logits in training.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double MoeJitterEps { get; set; }

    /// <summary>The learning-rate scale of the MLP weights: one number, or one per expert (<c>null</c> entries keep the default).</summary>
    [Field(FieldHint.Feature), ValueType(typeof(MlpLearningRateScaleValueType))]
    public partial MlpLearningRateScale? MlpLrScale { get; set; }

    /// <summary>The learning-rate scale of the router weights.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double? RouterLrScale { get; set; }

    /// <summary>The learning-rate scale of the attention weights.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double? AttentionLrScale { get; set; }

    /// <summary>The power of <c>kv_channels</c> that divides the attention scores (0.5 for standard attention, 1 under µP width scaling).</summary>
    [Field(FieldHint.Unknown), Min(0), Finite]
    public partial double AttentionSoftmaxScalePower { get; set; } = 0.5;

    /// <summary>Whether all experts are evaluated together without dropping tokens.</summary>
    [Field(FieldHint.Expert)]
    public partial bool DroplessMoe { get; set; } = true;

    /// <summary>Whether dropless experts use a dynamic shape instead of the worst case (less memory, more synchronisation).</summary>
    [Field(FieldHint.Expert)]
    public partial bool DroplessDynamicShape { get; set; }

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(FfnHiddenSize))
            && context.Product(nameof(FfnHiddenSize), "4 × hidden_size", [4, HiddenSize], nameof(HiddenSize)) is { } ffnHiddenSize)
        {
            FfnHiddenSize = ffnHiddenSize;
        }

        if (!IsSet(nameof(KvChannels)))
        {
            if (NumAttentionHeads > 0 && HiddenSize % NumAttentionHeads == 0)
            {
                KvChannels = HiddenSize / NumAttentionHeads;
            }
            else
            {
                context.Fail(
                    nameof(KvChannels),
                    string.Create(CultureInfo.InvariantCulture, $"hidden_size ({HiddenSize}) is not a multiple of num_attention_heads ({NumAttentionHeads}); set kv_channels explicitly"),
                    nameof(HiddenSize),
                    nameof(NumAttentionHeads));
            }
        }

        if (!IsSet(nameof(ActivationType)))
        {
            ActivationType = Gated ? ActivationType.Silu : ActivationType.Gelu;
        }

        if (!IsSet(nameof(InitMethodStd)) && HiddenSize > 0)
        {
            InitMethodStd = Math.Pow(HiddenSize, -0.5);
        }

        if (!IsSet(nameof(InitMethodStdQkv)))
        {
            InitMethodStdQkv = InitMethodStd;
        }

        if (!IsSet(nameof(InitMethodStdAttnProj)))
        {
            InitMethodStdAttnProj = OutputStd();
        }

        if (!IsSet(nameof(InitMethodStdMlp1)))
        {
            InitMethodStdMlp1 = InitMethodStd;
        }

        if (!IsSet(nameof(InitMethodStdMlp2)))
        {
            InitMethodStdMlp2 = OutputStd();
        }

        DeriveBounds();
    }

    /// <summary>
    /// The std of the output projections. Fast-LLM divides by sqrt(2 × num_layers) and crashes for a model without
    /// layers; with no layer there is nothing to scale, so the unscaled value is used. Computed where it is assigned, so
    /// that the values it reads are recorded as the inputs of that assignment (explain's derived from).
    /// </summary>
    private double OutputStd() => NumLayers > 0 ? InitMethodStd / Math.Sqrt(2.0 * NumLayers) : InitMethodStd;

    private void DeriveBounds()
    {
        if (!IsSet(nameof(InitMethodMaxQkv)))
        {
            InitMethodMaxQkv = InitMethodMax;
        }

        if (!IsSet(nameof(InitMethodMinQkv)))
        {
            InitMethodMinQkv = InitMethodMin;
        }

        if (!IsSet(nameof(InitMethodMaxAttnProj)))
        {
            InitMethodMaxAttnProj = InitMethodMax;
        }

        if (!IsSet(nameof(InitMethodMinAttnProj)))
        {
            InitMethodMinAttnProj = InitMethodMin;
        }

        if (!IsSet(nameof(InitMethodMaxMlp1)))
        {
            InitMethodMaxMlp1 = InitMethodMax;
        }

        if (!IsSet(nameof(InitMethodMinMlp1)))
        {
            InitMethodMinMlp1 = InitMethodMin;
        }

        if (!IsSet(nameof(InitMethodMaxMlp2)))
        {
            InitMethodMaxMlp2 = InitMethodMax;
        }

        if (!IsSet(nameof(InitMethodMinMlp2)))
        {
            InitMethodMinMlp2 = InitMethodMin;
        }
    }

    partial void Validate(ValidationScope scope)
    {
        if (HeadGroups > 0)
        {
            if (NumAttentionHeads % HeadGroups != 0)
            {
                scope.Error(nameof(NumAttentionHeads), Invariant($"must be a multiple of head_groups ({HeadGroups}), got {NumAttentionHeads}"));
            }
        }

        // A kv_channels that could not be derived is already reported. The product is compared in 64 bits: the derived
        // projection_size must be an int, not the wrapped remainder of one.
        var projectionSize = (long)NumAttentionHeads * KvChannels;
        if (KvChannels > 0 && projectionSize <= 0)
        {
            scope.Error(nameof(NumAttentionHeads), Invariant($"num_attention_heads × kv_channels (projection_size) must be > 0, got {NumAttentionHeads} × {KvChannels}"));
        }
        else if (projectionSize > int.MaxValue)
        {
            scope.Error(nameof(NumAttentionHeads), Invariant($"num_attention_heads × kv_channels (projection_size) must be <= {int.MaxValue}, got {NumAttentionHeads} × {KvChannels} = {projectionSize}"));
        }

        if (NumSharedExperts > NumExperts)
        {
            scope.Error(nameof(NumSharedExperts), Invariant($"must be <= num_experts ({NumExperts}), got {NumSharedExperts}"));
        }

        if ((long)NumSharedExperts + NumExpertsPerToken > NumExperts)
        {
            scope.Error(nameof(NumExpertsPerToken), Invariant($"num_shared_experts + num_experts_per_token must be <= num_experts ({NumExperts}), got {NumSharedExperts} + {NumExpertsPerToken}"));
        }

        RequireBounds(scope, InitMethodMin, InitMethodMax, nameof(InitMethodMin), "init_method_max");
        RequireBounds(scope, InitMethodMinQkv, InitMethodMaxQkv, nameof(InitMethodMinQkv), "init_method_max_qkv");
        RequireBounds(scope, InitMethodMinAttnProj, InitMethodMaxAttnProj, nameof(InitMethodMinAttnProj), "init_method_max_attn_proj");
        RequireBounds(scope, InitMethodMinMlp1, InitMethodMaxMlp1, nameof(InitMethodMinMlp1), "init_method_max_mlp_1");
        RequireBounds(scope, InitMethodMinMlp2, InitMethodMaxMlp2, nameof(InitMethodMinMlp2), "init_method_max_mlp_2");

        ValidateMlpLrScale(scope);
    }

    private void ValidateMlpLrScale(ValidationScope scope)
    {
        if (MlpLrScale is not { } scale)
        {
            return;
        }

        if (!scale.IsPerExpert)
        {
            RequireScale(scope, scale.Scale, string.Empty);
            return;
        }

        if (scale.PerExpert.Count != NumExperts)
        {
            scope.Error(nameof(MlpLrScale), Invariant($"must have one entry per expert ({NumExperts}), got {scale.PerExpert.Count}"));
        }

        for (var expert = 0; expert < scale.PerExpert.Count; expert++)
        {
            if (scale.PerExpert[expert] is { } value)
            {
                RequireScale(scope, value, Invariant($"entry {expert} "));
            }
        }
    }

    /// <summary>A learning-rate scale is a finite number >= 0 (DESIGN §7.12): one error for a value that is not.</summary>
    private static void RequireScale(ValidationScope scope, double value, string entry)
    {
        if (!double.IsFinite(value))
        {
            scope.Error(nameof(MlpLrScale), entry + "must be a finite number, got " + ScalarText.FormatDouble(value));
        }
        else if (value < 0)
        {
            scope.Error(nameof(MlpLrScale), entry + Invariant($"must be >= 0, got {value}"));
        }
    }

    private static void RequireBounds(ValidationScope scope, double? minimum, double? maximum, string minimumProperty, string maximumKey)
    {
        if (minimum is { } min && maximum is { } max)
        {
            if (!(min <= max))
            {
                scope.Error(minimumProperty, Invariant($"must be <= {maximumKey} ({max}), got {min}"));
            }
        }
    }

    private static string Invariant(FormattableString message) => FormattableString.Invariant(message);

#pragma warning disable CA1859 // [RenamedFrom] converters have a fixed signature.

    /// <summary>Converts the legacy <c>use_rotary_embeddings</c> boolean to <c>rotary.type</c>.</summary>
    private static ConfigNode? ConvertUseRotaryEmbeddings(ConfigNode old) => old switch
    {
        ConfigScalar { Style: ScalarStyle.Plain, Value: { } text } scalar when ScalarText.TryParseBoolean(text, out var enabled) =>
            ConfigScalar.Plain(enabled ? "default" : "none", scalar.Origin),
        _ => null,
    };

    /// <summary>Converts the legacy <c>rotary_embedding_scale</c> x to <c>rotary.theta</c> = exp(−x).</summary>
    private static ConfigNode? ConvertRotaryEmbeddingScale(ConfigNode old)
    {
        if (old is ConfigScalar { Style: ScalarStyle.Plain, Value: { } text } scalar
            && ScalarText.TryParseDouble(text, out var scale)
            && double.IsFinite(scale))
        {
            return ConfigScalar.Plain(ScalarText.FormatDouble(Math.Exp(-scale)), scalar.Origin);
        }

        return null;
    }

#pragma warning restore CA1859
}
