using Strata.Sources;
using Strata.Tree;

namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>
/// Imports a Hugging Face <c>config.json</c> into a base-model tree. Every key with a meaning here is imported,
/// architecture or not; an absent key takes the value transformers gives it for the format; keys known to be irrelevant to
/// training are skipped quietly; any other key is a warning at its position; a value of the wrong type, a <c>model_type</c>
/// that is not the format's, or a combination the schema cannot express is an error at its position. Custom-code keys
/// (<c>auto_map</c>) are reported and never acted on (rule R15).
/// </summary>
internal static class HuggingFaceImporter
{
    /// <summary>The name of the file in the checkpoint directory.</summary>
    public const string FileName = "config.json";

    /// <summary>Reads and imports the file; returns the model config tree (<c>base_model</c>), or <see langword="null"/> after reporting why it cannot be used.</summary>
    /// <param name="file">The path of <c>config.json</c>.</param>
    /// <param name="format">A Hugging Face format name, or <c>auto</c>.</param>
    /// <param name="scope">Where problems go.</param>
    public static ConfigMap? Read(string file, string format, CheckpointReadScope scope)
    {
        var document = DocumentReader.Load(file, checkpoint: true, scope.Limits);
        foreach (var diagnostic in document.Diagnostics)
        {
            scope.Report(diagnostic);
        }

        if (!document.Success || document.Root is not ConfigMap root || Import(root, format, file, scope) is not { } imported)
        {
            return null;
        }

        scope.TransformersVersion = root.TryGetValue("transformers_version", out var node) && node is ConfigScalar { Style: ScalarStyle.Quoted, Value: { } version } && IsVersion(version)
            ? version
            : null;

        return new ConfigMap([new ConfigMapEntry("base_model", root.Origin, imported.BaseModel)], root.Origin);
    }

    /// <summary>Imports a parsed <c>config.json</c>.</summary>
    /// <param name="config">The file's top-level object.</param>
    /// <param name="format">A Hugging Face format name, or <c>auto</c>.</param>
    /// <param name="source">The file path (the origin of the defaults of absent keys).</param>
    /// <param name="scope">Where problems go.</param>
    public static HuggingFaceImport? Import(ConfigMap config, string format, string source, CheckpointReadScope scope)
    {
        config.TryGetValue("model_type", out var modelType);
        if (ChooseFormat(config, format, modelType, scope) is not { } chosen)
        {
            return null;
        }

        var absent = Origin.InCheckpoint(source, 0, 0);
        var context = new HuggingFaceImportContext(config, chosen, absent, modelType?.Origin ?? absent, scope);
        foreach (var converter in chosen.Converters)
        {
            converter.Import(context);
        }

        foreach (var entry in config.Entries)
        {
            if (!context.WasRead(entry.Key))
            {
                ReportUnread(entry, chosen, scope);
            }
        }

        return scope.HasErrors ? null : new HuggingFaceImport(chosen.Name, context.Tree.Build(config.Origin), context.MappedKeys);
    }

    /// <summary>Whether a <c>transformers_version</c> is a version (<c>4.43.0.dev0</c>, <c>5.0.0</c>): digits, then dot-separated parts of letters and digits, at most 32 characters.</summary>
    private static bool IsVersion(string text)
    {
        if (text.Length is 0 or > 32 || !char.IsAsciiDigit(text[0]) || text[^1] == '.')
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            if (!(char.IsAsciiLetterOrDigit(text[i]) || (text[i] == '.' && text[i - 1] != '.')))
            {
                return false;
            }
        }

        return true;
    }

    private static HuggingFaceFormat? ChooseFormat(ConfigMap config, string format, ConfigNode? modelType, CheckpointReadScope scope)
    {
        var type = modelType is ConfigScalar { Style: ScalarStyle.Quoted, Value: { } text } ? text : null;
        if (modelType is not null && type is null)
        {
            scope.Invalid(modelType.Origin, "config.json key 'model_type' must be a string, got " + modelType.Describe());
            return null;
        }

        if (format == GPTCheckpointFormats.Auto)
        {
            if (type is not null && HuggingFaceFormats.Find(type) is { } found)
            {
                return found;
            }

            scope.Invalid(
                modelType?.Origin ?? config.Origin,
                (type is null ? "config.json has no 'model_type'" : "config.json has the model_type " + MessageText.Quoted(type, '"', '"') + ", which is not a known format")
                + "; the auto format picks the format from it (known: " + string.Join(", ", HuggingFaceFormats.All.Keys) + ")");
            return null;
        }

        if (HuggingFaceFormats.Find(format) is not { } chosen)
        {
            scope.FormatInvalid(null, MessageText.Quoted(format) + " is not a Hugging Face checkpoint format (known: auto, " + string.Join(", ", HuggingFaceFormats.All.Keys) + ")");
            return null;
        }

        if (type is not null && type != chosen.ModelType)
        {
            // The format is what is wrong: the diagnostic is at its value when a user wrote one, and says where the model_type is.
            scope.FormatInvalid(
                modelType?.Origin,
                "config.json has the model_type " + MessageText.Quoted(type, '"', '"')
                + (scope.FormatAt is not null && modelType is not null ? " (" + modelType.Origin + ")" : string.Empty)
                + ", which does not match the " + chosen.Name + " format (\"" + chosen.ModelType + "\")"
                + (HuggingFaceFormats.Find(type) is { } found ? " (did you mean '" + found.Name + "'?)" : string.Empty));
            return null;
        }

        return chosen;
    }

    /// <summary>Reports a key that no converter read, unless it is known to be irrelevant.</summary>
    private static void ReportUnread(ConfigMapEntry entry, HuggingFaceFormat format, CheckpointReadScope scope)
    {
        var key = entry.Key;
        if (key == "model_type" || HuggingFaceIgnoredKeys.Irrelevant.Contains(key))
        {
            return;
        }

        switch (key)
        {
            case "architectures" when entry.Value is ConfigSequence { Items: [ConfigScalar { Value: var name }] } && name == format.Architecture:
            case "pretraining_tp" when entry.Value is ConfigScalar { Style: ScalarStyle.Plain, Value: "1" }:
            case "use_mrope" when entry.Value is ConfigScalar { Style: ScalarStyle.Plain, Value: "false" }:
                return;
            case "architectures":
                scope.KeyIgnored(entry.Value.Origin, "config.json key 'architectures' does not name the model class of the " + format.Name + " format (" + format.Architecture + ") and is not imported");
                return;
            case "pretraining_tp":
                scope.KeyIgnored(entry.Value.Origin, "config.json key 'pretraining_tp' is not imported: it only tells how the original weights were split for tensor parallelism");
                return;
            case "use_mrope":
                // Qwen2.5 writes use_mrope: false (plain rotary embeddings); multimodal rotary sections have no equivalent.
                scope.Invalid(entry.Value.Origin, "config.json key 'use_mrope' must be false here: multimodal rotary embeddings (mrope) have no equivalent, got " + entry.Value.Describe());
                return;
        }

        if (HuggingFaceIgnoredKeys.CustomCode.Contains(key))
        {
            var message = "config.json key " + MessageText.Quoted(key) + " names custom model code for transformers; Strata never runs code from a checkpoint (rule R15)";
            if (format.AutoMap is not null)
            {
                scope.Remark(entry.KeyOrigin, message);
            }
            else
            {
                scope.KeyIgnored(entry.KeyOrigin, message);
            }

            return;
        }

        scope.KeyIgnored(entry.KeyOrigin, "config.json key " + MessageText.Quoted(key) + " is not imported: the " + format.Name + " format gives it no meaning in a GPT model config");
    }
}
