namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>
/// The diagnostic codes of the weights check, next to the engine's <see cref="DiagnosticCodes"/> (whose checkpoint codes
/// end at <c>STR0125</c>). A missing weights directory or file is <see cref="DiagnosticCodes.CheckpointInvalid"/>.
/// </summary>
public static class WeightsDiagnosticCodes
{
    /// <summary>
    /// STR0126: a safetensors file or shard index cannot be read: a header length past the file or over the limit, a
    /// header that is not the JSON the format describes, an unknown <c>dtype</c>, data offsets out of range, overlapping
    /// or leaving holes.
    /// </summary>
    public const string WeightsInvalid = "STR0126";

    /// <summary>STR0127: the weights do not fit the config: a tensor is missing, unexpected, or its shape differs.</summary>
    public const string WeightsMismatch = "STR0127";
}
