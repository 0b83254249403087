using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>A Hugging Face checkpoint format: its name, the <c>model_type</c> and architecture it writes, and its converters.</summary>
internal sealed class HuggingFaceFormat
{
    public HuggingFaceFormat(string name, string architecture, IReadOnlyList<HuggingFaceConverter> converters, ConfigMap? autoMap = null)
    {
        Name = name;
        Architecture = architecture;
        Converters = converters;
        AutoMap = autoMap;
    }

    /// <summary>The format name, which is also the <c>model_type</c> of its configs.</summary>
    public string Name { get; }

    /// <summary>The <c>model_type</c> of its configs.</summary>
    public string ModelType => Name;

    /// <summary>The model class named in <c>architectures</c>.</summary>
    public string Architecture { get; }

    /// <summary>The correspondences between <c>config.json</c> keys and base-model fields.</summary>
    public IReadOnlyList<HuggingFaceConverter> Converters { get; }

    /// <summary>
    /// The <c>auto_map</c> the format writes when its model needs custom code on the Hugging Face side, or
    /// <see langword="null"/>. Strata writes it for other tools and never acts on it (rule R15).
    /// </summary>
    public ConfigMap? AutoMap { get; }
}
