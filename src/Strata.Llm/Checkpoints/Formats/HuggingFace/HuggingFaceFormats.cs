using Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;
using Strata.Llm.Models;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>
/// The Hugging Face formats of GPT models and their converters: the tables of Fast-LLM's <c>conversion.py</c>, plus every
/// key that has a meaning here (Fast-LLM issue #166), each with the value transformers gives it when a <c>config.json</c>
/// leaves it out.
/// </summary>
internal static class HuggingFaceFormats
{
    private const HuggingFaceValueKind Integer = HuggingFaceValueKind.Integer;
    private const HuggingFaceValueKind NullableInteger = HuggingFaceValueKind.NullableInteger;
    private const HuggingFaceValueKind Number = HuggingFaceValueKind.Number;
    private const HuggingFaceValueKind Boolean = HuggingFaceValueKind.Boolean;

    /// <summary>
    /// The defaults of absent keys, one row per format: the <c>__init__</c> defaults of the transformers configuration
    /// classes of the 4.3x–4.4x versions that wrote the published configs — <c>LlamaConfig</c>, <c>MistralConfig</c>,
    /// <c>MixtralConfig</c>, <c>Qwen2Config</c>, <c>Starcoder2Config</c> — and Fast-LLM's <c>MTPLlamaConfig</c> (a
    /// <c>LlamaConfig</c> with <c>prediction_heads</c>). <c>=num_attention_heads</c> is transformers' fallback of
    /// <c>num_key_value_heads=None</c>. <c>tie_word_embeddings</c> is the <c>PretrainedConfig</c> default (true) unless the
    /// class overrides it (false for all but Starcoder2).
    /// </summary>
    private static readonly Defaults s_llama = new("32000", "4096", "11008", "32", "32", "=num_attention_heads", "silu", "2048", "0.02", "1e-06", "10000.0", "false");
    private static readonly Defaults s_mistral = new("32000", "4096", "14336", "32", "32", "8", "silu", "131072", "0.02", "1e-06", "10000.0", "false");
    private static readonly Defaults s_mixtral = new("32000", "4096", "14336", "32", "32", "8", "silu", "131072", "0.02", "1e-05", "1000000.0", "false");
    private static readonly Defaults s_qwen2 = new("151936", "4096", "22016", "32", "32", "32", "silu", "32768", "0.02", "1e-06", "10000.0", "false");
    private static readonly Defaults s_starcoder2 = new("49152", "3072", "12288", "30", "24", "2", "gelu_pytorch_tanh", "4096", "0.018042", "1e-05", "10000.0", "true");

    /// <summary>Every Hugging Face format except <c>auto</c>, by name.</summary>
    public static IReadOnlyDictionary<string, HuggingFaceFormat> All { get; } = new Dictionary<string, HuggingFaceFormat>(StringComparer.Ordinal)
    {
        [GPTCheckpointFormats.Llama] = Llama(GPTCheckpointFormats.Llama, "LlamaForCausalLM", s_llama, multiToken: false),
        [GPTCheckpointFormats.MtpLlama] = Llama(GPTCheckpointFormats.MtpLlama, "MTPLlamaForCausalLM", s_llama, multiToken: true),
        [GPTCheckpointFormats.Mistral] = Mistral(),
        [GPTCheckpointFormats.Mixtral] = Mixtral(),
        [GPTCheckpointFormats.Qwen2] = Qwen2(),
        [GPTCheckpointFormats.Starcoder2] = Starcoder2(),
    };

    /// <summary>The format of a name, or <see langword="null"/>.</summary>
    public static HuggingFaceFormat? Find(string name) => All.GetValueOrDefault(name);

    private static HuggingFaceFormat Llama(string name, string architecture, Defaults defaults, bool multiToken)
    {
        List<HuggingFaceConverter> converters =
        [
            .. Common(defaults, multiToken ? null : "1"),
            .. RmsNormalization(defaults),
            HeadDim(),
            new LinearBiasConverter(("attention_bias", "false"), ("mlp_bias", "false")),
            DenseMlp(),
            NoWindow(),
            NoHiddenDropout(),
            new LayerTypesConverter(windowed: false),
        ];
        if (multiToken)
        {
            converters.Add(new RenameConverter("prediction_heads", "prediction_heads", Integer, "1"));
        }

        var autoMap = multiToken
            ? new ConfigMap(
                [
                    Entry("AutoConfig", "configuration_mtp_llama.MTPLlamaConfig"),
                    Entry("AutoModel", "modeling_mtp_llama.MTPLlamaModel"),
                    Entry("AutoModelForCausalLM", "modeling_mtp_llama.MTPLlamaForCausalLM"),
                ],
                Origin.Code)
            : null;
        return new HuggingFaceFormat(name, architecture, converters, autoMap);
    }

