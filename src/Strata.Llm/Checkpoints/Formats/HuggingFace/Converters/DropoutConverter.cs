namespace Strata.Llm.Checkpoints.Formats.HuggingFace.Converters;

/// <summary>
/// Starcoder2's <c>residual_dropout</c> and <c>embedding_dropout</c> ↔ <c>transformer.hidden_dropout</c>, which Fast-LLM
/// applies to both the residual branches and the embeddings. A different <c>embedding_dropout</c> cannot be expressed: it is
/// reported and left out.
/// </summary>
internal sealed class DropoutConverter : HuggingFaceConverter
{
    private const string Path = "transformer.hidden_dropout";

    public override void Import(HuggingFaceImportContext context)
    {
        var residual = context.Read("residual_dropout", HuggingFaceValueKind.Number, "0.0");
        var embedding = context.Read("embedding_dropout", HuggingFaceValueKind.Number, "0.0");
        if (residual is not { } value || embedding is not { } other)
        {
            return;
        }

        context.Set(Path, value);
        if (other.Number.Equals(value.Number))
        {
            context.Mapped(other);
        }
        else if (other.Present)
        {
            context.Scope.KeyIgnored(
                other.Node.Origin,
                "config.json key 'embedding_dropout' is not imported: hidden_dropout (from residual_dropout, " + MessageText.Bounded(value.Text ?? string.Empty) + ") applies to the embeddings too");
        }
    }

    public override void Export(HuggingFaceExportContext context)
    {
        var dropout = context.Get(Path).Value;
        context.Write("residual_dropout", dropout);
        context.Write("embedding_dropout", dropout);
    }
}
