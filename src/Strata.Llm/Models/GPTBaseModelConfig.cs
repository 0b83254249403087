namespace Strata.Llm.Models;

/// <summary>The base model of a GPT: embeddings, transformer layers and language-model head.</summary>
[Config]
[RenamedFrom("match_megatron", "use_megatron_initialization")]
[RenamedFrom("layer_norm_impl", "transformer.normalization.implementation")]
[RemovedKey("fused_mlp", Reason = "the MLP is always fused")]
[RemovedKey("transposed_mlp_weight", Reason = "MLP weights are always transposed")]
public sealed partial class GPTBaseModelConfig
{
    /// <summary>The transformer layers.</summary>
    [Field(FieldHint.Core, Architecture = true)]
    public partial TransformerConfig Transformer { get; set; } = new();

    /// <summary>The longest sequence the absolute position embeddings cover.</summary>
    [Field(FieldHint.Feature, Architecture = true), GreaterThan(0)]
    public partial int MaxPositionEmbeddings { get; set; } = 2048;

    /// <summary>The number of tokens in the vocabulary.</summary>
    [Field(FieldHint.Core, Architecture = true), GreaterThan(0)]
    public partial int VocabSize { get; set; } = 49152;

    /// <summary>Whether learned absolute position embeddings are used.</summary>
    [Field(FieldHint.Feature, Architecture = true), DerivedDefault("true unless rotary embeddings are enabled")]
    public partial bool UsePositionEmbeddings { get; set; }

    /// <summary>Whether the output layer shares the weights of the token embeddings.</summary>
    [Field(FieldHint.Core, Architecture = true)]
    public partial bool TieWordEmbeddings { get; set; } = true;

    /// <summary>The number of next tokens predicted (more than one for multi-token prediction).</summary>
    [Field(FieldHint.Feature, Architecture = true), GreaterThan(0)]
    public partial int PredictionHeads { get; set; } = 1;

    /// <summary>The standard deviation of the embedding initialisation.</summary>
    [Field(FieldHint.Feature), Min(0), DerivedDefault("transformer.init_method_std"), Finite]
    public partial double InitMethodStdEmbed { get; set; }

    /// <summary>The largest initial embedding weight.</summary>
    [Field(FieldHint.Feature), DerivedDefault("transformer.init_method_max"), Finite]
    public partial double? InitMethodMaxEmbed { get; set; }

    /// <summary>The smallest initial embedding weight.</summary>
    [Field(FieldHint.Feature), DerivedDefault("transformer.init_method_min"), Finite]
    public partial double? InitMethodMinEmbed { get; set; }

    /// <summary>The implementation of the cross-entropy loss.</summary>
    [Field(FieldHint.Performance, Name = "cross_entropy_impl")]
    public partial CrossEntropyImplementation CrossEntropyImplementation { get; set; } = CrossEntropyImplementation.Auto;

    /// <summary>The number of chunks the sequence is split into to compute the loss with less memory; unset for no split.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? CrossEntropySplits { get; set; }

    /// <summary>Whether the embeddings are split across tensor-parallel ranks along the vocabulary.</summary>
    [Field(FieldHint.Performance)]
    public partial bool ParallelEmbeddings { get; set; } = true;

    /// <summary>Whether activations are laid out sequence-first; unset picks the layout from the parallelism.</summary>
    [Field(FieldHint.Testing)]
    public partial bool? SequenceFirst { get; set; }

    /// <summary>The weight of the z-loss on the output logits.</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double LogitZLoss { get; set; }

    /// <summary>The factor the output logits are multiplied by (µP scaling).</summary>
    [Field(FieldHint.Feature), Min(0), Finite]
    public partial double LogitsScaleFactor { get; set; } = 1.0;

    /// <summary>Whether weights are initialised exactly as Megatron-LM does (for comparisons); changes the distributed seed shifts.</summary>
    [Field(FieldHint.Testing)]
    public partial bool UseMegatronInitialization { get; set; }

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(UsePositionEmbeddings)))
        {
            UsePositionEmbeddings = !Transformer.Rotary.Enabled;
        }

        if (!IsSet(nameof(InitMethodStdEmbed)))
        {
            InitMethodStdEmbed = Transformer.InitMethodStd;
        }

        if (!IsSet(nameof(InitMethodMaxEmbed)))
        {
            InitMethodMaxEmbed = Transformer.InitMethodMax;
        }

        if (!IsSet(nameof(InitMethodMinEmbed)))
        {
            InitMethodMinEmbed = Transformer.InitMethodMin;
        }
    }

    partial void Validate(ValidationScope scope)
    {
        if (InitMethodMinEmbed is { } min && InitMethodMaxEmbed is { } max)
        {
            if (!(min <= max))
            {
                scope.Error(nameof(InitMethodMinEmbed), FormattableString.Invariant($"must be <= init_method_max_embed ({max}), got {min}"));
            }
        }
    }
}