    private static HuggingFaceFormat Mistral() => new(
        GPTCheckpointFormats.Mistral,
        "MistralForCausalLM",
        [
            .. Common(s_mistral, "1"),
            .. RmsNormalization(s_mistral),
            HeadDim(),
            NoBiases(),
            DenseMlp(),
            new RenameConverter("sliding_window", "transformer.window_size", NullableInteger, "4096"),
            WindowOnEveryLayer(),
            NoHiddenDropout(),
            new LayerTypesConverter(windowed: true),
        ]);

    private static HuggingFaceFormat Mixtral() => new(
        GPTCheckpointFormats.Mixtral,
        "MixtralForCausalLM",
        [
            .. Common(s_mixtral, "1"),
            .. RmsNormalization(s_mixtral),
            HeadDim(),
            NoBiases(),
            new RenameConverter("num_local_experts", "transformer.num_experts", Integer, "8"),
            new RenameConverter("num_experts_per_tok", "transformer.num_experts_per_token", Integer, "2"),
            new ConstantConverter("transformer.expert_routing_type", "aux_loss", static v => v is RoutingType.AuxLoss, "top-k routing with an auxiliary loss (aux_loss)"),
            new RenameConverter("router_aux_loss_coef", "transformer.expert_auxiliary_loss_coefficient", Number, "0.001"),
            new RenameConverter("router_jitter_noise", "transformer.moe_jitter_eps", Number, "0.0"),
            new RenameConverter("sliding_window", "transformer.window_size", NullableInteger, "null"),
            WindowOnEveryLayer(),
            NoHiddenDropout(),
            new LayerTypesConverter(windowed: true),
        ]);

    private static HuggingFaceFormat Qwen2() => new(
        GPTCheckpointFormats.Qwen2,
        "Qwen2ForCausalLM",
        [
            .. Common(s_qwen2, "1"),
            .. RmsNormalization(s_qwen2),
            DerivedHeadSize(),
            new ConstantConverter(
                "transformer.add_linear_biases",
                "only_attn_qkv",
                static v => v is AddLinearBias { AddAttentionQkvBias: true, AddAttentionDenseBias: false, AddMlpBias: false },
                "biases on the query, key and value projections only (only_attn_qkv)"),
            DenseMlp(),
            new Qwen2SlidingWindowConverter(),
            new RenameConverter("max_window_layers", "transformer.max_window_layers", NullableInteger, "28"),
            NoHiddenDropout(),
            new LayerTypesConverter(windowed: true),
        ]);

    private static HuggingFaceFormat Starcoder2() => new(
        GPTCheckpointFormats.Starcoder2,
        "Starcoder2ForCausalLM",
        [
            .. Common(s_starcoder2, "1"),
            new ConstantConverter("transformer.normalization.type", "layer_norm", static v => v is NormalizationType.LayerNorm, "layer normalization (layer_norm)"),
            new RenameConverter("norm_epsilon", "transformer.normalization.epsilon", Number, s_starcoder2.NormEpsilon),
            new ConstantConverter("transformer.gated", "false", static v => v is false, "a non-gated MLP"),
            DerivedHeadSize(),
            new LinearBiasConverter(("use_bias", "true")),
            DenseMlp(),
            new RenameConverter("sliding_window", "transformer.window_size", NullableInteger, "null"),
            WindowOnEveryLayer(),
            new DropoutConverter(),
            new LayerTypesConverter(windowed: true),
        ]);

