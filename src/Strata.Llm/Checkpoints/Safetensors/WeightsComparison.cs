using System.Numerics;

namespace Strata.Llm.Checkpoints.Safetensors;

/// <summary>
/// The tensors of a checkpoint against those of a model config (<see cref="WeightsShapeCheck.Compare"/>), bounded by
/// the checkpoint: every tensor it holds that the config calls for; of the tensors it lacks and of those the config does
/// not call for, the first twenty, with the number of the others.
/// </summary>
public sealed class WeightsComparison
{
    /// <summary>Every missing tensor is one kind of diagnostic, whatever its dimensions: the listed ones and the counted ones.</summary>
    private const string MissingKind = "missing tensor";

    /// <summary>Every tensor the config does not call for is one kind of diagnostic, whatever its shape.</summary>
    private const string UnexpectedKind = "unexpected tensor";

    /// <summary>The output layer, which a model with tied embeddings does not load.</summary>
    internal const string TiedHeadName = "lm_head.weight";

    private readonly string _directory;
    private readonly string _format;
    private readonly ExpectedTensor? _firstMissingNotListed;
    private readonly SafetensorsTensor? _firstUnexpectedNotListed;

    internal WeightsComparison(
        string directory,
        string format,
        IReadOnlyList<TensorComparison> rows,
        (BigInteger Count, ExpectedTensor? First) missingNotListed,
        (long Count, SafetensorsTensor? First) unexpectedNotListed)
    {
        _directory = directory;
        _format = format;
        Rows = rows;
        (MissingNotListed, _firstMissingNotListed) = missingNotListed;
        (UnexpectedNotListed, _firstUnexpectedNotListed) = unexpectedNotListed;
    }

    /// <summary>
    /// The tensors the config calls for that the checkpoint holds, and the first twenty it lacks, in transformers'
    /// order; then the first twenty tensors by name of the checkpoint that the config does not call for (and the output
    /// layer of tied embeddings, which is not loaded).
    /// </summary>
    public IReadOnlyList<TensorComparison> Rows { get; }

    /// <summary>The tensors the config calls for that the checkpoint lacks, beyond those in <see cref="Rows"/>.</summary>
    public BigInteger MissingNotListed { get; }

    /// <summary>The tensors of the checkpoint that the config does not call for, beyond those in <see cref="Rows"/>.</summary>
    public long UnexpectedNotListed { get; }

    /// <summary>
    /// Reports each tensor that is missing, unexpected or of another shape (<see cref="WeightsDiagnosticCodes.WeightsMismatch"/>),
    /// with its place; past twenty of one kind, the rest are summed up in one diagnostic.
    /// </summary>
    /// <param name="diagnostics">Receives the diagnostics.</param>
    /// <returns>Whether every tensor fits (no error was reported).</returns>
    public bool Report(ICollection<Diagnostic> diagnostics)
    {
        var limit = DiagnosticLimit.Over(diagnostics);
        var errors = limit.Errors;
        foreach (var row in Rows)
        {
            if (row.Found is not { } found)
            {
                // A row without a tensor of the checkpoint is one the config calls for.
                limit.AddMany(Missing(row.Expected!), BigInteger.One, MissingKind);
            }
            else if (row.Expected is not { } expected)
            {
                limit.AddMany(Unexpected(found), BigInteger.One, found.Name == TiedHeadName ? null : UnexpectedKind);
            }
            else if (!row.Fits)
            {
                limit.Add(Mismatch(
                    DiagnosticSeverity.Error,
                    found,
                    SafetensorsText.Tensor(found.Name) + " has the shape " + found.ShapeText + "; the config gives " + expected));
            }
        }

        if (_firstMissingNotListed is { } missing)
        {
            limit.AddMany(Missing(missing), MissingNotListed, MissingKind);
        }

        if (_firstUnexpectedNotListed is { } unexpected)
        {
            limit.AddMany(Unexpected(unexpected), UnexpectedNotListed, UnexpectedKind);
        }

        if (!ReferenceEquals(limit, diagnostics))
        {
            limit.Complete();
        }

        return limit.Errors == errors;
    }

    /// <summary>
    /// A tensor the config does not call for: an error, except the output layer, which is unexpected only when the
    /// embeddings are tied (otherwise the config calls for it) and is then a warning: it is not loaded.
    /// </summary>
    private Diagnostic Unexpected(SafetensorsTensor tensor) => tensor.Name == TiedHeadName
        ? Mismatch(DiagnosticSeverity.Warning, tensor, SafetensorsText.Tensor(tensor.Name) + " " + tensor.ShapeText + " is there although tie_word_embeddings is true: the output layer is the embeddings, so it is not loaded")
        : Mismatch(DiagnosticSeverity.Error, tensor, SafetensorsText.Tensor(tensor.Name) + " " + tensor.ShapeText + " is not a weight of this config (" + _format + " names)");

    private Diagnostic Missing(ExpectedTensor tensor) => new(
        DiagnosticSeverity.Error,
        WeightsDiagnosticCodes.WeightsMismatch,
        string.Empty,
        SafetensorsText.Place(_directory),
        SafetensorsText.Tensor(tensor.Name) + " " + tensor + " is missing");

    private static Diagnostic Mismatch(DiagnosticSeverity severity, SafetensorsTensor tensor, string message) => new(
        severity,
        WeightsDiagnosticCodes.WeightsMismatch,
        string.Empty,
        SafetensorsText.Place(tensor.File),
        SafetensorsText.At(tensor.Position) + message);
}
