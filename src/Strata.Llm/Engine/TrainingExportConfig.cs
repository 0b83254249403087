using Strata.Llm.Checkpoints;

namespace Strata.Llm.Engine;

/// <summary>The exports of the model during training, in any checkpoint format (for example a Hugging Face format).</summary>
[Config]
public sealed partial class TrainingExportConfig : IIntervalConfig
{
    /// <summary>The checkpoint format of the exports.</summary>
    [Field(FieldHint.Core)]
    [OneOf(GPTCheckpointFormats.Distributed, GPTCheckpointFormats.FastLlm, GPTCheckpointFormats.Auto, GPTCheckpointFormats.Starcoder2, GPTCheckpointFormats.Llama, GPTCheckpointFormats.Qwen2, GPTCheckpointFormats.Mistral, GPTCheckpointFormats.Mixtral, GPTCheckpointFormats.MtpLlama)]
    public partial string Format { get; set; } = GPTCheckpointFormats.FastLlm;

    /// <summary>Whether the weights are exported.</summary>
    [Field(FieldHint.Feature)]
    public partial bool ModelWeights { get; set; } = true;

    /// <summary>Whether the optimizer state is exported; only Fast-LLM's own formats can hold it.</summary>
    [Field(FieldHint.Feature), DerivedDefault("whether the format supports the optimizer state")]
    public partial bool OptimizerState { get; set; }

    /// <summary>The largest number of parameters in one weight file.</summary>
    [Field(FieldHint.Feature), Min(1048576)]
    public partial long ParametersPerFile { get; set; } = 4294967296;

    /// <summary>The data type of the exported weights; unset keeps the training data type.</summary>
    [Field(FieldHint.Feature)]
    public partial DataType? DataType { get; set; }

    /// <summary>The number of training iterations between two exports; unset disables them.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? Interval { get; set; }

    /// <summary>The iteration of the first export, modulo the interval.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial int Offset { get; set; }

    /// <summary>The command run after each export.</summary>
    [Field(FieldHint.Core)]
    public partial CallbackConfig Callback { get; set; } = new();

    /// <summary>The number of most recent exports kept; older ones are deleted. Unset keeps all of them.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? Keep { get; set; }

    /// <summary>Every n-th export is kept for good and not counted in <c>keep</c>.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? KeepEvery { get; set; }

    /// <summary>Whether the interval is enabled.</summary>
    public bool Enabled => Intervals.IsEnabled(Interval);

    partial void Derive(DeriveContext context)
    {
        if (!IsSet(nameof(OptimizerState)))
        {
            OptimizerState = GPTCheckpointFormats.SupportsOptimizerState(Format);
        }
    }

    partial void Validate(ValidationScope scope)
    {
        if (OptimizerState && !GPTCheckpointFormats.SupportsOptimizerState(Format))
        {
            scope.Error(nameof(OptimizerState), "the " + Format + " format cannot hold the optimizer state");
        }

        Intervals.WarnLargeOffset(scope, this, nameof(Offset));
    }
}
