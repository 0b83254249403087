namespace Strata.Llm.Checkpoints.Formats.HuggingFace;

/// <summary>
/// One correspondence between keys of a Hugging Face <c>config.json</c> and fields of the base model, used both ways:
/// import reads the keys (or their defaults) into the base-model tree; export writes them from the effective values, and
/// reports what the format cannot express.
/// </summary>
internal abstract class HuggingFaceConverter
{
    /// <summary>Reads the keys into the base-model tree.</summary>
    public abstract void Import(HuggingFaceImportContext context);

    /// <summary>Writes the keys from the base model.</summary>
    public abstract void Export(HuggingFaceExportContext context);
}
