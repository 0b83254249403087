using System.Runtime.CompilerServices;

namespace Strata.Llm.Models;

/// <summary>
/// The model architectures shipped as presets of <see cref="GPTModelConfig"/> (<c>strata presets gpt-model</c>;
/// <c>include: [preset:llama-3-8b]</c> in a file, <c>model=@preset:llama-3-8b</c> on the command line): each is the
/// architecture that importing the Hugging Face <c>config.json</c> of the named checkpoint gives (the fixtures under
/// <c>tests/Strata.Llm.Tests/TestData/Checkpoints</c>; a test checks each preset against its import).
/// </summary>
internal static class ModelPresets
{
    /// <summary>Registers the presets when the assembly loads, so that they exist before any config is resolved.</summary>
    /// <remarks>It allocates a few objects and reads nothing: the texts are parsed only when a preset is used.</remarks>
    [ModuleInitializer]
    [System.Diagnostics.CodeAnalysis.SuppressMessage("Usage", "CA2255:The 'ModuleInitializer' attribute should not be used in libraries", Justification = "Presets must be registered before the first resolve of any config of the family, whichever type is touched first; registration is a few allocations.")]
    internal static void Register()
    {
        ConfigPresets.Register(new ConfigPreset(
            "llama-3-8b",
            typeof(GPTModelConfig),
            """
            base_model:
              transformer:
                normalization:
                  type: rms_norm
                  epsilon: 1.0e-05
                num_layers: 32
                hidden_size: 4096
                num_attention_heads: 32
                head_groups: 8
                add_linear_biases: false
                ffn_hidden_size: 14336
                rotary:
                  type: default
                  theta: 500000.0
                gated: true
                activation_type: silu
                init_method_std: 0.02
                attention_dropout: 0.0
              max_position_embeddings: 8192
              vocab_size: 128256
              use_position_embeddings: false
              tie_word_embeddings: false
            """,
            "Llama 3 8B architecture, as imported from meta-llama/Meta-Llama-3-8B (config.json)"));
        ConfigPresets.Register(new ConfigPreset(
            "llama-3.1-8b",
            typeof(GPTModelConfig),
            """
            base_model:
              transformer:
                normalization:
                  type: rms_norm
                  epsilon: 1.0e-05
                num_layers: 32
                hidden_size: 4096
                num_attention_heads: 32
                head_groups: 8
                add_linear_biases: false
                ffn_hidden_size: 14336
                rotary:
                  type: llama3
                  theta: 500000.0
                  scale_factor: 8.0
                  low_frequency_factor: 1.0
                  high_frequency_factor: 4.0
                  original_context_length: 8192
                gated: true
                activation_type: silu
                init_method_std: 0.02
                attention_dropout: 0.0
              max_position_embeddings: 131072
              vocab_size: 128256
              use_position_embeddings: false
              tie_word_embeddings: false
            """,
            "Llama 3.1 8B architecture, as imported from meta-llama/Llama-3.1-8B (config.json)"));
        ConfigPresets.Register(new ConfigPreset(
            "mistral-7b",
            typeof(GPTModelConfig),
            """
            base_model:
              transformer:
                normalization:
                  type: rms_norm
                  epsilon: 1.0e-05
                num_layers: 32
                hidden_size: 4096
                num_attention_heads: 32
                head_groups: 8
                add_linear_biases: false
                ffn_hidden_size: 14336
                rotary:
                  type: default
                  theta: 10000.0
                gated: true
                activation_type: silu
                init_method_std: 0.02
                attention_dropout: 0.0
                window_size: 4096
              max_position_embeddings: 32768
              vocab_size: 32000
              use_position_embeddings: false
              tie_word_embeddings: false
            """,
            "Mistral 7B v0.1 architecture, as imported from mistralai/Mistral-7B-v0.1 (config.json)"));
        ConfigPresets.Register(new ConfigPreset(
            "mixtral-8x7b",
            typeof(GPTModelConfig),
            """
            base_model:
              transformer:
                normalization:
                  type: rms_norm
                  epsilon: 1.0e-05
                num_layers: 32
                hidden_size: 4096
                num_attention_heads: 32
                head_groups: 8
                add_linear_biases: false
                ffn_hidden_size: 14336
                rotary:
                  type: default
                  theta: 1000000.0
                gated: true
                activation_type: silu
                num_experts: 8
                num_experts_per_token: 2
                expert_routing_type: aux_loss
                init_method_std: 0.02
                attention_dropout: 0.0
                window_size: null
                expert_auxiliary_loss_coefficient: 0.02
                moe_jitter_eps: 0.0
              max_position_embeddings: 32768
              vocab_size: 32000
              use_position_embeddings: false
              tie_word_embeddings: false
            """,
            "Mixtral 8x7B v0.1 architecture, as imported from mistralai/Mixtral-8x7B-v0.1 (config.json)"));
        ConfigPresets.Register(new ConfigPreset(
            "qwen2-7b",
            typeof(GPTModelConfig),
            """
            base_model:
              transformer:
                normalization:
                  type: rms_norm
                  epsilon: 1.0e-06
                num_layers: 28
                hidden_size: 3584
                num_attention_heads: 28
                head_groups: 4
                add_linear_biases: only_attn_qkv
                ffn_hidden_size: 18944
                rotary:
                  type: default
                  theta: 1000000.0
                gated: true
                activation_type: silu
                init_method_std: 0.02
                attention_dropout: 0.0
                window_size: null
                max_window_layers: 28
              max_position_embeddings: 131072
              vocab_size: 152064
              use_position_embeddings: false
              tie_word_embeddings: false
            """,
            "Qwen2 7B architecture, as imported from Qwen/Qwen2-7B (config.json)"));
        ConfigPresets.Register(new ConfigPreset(
            "starcoder2-7b",
            typeof(GPTModelConfig),
            """
            base_model:
              transformer:
                normalization:
                  type: layer_norm
                  epsilon: 1.0e-05
                num_layers: 32
                hidden_size: 4608
                num_attention_heads: 36
                head_groups: 4
                add_linear_biases: true
                ffn_hidden_size: 18432
                rotary:
                  type: default
                  theta: 1000000.0
                gated: false
                activation_type: gelu
                init_method_std: 0.018042
                attention_dropout: 0.1
                hidden_dropout: 0.1
                window_size: 4096
              max_position_embeddings: 16384
              vocab_size: 49152
              use_position_embeddings: false
              tie_word_embeddings: true
            """,
            "StarCoder2 7B architecture, as imported from bigcode/starcoder2-7b (config.json)"));
    }
}
