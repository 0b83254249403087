using Strata.Llm.Checkpoints.Formats.FastLlm;
using Strata.Llm.Checkpoints.Formats.HuggingFace;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Llm.Checkpoints;

/// <summary>
/// The built-in reader of checkpoint configs, used by the pretrained sections when a resolution is given no other
/// <see cref="ICheckpointConfigReader"/>: <c>metadata.yaml</c> for Fast-LLM's own formats (<c>fast_llm</c>,
/// <c>distributed</c>) and <c>config.json</c> for the Hugging Face formats (<c>llama</c>, <c>mistral</c>, <c>mixtral</c>,
/// <c>qwen2</c>, <c>starcoder2</c>, <c>mtp_llama</c>, and <c>auto</c>, which picks one by <c>model_type</c>). Problems are
/// diagnostics with their place, never exceptions.
/// </summary>
public sealed class CheckpointConfigReader : ICheckpointConfigReader
{
    /// <summary>The reader used by default: relative checkpoint paths are relative to the working directory.</summary>
    public static CheckpointConfigReader Default { get; } = new();

    /// <summary>
    /// The directory that relative checkpoint paths are relative to; <see langword="null"/> (the default) for the working
    /// directory, as in Fast-LLM. Programs that resolve configs for another folder (tests, services) set it instead of
    /// changing the process's working directory.
    /// </summary>
    public string? BaseDirectory { get; init; }

    /// <inheritdoc />
    public ConfigMap? ReadModelConfig(CheckpointLoadConfig pretrained, BaseLayerContext context) => ReadModelConfig(pretrained, context, out _);

    /// <summary>
    /// Reads the checkpoint's model config as <see cref="ReadModelConfig(CheckpointLoadConfig, BaseLayerContext)"/> does, and
    /// hands on the <c>transformers_version</c> of the same reading of its <c>config.json</c> (<c>4.43.0.dev0</c>,
    /// <c>5.0.0</c>), so that a conversion writes the form that version reads (<c>rope_parameters</c> from 5.x) from the
    /// very file it converted. The version is <see langword="null"/> for Fast-LLM's formats, a file that cannot be used,
    /// or a key that is absent or not a version (digits, then dot-separated parts of letters and digits, at most 32 characters).
    /// </summary>
    /// <param name="pretrained">The pretrained section: path, format and what to load.</param>
    /// <param name="context">The base layer context of the pretrained section's config (limits, diagnostics).</param>
    /// <param name="transformersVersion">The <c>transformers_version</c> of the file read, or <see langword="null"/>.</param>
    /// <returns>The model config tree, or <see langword="null"/> after reporting why the checkpoint cannot be read.</returns>
    public ConfigMap? ReadModelConfig(CheckpointLoadConfig pretrained, BaseLayerContext context, out string? transformersVersion)
    {
        transformersVersion = null;
        ArgumentNullException.ThrowIfNull(pretrained);
        ArgumentNullException.ThrowIfNull(context);

        // A format problem is placed at the format value when a user wrote one; the default and program code have no place.
        var formatSet = pretrained.IsSet(nameof(CheckpointLoadConfig.Format));
        var formatAt = formatSet && pretrained.GetOrigin(nameof(CheckpointLoadConfig.Format)) is { Kind: not OriginKind.Code } origin ? origin : null;
        var scope = new CheckpointReadScope(pretrained.ConfigPath, pretrained.GetOrigin(nameof(CheckpointLoadConfig.Path)), context.Limits, context.Report, formatAt);
        if (pretrained.Path is not { } path)
        {
            scope.PathInvalid("no checkpoint path is set");
            return null;
        }

        // A name that is not a GPT format breaks the field's own rule, which validation reports at the value: one error.
        if (!GPTCheckpointFormats.IsKnown(pretrained.Format))
        {
            return null;
        }

        var config = Read(path, pretrained.Format, formatSet, scope);
        transformersVersion = scope.TransformersVersion;
        return config;
    }

    /// <summary>
    /// Reads the model config of a checkpoint outside a resolution: a tree with the keys of a GPT model config
    /// (<c>base_model</c>, and <c>multi_stage</c> and <c>distributed</c> for Fast-LLM's formats) whose nodes carry checkpoint
    /// origins, or <see langword="null"/> when the checkpoint cannot be used (the reasons are in <paramref name="diagnostics"/>).
    /// </summary>
    /// <param name="path">The checkpoint directory.</param>
    /// <param name="format">The checkpoint format name.</param>
    /// <param name="diagnostics">Receives the diagnostics.</param>
    /// <param name="limits">The input limits; <see cref="SourceLimits.Default"/> when <see langword="null"/>.</param>
    public ConfigMap? ReadModelConfig(string path, string format, ICollection<Diagnostic> diagnostics, SourceLimits? limits = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(format);
        ArgumentNullException.ThrowIfNull(diagnostics);
        return Read(path, format, formatSet: true, new CheckpointReadScope(string.Empty, null, limits ?? SourceLimits.Default, diagnostics.Add));
    }