    /// <summary>The keys every format has.</summary>
    private static List<HuggingFaceConverter> Common(Defaults d, string? predictionHeads)
    {
        List<HuggingFaceConverter> converters =
        [
            new RenameConverter("vocab_size", "vocab_size", Integer, d.VocabSize),
            new RenameConverter("hidden_size", "transformer.hidden_size", Integer, d.HiddenSize),
            new RenameConverter("intermediate_size", "transformer.ffn_hidden_size", Integer, d.IntermediateSize),
            new RenameConverter("num_hidden_layers", "transformer.num_layers", Integer, d.NumHiddenLayers),
            new RenameConverter("num_attention_heads", "transformer.num_attention_heads", Integer, d.NumAttentionHeads),
            new RenameConverter("num_key_value_heads", "transformer.head_groups", NullableInteger, d.NumKeyValueHeads, RenameConverter.NullMeans.Fallback),
            new MappedConverter(
                "hidden_act",
                "transformer.activation_type",
                d.HiddenAct,
                ("gelu_pytorch_tanh", "gelu"),
                ("silu", "silu"),
                ("relu", "relu"),
                ("relu2", "squared_relu")),
            new RenameConverter("max_position_embeddings", "max_position_embeddings", Integer, d.MaxPositionEmbeddings),
            new RenameConverter("initializer_range", "transformer.init_method_std", Number, d.InitializerRange),
            new RenameConverter("attention_dropout", "transformer.attention_dropout", Number, "0.0"),
            new RopeConverter(d.RopeTheta, d.MaxPositionEmbeddings),
            new RenameConverter("tie_word_embeddings", "tie_word_embeddings", Boolean, d.TieWordEmbeddings),
            new ConstantConverter("use_position_embeddings", "false", static v => v is false, "no absolute position embeddings"),
            new ConstantConverter("transformer.num_shared_experts", "0", static v => v is 0, "no shared experts"),
            new ConstantConverter("transformer.normalization.zero_centered", "false", static v => v is false, "normalization weights that are not zero-centered"),
        ];
        if (predictionHeads is not null)
        {
            converters.Add(new ConstantConverter("prediction_heads", "1", static v => v is 1, "a single prediction head"));
        }

        return converters;
    }

    private static HuggingFaceConverter[] RmsNormalization(Defaults d) =>
    [
        new ConstantConverter("transformer.normalization.type", "rms_norm", static v => v is NormalizationType.RmsNorm, "RMS normalization (rms_norm)"),
        new RenameConverter("rms_norm_eps", "transformer.normalization.epsilon", Number, d.NormEpsilon),
        new ConstantConverter("transformer.gated", "true", static v => v is true, "a gated MLP"),
    ];

    /// <summary><c>head_dim</c> ↔ <c>kv_channels</c>; an absent or null <c>head_dim</c> leaves kv_channels to its derived default, as transformers does.</summary>
    private static RenameConverter HeadDim() => new("head_dim", "transformer.kv_channels", NullableInteger, null, RenameConverter.NullMeans.Unset);

    /// <summary>For formats without <c>head_dim</c>: the head size must be hidden_size / num_attention_heads.</summary>
    private static ConstantConverter DerivedHeadSize() => new(
        "transformer.kv_channels",
        null,
        static (v, m) => v is int size && (long)size * m.Transformer.NumAttentionHeads == m.Transformer.HiddenSize,
        "heads of hidden_size / num_attention_heads");

    private static ConstantConverter NoBiases() => new(
        "transformer.add_linear_biases",
        "false",
        static v => v is AddLinearBias { AddAttentionQkvBias: false, AddAttentionDenseBias: false, AddMlpBias: false },
        "no linear biases");

    private static ConstantConverter DenseMlp() => new("transformer.num_experts", "1", static v => v is 1, "a dense MLP (one expert)");

    private static ConstantConverter NoWindow() => new("transformer.window_size", "null", static v => v is null, "full attention (no sliding window)");

    private static ConstantConverter WindowOnEveryLayer() => new("transformer.max_window_layers", "null", static v => v is null, "the sliding window on every layer");

    private static ConstantConverter NoHiddenDropout() => new("transformer.hidden_dropout", "0.0", static v => v is 0.0, "no dropout on the residual branches");

    private static ConfigMapEntry Entry(string key, string value) => new(key, Origin.Code, ConfigScalar.Quoted(value, Origin.Code));

    /// <summary>The transformers defaults of the keys every format has, as JSON literals.</summary>
    private sealed record Defaults(
        string VocabSize,
        string HiddenSize,
        string IntermediateSize,
        string NumHiddenLayers,
        string NumAttentionHeads,
        string NumKeyValueHeads,
        string HiddenAct,
        string MaxPositionEmbeddings,
        string InitializerRange,
        string NormEpsilon,
        string RopeTheta,
        string TieWordEmbeddings);
}
