using Strata.Llm.Checkpoints.Formats.FastLlm;
using Strata.Llm.Checkpoints.Formats.HuggingFace;
using Strata.Llm.Models;

namespace Strata.Llm.Checkpoints;

/// <summary>
/// Writes the config file of a checkpoint from a resolved model config: <c>metadata.yaml</c> for Fast-LLM's own formats
/// (the explicit values only, rule R3) and <c>config.json</c> for the Hugging Face formats (the format's keys, from the
/// effective values). Files are written with <see cref="OutputFile"/>: replaced atomically (written next to the target,
/// flushed, then renamed over it), never through a directory or a device.
/// </summary>
public static class CheckpointConfigWriter
{
    /// <summary>The text of the checkpoint's config file.</summary>
    /// <param name="model">The model config, resolved.</param>
    /// <param name="format">A checkpoint format name other than <c>auto</c>.</param>
    /// <param name="diagnostics">Receives warnings about values the format leaves out; may be <see langword="null"/>.</param>
    /// <param name="transformersVersion">
    /// For a Hugging Face format, the <c>transformers_version</c> whose form to write and name (<c>rope_parameters</c> from
    /// 5.x; the version the checkpoint was read with: see <see cref="CheckpointConfigReader.ReadModelConfig(CheckpointLoadConfig, BaseLayerContext, out string)"/>); <see langword="null"/> for the 4.x form.
    /// </param>
    /// <exception cref="ConfigException">The model cannot be written in the format (for example an architecture the format cannot express).</exception>
    public static string Write(GPTModelConfig model, string format, ICollection<Diagnostic>? diagnostics = null, string? transformersVersion = null)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(format);
        if (format is GPTCheckpointFormats.FastLlm or GPTCheckpointFormats.Distributed)
        {
            return CheckpointMetadataWriter.Write(model, format);
        }

        var found = new List<Diagnostic>();
        var config = HuggingFaceExporter.Export(model.BaseModel, format, found, transformersVersion);
        foreach (var diagnostic in found)
        {
            diagnostics?.Add(diagnostic);
        }

        return config is null ? throw new ConfigException(found) : ConfigSerializer.ToJson(config);
    }

    /// <summary>Writes the checkpoint's config file into <paramref name="directory"/> (created if needed) and returns its path.</summary>
    /// <param name="model">The model config, resolved.</param>
    /// <param name="directory">The checkpoint directory.</param>
    /// <param name="format">A checkpoint format name other than <c>auto</c>.</param>
    /// <param name="diagnostics">Receives warnings about values the format leaves out; may be <see langword="null"/>.</param>
    /// <param name="transformersVersion">For a Hugging Face format, the <c>transformers_version</c> whose form to write (see <see cref="Write"/>).</param>
    /// <exception cref="ConfigException">The model cannot be written in the format.</exception>
    /// <exception cref="OutputFileException">The directory or the file cannot be written (the message says why); nothing was replaced.</exception>
    public static string Save(GPTModelConfig model, string directory, string format, ICollection<Diagnostic>? diagnostics = null, string? transformersVersion = null)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var text = Write(model, format, diagnostics, transformersVersion);
        var fileName = CheckpointConfigReader.ConfigFileName(format)
            ?? throw new ArgumentException("'" + format + "' is not a checkpoint format of GPT models.", nameof(format));
        OutputFile.CreateDirectory(directory);
        var target = Path.Combine(directory, fileName);
        OutputFile.WriteAllText(target, text);
        return target;
    }
}
