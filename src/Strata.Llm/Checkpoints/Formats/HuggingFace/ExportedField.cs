namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>An effective value of the exported base model.</summary>
/// <param name="Path">The dotted path under <c>base_model</c>.</param>
/// <param name="Value">The value.</param>
/// <param name="Text">The value as written in a config.</param>
/// <param name="Origin">Where the value came from.</param>
/// <param name="IsArchitecture">Whether the field is part of the architecture.</param>
internal readonly record struct ExportedField(string Path, object? Value, string Text, Origin Origin, bool IsArchitecture);
