using Strata.Llm.Engine;

namespace Strata.Llm.Checkpoints;

/// <summary>A checkpoint to write: where, in which format, and what it holds (the output of a conversion, or a save made by the trainer).</summary>
[Config]
public sealed partial class CheckpointSaveConfig
{
    /// <summary>The checkpoint format.</summary>
    [Field(FieldHint.Core)]
    [OneOf(GPTCheckpointFormats.Distributed, GPTCheckpointFormats.FastLlm, GPTCheckpointFormats.Auto, GPTCheckpointFormats.Starcoder2, GPTCheckpointFormats.Llama, GPTCheckpointFormats.Qwen2, GPTCheckpointFormats.Mistral, GPTCheckpointFormats.Mixtral, GPTCheckpointFormats.MtpLlama)]
    public partial string Format { get; set; } = GPTCheckpointFormats.FastLlm;

    /// <summary>Whether the weights are saved.</summary>
    [Field(FieldHint.Feature)]
    public partial bool ModelWeights { get; set; } = true;

    /// <summary>Whether the optimizer state is saved; only Fast-LLM's own formats can hold it.</summary>
    [Field(FieldHint.Feature), DerivedDefault("whether the format supports the optimizer state")]
    public partial bool OptimizerState { get; set; }

    /// <summary>The largest number of parameters in one weight file.</summary>
    [Field(FieldHint.Feature), Min(1048576)]
    public partial long ParametersPerFile { get; set; } = 4294967296;

    /// <summary>The data type of the saved weights; unset keeps the training data type.</summary>
    [Field(FieldHint.Feature)]
    public partial DataType? DataType { get; set; }

    /// <summary>The checkpoint directory.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath? Path { get; set; }

    /// <summary>The timeout of the saving, in seconds; unset for none.</summary>
    [Field(FieldHint.Optional), GreaterThan(0), Finite]
    public partial double? Timeout { get; set; }

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
    }
}
