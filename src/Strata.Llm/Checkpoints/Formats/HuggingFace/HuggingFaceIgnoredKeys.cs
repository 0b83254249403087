namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>Keys of a <c>config.json</c> that are not imported and why: irrelevant to training, or custom code.</summary>
internal static class HuggingFaceIgnoredKeys
{
    /// <summary>
    /// Keys known to be irrelevant to the model being trained, skipped without a word: token ids (the tokenizer's
    /// business), storage and library details (<c>torch_dtype</c>, <c>transformers_version</c>, <c>_name_or_path</c>),
    /// inference and generation settings (<c>use_cache</c>, <c>max_length</c>, <c>temperature</c>, ...), output switches of
    /// the Python model classes, and task-head labels — the generic attributes of transformers' <c>PretrainedConfig</c>.
    /// <c>model_type</c>, <c>architectures</c> and <c>pretraining_tp</c> are checked separately.
    /// </summary>
    public static IReadOnlySet<string> Irrelevant { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "bos_token_id", "eos_token_id", "pad_token_id", "sep_token_id", "unk_token_id", "decoder_start_token_id",
        "forced_bos_token_id", "forced_eos_token_id", "suppress_tokens", "begin_suppress_tokens",
        "torch_dtype", "dtype", "use_bfloat16", "transformers_version", "_name_or_path", "_commit_hash",
        "_attn_implementation", "_attn_implementation_autoset", "attn_implementation", "tokenizer_class",
        "use_cache", "return_dict", "output_hidden_states", "output_attentions", "output_router_logits", "torchscript",
        "output_scores", "return_dict_in_generate", "chunk_size_feed_forward", "tf_legacy_loss",
        "max_length", "min_length", "do_sample", "early_stopping", "num_beams", "num_beam_groups", "diversity_penalty",
        "temperature", "top_k", "top_p", "typical_p", "repetition_penalty", "length_penalty", "no_repeat_ngram_size",
        "encoder_no_repeat_ngram_size", "bad_words_ids", "num_return_sequences", "remove_invalid_values",
        "exponential_decay_length_penalty",
        "id2label", "label2id", "problem_type", "finetuning_task", "task_specific_params", "prefix",
        "is_decoder", "is_encoder_decoder", "add_cross_attention", "cross_attention_hidden_size", "tie_encoder_decoder",
    };

    /// <summary>Keys that make transformers load custom code: reported, never acted on (rule R15).</summary>
    public static IReadOnlySet<string> CustomCode { get; } = new HashSet<string>(StringComparer.Ordinal) { "auto_map", "custom_pipelines" };
}
