namespace Strata.Llm.Checkpoints;

/// <summary>The checkpoint formats of GPT models, by name, and what each supports.</summary>
public static class GPTCheckpointFormats
{
    /// <summary>Fast-LLM's own sharded format, one file per rank, with the optimizer state.</summary>
    public const string Distributed = "distributed";

    /// <summary>Fast-LLM's own format: the weights in safetensors files and a <c>metadata.yaml</c>.</summary>
    public const string FastLlm = "fast_llm";

    /// <summary>A Hugging Face checkpoint whose format is picked from its <c>model_type</c>.</summary>
    public const string Auto = "auto";

    /// <summary>A Hugging Face Starcoder2 checkpoint.</summary>
    public const string Starcoder2 = "starcoder2";

    /// <summary>A Hugging Face Llama checkpoint.</summary>
    public const string Llama = "llama";

    /// <summary>A Hugging Face Qwen2 checkpoint.</summary>
    public const string Qwen2 = "qwen2";

    /// <summary>A Hugging Face Mistral checkpoint.</summary>
    public const string Mistral = "mistral";

    /// <summary>A Hugging Face Mixtral checkpoint.</summary>
    public const string Mixtral = "mixtral";

    /// <summary>A multi-token-prediction Llama checkpoint (custom Hugging Face code).</summary>
    public const string MtpLlama = "mtp_llama";

    /// <summary>The name of the GPT model in checkpoint metadata.</summary>
    public const string ModelName = "gpt";

    /// <summary>Every format name, in Fast-LLM's order.</summary>
    public static IReadOnlyList<string> Names { get; } =
        [Distributed, FastLlm, Auto, Starcoder2, Llama, Qwen2, Mistral, Mixtral, MtpLlama];

    /// <summary>Whether <paramref name="format"/> names a GPT checkpoint format.</summary>
    /// <param name="format">A format name.</param>
    public static bool IsKnown(string? format) => format is not null && Contains(Names, format);

    /// <summary>Whether <paramref name="names"/> holds <paramref name="name"/> (ordinal).</summary>
    internal static bool Contains(IReadOnlyList<string> names, string name)
    {
        foreach (var known in names)
        {
            if (string.Equals(known, name, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>Whether the format can hold the optimizer state (only Fast-LLM's own formats can).</summary>
    /// <param name="format">A format name.</param>
    public static bool SupportsOptimizerState(string? format) => format is Distributed or FastLlm;

    /// <summary>Whether loading the format requires the architecture of the loaded config to match (so <c>load_config</c> must not be <c>none</c>).</summary>
    /// <param name="format">A format name.</param>
    public static bool EnforcesArchitectureMatch(string? format) => format is Distributed;

    /// <summary>Whether the format is a Hugging Face format.</summary>
    /// <param name="format">A format name.</param>
    public static bool IsHuggingFace(string? format) => IsKnown(format) && format is not (Distributed or FastLlm);

    /// <summary>Whether the format needs custom model code on the Hugging Face side (never run by Strata, rule R15).</summary>
    /// <param name="format">A format name.</param>
    public static bool NeedsRemoteCode(string? format) => format is MtpLlama;
}
