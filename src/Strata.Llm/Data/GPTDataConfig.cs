namespace Strata.Llm.Data;

/// <summary>
/// The data of a GPT training run: the datasets of each phase, and the settings shared by all of them. The legacy fields
/// (<c>split</c>, <c>format</c>, <c>path</c>, <c>fim</c>) describe the datasets generated when <c>datasets</c> is not set.
/// </summary>
[Config]
[RenamedFrom("datasets.Training", "datasets.training")]
[RenamedFrom("datasets.Validation", "datasets.validation")]
[RenamedFrom("datasets.Test", "datasets.test")]
[RenamedFrom("datasets.Inference", "datasets.inference")]
public sealed partial class GPTDataConfig
{
    /// <summary>The phases that get a generated legacy dataset.</summary>
    private static readonly string[] s_legacyPhases = ["training", "validation", "test"];

    /// <summary>The proportions of the training, validation and test phases in the legacy layout.</summary>
    [Field(FieldHint.Deprecated), MaxCount(3), Finite]
    public partial IList<double> Split { get; set; } = [969.0, 30.0, 1.0];

    /// <summary>Where the legacy datasets come from.</summary>
    [Field(FieldHint.Deprecated)]
    public partial LegacyDatasetSource Format { get; set; } = LegacyDatasetSource.List;

    /// <summary>The paths of the legacy datasets (see <see cref="GPTLegacyDatasetConfig.Path"/>); a single string is a one-element list.</summary>
    [Field(FieldHint.Deprecated), ValueType(typeof(StringListValueType))]
    public partial IList<string> Path { get; set; } = [];

    /// <summary>Fill-in-the-middle for the legacy datasets.</summary>
    [Field(FieldHint.Feature)]
    public partial FimConfig Fim { get; set; } = new();

    /// <summary>The default sampling settings of every dataset.</summary>
    [Field(FieldHint.Unknown)]
    public partial GPTSamplingConfig Sampling { get; set; } = new();

    /// <summary>The tokenizer.</summary>
    [Field(FieldHint.Feature)]
    public partial TokenizerConfig Tokenizer { get; set; } = new();

    /// <summary>The dataset of each phase (<c>training</c>, <c>test</c>, or the name of an evaluation); any dataset type.</summary>
    [Field(FieldHint.Core)]
    public partial IDictionary<string, GPTSampledDatasetConfig> Datasets { get; set; } = new Dictionary<string, GPTSampledDatasetConfig>();

    /// <summary>A warning is logged when preparing a sample takes longer than this, in milliseconds.</summary>
    [Field(FieldHint.Feature), GreaterThan(0), Finite]
    public partial double DataSampleWarnTimeMs { get; set; } = 1000.0;

    /// <summary>How the data-loading processes are started.</summary>
    [Field(FieldHint.Expert)]
    public partial MultiprocessingContext MultiprocessingContext { get; set; } = MultiprocessingContext.Spawn;

    /// <summary>Whether documents may be cut at sample boundaries; otherwise a document that does not fit starts a new sample.</summary>
    [Field(FieldHint.Feature)]
    public partial bool TruncateDocuments { get; set; } = true;

    partial void Prepare(PrepareContext context)
    {
        if (IsSet(nameof(Datasets)) || Datasets.Count > 0)
        {
            return;
        }

        context.Warning("data.datasets is not set: using legacy datasets for " + string.Join(", ", s_legacyPhases) + " built from data.split, data.format, data.path and data.fim");
        var datasets = new Dictionary<string, GPTSampledDatasetConfig>(StringComparer.Ordinal);
        foreach (var phase in s_legacyPhases)
        {
            var legacy = new GPTLegacyDatasetConfig
            {
                Split = [.. Split],
                Format = Format,
                Path = [.. Path],
            };
            Fim.CopyTo(legacy.Fim);
            datasets[phase] = legacy;
        }

        Datasets = datasets;
    }
}
