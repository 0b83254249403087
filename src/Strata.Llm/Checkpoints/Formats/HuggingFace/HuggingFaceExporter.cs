using Strata.Llm.Models;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>
/// Exports a resolved base model to the keys of a Hugging Face format's <c>config.json</c>, sorted as transformers writes
/// them. Values the format cannot express are errors for architecture fields and warnings (left out) otherwise.
/// </summary>
internal static class HuggingFaceExporter
{
    /// <summary>The <c>config.json</c> object, or <see langword="null"/> after reporting why the model cannot be written in the format.</summary>
    /// <param name="model">The base model, resolved (derived values are written too).</param>
    /// <param name="format">A Hugging Face format name (not <c>auto</c>).</param>
    /// <param name="diagnostics">Where problems go.</param>
    /// <param name="transformersVersion">
    /// The <c>transformers_version</c> whose form to write (and which the file then names), as a checkpoint that was read
    /// names it; <see langword="null"/> for the 4.x form without the key.
    /// </param>
    public static ConfigMap? Export(GPTBaseModelConfig model, string format, ICollection<Diagnostic> diagnostics, string? transformersVersion = null)
    {
        if (HuggingFaceFormats.Find(format) is not { } chosen)
        {
            diagnostics.Add(new Diagnostic(
                DiagnosticSeverity.Error,
                DiagnosticCodes.ConfigRule,
                string.Empty,
                null,
                format == GPTCheckpointFormats.Auto
                    ? "the auto format picks a format when reading; name the format to write (" + string.Join(", ", HuggingFaceFormats.All.Keys) + ")"
                    : MessageText.Quoted(format) + " is not a Hugging Face checkpoint format (" + string.Join(", ", HuggingFaceFormats.All.Keys) + ")"));
            return null;
        }

        var context = new HuggingFaceExportContext(model, chosen, transformersVersion, diagnostics);
        context.Write("model_type", chosen.ModelType);
        if (transformersVersion is not null)
        {
            context.Write("transformers_version", transformersVersion);
        }

        context.Write("architectures", new ConfigSequence([ConfigScalar.Quoted(chosen.Architecture, Origin.Code)], Origin.Code));
        if (chosen.AutoMap is { } autoMap)
        {
            context.Write("auto_map", autoMap);
        }

        foreach (var converter in chosen.Converters)
        {
            converter.Export(context);
        }

        return context.HasErrors ? null : context.Build();
    }
}
