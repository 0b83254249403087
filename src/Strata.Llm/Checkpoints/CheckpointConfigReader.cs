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
    public ConfigMap? ReadModelConfig(CheckpointLoadConfig pretrained, BaseLayerContext context)
    {
        ArgumentNullException.ThrowIfNull(pretrained);
        ArgumentNullException.ThrowIfNull(context);
        var scope = new CheckpointReadScope(pretrained.ConfigPath, pretrained.GetOrigin(nameof(CheckpointLoadConfig.Path)), context.Limits, context.Report);
        if (pretrained.Path is not { } path)
        {
            scope.PathInvalid("no checkpoint path is set");
            return null;
        }

        return Read(path, pretrained.Format, scope);
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
        return Read(path, format, new CheckpointReadScope(string.Empty, null, limits ?? SourceLimits.Default, diagnostics.Add));
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

    private ConfigMap? Read(string path, string format, CheckpointReadScope scope)
    {
        if (ConfigFileName(format) is not { } fileName)
        {
            scope.PathInvalid(MessageText.Quoted(format) + " is not a checkpoint format of GPT models (known: " + string.Join(", ", GPTCheckpointFormats.Names) + ")");
            return null;
        }

        var directory = BaseDirectory is null || System.IO.Path.IsPathRooted(path) ? path : System.IO.Path.Combine(BaseDirectory, path);
        if (!Directory.Exists(directory))
        {
            scope.PathInvalid(File.Exists(directory)
                ? "the checkpoint path " + MessageText.Quoted(directory) + " is a file; a checkpoint is a directory"
                : "the checkpoint directory " + MessageText.Quoted(directory) + " does not exist");
            return null;
        }

        var file = System.IO.Path.Combine(directory, fileName);
        if (!File.Exists(file))
        {
            scope.PathInvalid("the checkpoint directory " + MessageText.Quoted(directory) + " has no " + fileName + ", which a " + format + " checkpoint holds");
            return null;
        }

        return GPTCheckpointFormats.IsHuggingFace(format)
            ? HuggingFaceImporter.Read(file, format, scope)
            : CheckpointMetadataReader.Read(file, scope);
    }
}
