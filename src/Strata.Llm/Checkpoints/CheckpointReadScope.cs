using Strata.Sources;

namespace Strata.Llm.Checkpoints;

/// <summary>
/// Where a checkpoint's config is being read for, and where its problems go: the dotted path of the pretrained section
/// (the path of every diagnostic), the origin of its <c>path</c> value (for problems with the directory itself), the
/// input limits, and the sink of the diagnostics.
/// </summary>
internal sealed class CheckpointReadScope
{
    private readonly Action<Diagnostic> _report;

    public CheckpointReadScope(string path, Origin? requestedAt, SourceLimits limits, Action<Diagnostic> report, Origin? formatAt = null)
    {
        Path = path;
        RequestedAt = requestedAt;
        FormatAt = formatAt;
        Limits = limits;
        _report = report;
    }

    /// <summary>The dotted path of the pretrained section, or empty outside a resolution.</summary>
    public string Path { get; }

    /// <summary>The origin of the checkpoint path as the user wrote it, when known.</summary>
    public Origin? RequestedAt { get; }

    /// <summary>The origin of the format as a user wrote it (a file or an argument), or <see langword="null"/> when no one did (the default, or program code).</summary>
    public Origin? FormatAt { get; }

    /// <summary>The input limits.</summary>
    public SourceLimits Limits { get; }

    /// <summary>
    /// The <c>transformers_version</c> of the <c>config.json</c> read in this scope (digits, then dot-separated parts of
    /// letters and digits, at most 32 characters), or <see langword="null"/>: taken from the same reading as the config,
    /// so that a conversion writes the form of the file it converted.
    /// </summary>
    public string? TransformersVersion { get; set; }

    /// <summary>Whether an error was reported.</summary>
    public bool HasErrors { get; private set; }

    public void Report(Diagnostic diagnostic)
    {
        HasErrors |= diagnostic.Severity == DiagnosticSeverity.Error;
        _report(diagnostic);
    }

    /// <summary>Reports that the checkpoint cannot be used (<see cref="DiagnosticCodes.CheckpointInvalid"/>).</summary>
    public void Invalid(Origin? origin, string message) =>
        Report(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.CheckpointInvalid, Path, origin ?? RequestedAt, message));

    /// <summary>Reports that the checkpoint directory or its config file cannot be used, at the place of the checkpoint path.</summary>
    public void PathInvalid(string message) =>
        Report(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.CheckpointInvalid, Path.Length == 0 ? string.Empty : Path + ".path", RequestedAt, message));

    /// <summary>
    /// Reports that the format does not fit the checkpoint, at the format value that caused it when a user wrote one, else at
    /// <paramref name="fallback"/> (where the mismatch shows), else at the checkpoint path.
    /// </summary>
    public void FormatInvalid(Origin? fallback, string message) =>
        Report(new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.CheckpointInvalid, Path.Length == 0 ? string.Empty : Path + ".format", FormatAt ?? fallback ?? RequestedAt, message));

    /// <summary>Reports a key of the checkpoint's config that is not imported (<see cref="DiagnosticCodes.CheckpointKeyIgnored"/>).</summary>
    public void KeyIgnored(Origin origin, string message) =>
        Report(new Diagnostic(DiagnosticSeverity.Warning, DiagnosticCodes.CheckpointKeyIgnored, Path, origin, message));

    /// <summary>Reports a remark about a key of the checkpoint (an expected custom-code key, for example).</summary>
    public void Remark(Origin origin, string message) =>
        Report(new Diagnostic(DiagnosticSeverity.Info, DiagnosticCodes.CheckpointKeyIgnored, Path, origin, message));

    /// <summary>Reports a legacy key read under its new name (<see cref="DiagnosticCodes.RenamedKey"/>, as information: a saved checkpoint cannot be edited).</summary>
    public void Renamed(Origin origin, string message) =>
        Report(new Diagnostic(DiagnosticSeverity.Info, DiagnosticCodes.RenamedKey, Path, origin, message));
}