    /// <summary>The name of the config file of a format in a checkpoint directory: <c>metadata.yaml</c> or <c>config.json</c>.</summary>
    /// <param name="format">A checkpoint format name.</param>
    /// <returns>The file name, or <see langword="null"/> for an unknown format.</returns>
    public static string? ConfigFileName(string format) => format switch
    {
        GPTCheckpointFormats.FastLlm or GPTCheckpointFormats.Distributed => CheckpointMetadataReader.FileName,
        _ when GPTCheckpointFormats.IsHuggingFace(format) => HuggingFaceImporter.FileName,
        _ => null,
    };

    /// <summary>
    /// The format that reads a checkpoint directory, judged by the config file it holds: <c>fast_llm</c> for a
    /// <c>metadata.yaml</c> (Fast-LLM's own formats; <c>distributed</c> reads the same file), <c>auto</c> for a
    /// <c>config.json</c> (a Hugging Face checkpoint, whose format its <c>model_type</c> names). <see langword="null"/> when
    /// the directory holds neither or both, or cannot be read.
    /// </summary>
    /// <param name="directory">The checkpoint directory.</param>
    /// <returns>The format name, or <see langword="null"/>.</returns>
    public static string? DetectFormat(string directory)
    {
        ArgumentNullException.ThrowIfNull(directory);
        var metadata = File.Exists(System.IO.Path.Combine(directory, CheckpointMetadataReader.FileName));
        var huggingFace = File.Exists(System.IO.Path.Combine(directory, HuggingFaceImporter.FileName));
        return (metadata, huggingFace) switch
        {
            (true, false) => GPTCheckpointFormats.FastLlm,
            (false, true) => GPTCheckpointFormats.Auto,
            _ => null,
        };
    }

    private ConfigMap? Read(string path, string format, bool formatSet, CheckpointReadScope scope)
    {
        if (ConfigFileName(format) is not { } fileName)
        {
            scope.FormatInvalid(null, MessageText.Quoted(format) + " is not a checkpoint format of GPT models (known: " + string.Join(", ", GPTCheckpointFormats.Names) + ")");
            return null;
        }

        var relative = !System.IO.Path.IsPathRooted(path);
        var directory = BaseDirectory is null || !relative ? path : System.IO.Path.Combine(BaseDirectory, path);
        if (!Directory.Exists(directory))
        {
            scope.PathInvalid(File.Exists(directory)
                ? "the checkpoint path " + MessageText.Quoted(directory) + " is a file; a checkpoint is a directory"
                : "the checkpoint directory " + MessageText.Quoted(directory) + " does not exist" + (relative ? RelativeNote(directory) : string.Empty));
            return null;
        }

        var file = System.IO.Path.Combine(directory, fileName);
        if (!File.Exists(file))
        {
            var missing = "the checkpoint directory " + MessageText.Quoted(directory) + " has no " + fileName + ", which the " + format + " format" + (formatSet ? string.Empty : " (the default)") + " reads";
            if (DetectFormat(directory) is not { } other)
            {
                scope.PathInvalid(missing);
            }
            else if (formatSet)
            {
                // A checkpoint of the other family: the format a user wrote is what is wrong, and the error is at it.
                scope.FormatInvalid(null, missing + "; it holds a " + ConfigFileName(other) + ", which the " + other + " format reads (did you mean '" + other + "'?)");
            }
            else
            {
                scope.PathInvalid(missing + "; it holds a " + ConfigFileName(other) + ", which the " + other + " format reads (set format to '" + other + "')");
            }

            return null;
        }

        return GPTCheckpointFormats.IsHuggingFace(format)
            ? HuggingFaceImporter.Read(file, format, scope)
            : CheckpointMetadataReader.Read(file, scope);
    }

    /// <summary>Says what a relative path that does not exist was taken relative to, with the full path that was tried.</summary>
    private string RelativeNote(string directory)
    {
        // A path with a NUL character has no full form (GetFullPath refuses it); its quoted text already shows the NUL.
        if (directory.Contains('\0', StringComparison.Ordinal))
        {
            return string.Empty;
        }

        return " (a relative path, taken relative to " + (BaseDirectory is null ? "the working directory" : "the reader's base directory") + ": "
            + MessageText.Quoted(System.IO.Path.GetFullPath(directory)) + ")";
    }
}
