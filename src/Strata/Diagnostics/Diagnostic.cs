using System.Text;

namespace Strata;

/// <summary>
/// A problem or remark found while resolving a configuration (rule R10): a severity, a stable code, the dotted path of
/// the value, its origin and a message, printed like a compiler message.
/// </summary>
public sealed class Diagnostic
{
    /// <summary>Creates a diagnostic.</summary>
    /// <param name="severity">The severity.</param>
    /// <param name="code">The stable code, such as <c>STR0101</c> (see <see cref="DiagnosticCodes"/>).</param>
    /// <param name="path">The dotted path of the value concerned, or an empty string for the whole input.</param>
    /// <param name="origin">Where the value or the problem is, when known.</param>
    /// <param name="message">What is wrong, in one sentence without a trailing period.</param>
    public Diagnostic(DiagnosticSeverity severity, string code, string path, Origin? origin, string message)
    {
        ArgumentNullException.ThrowIfNull(code);
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(message);
        Severity = severity;
        Code = code;
        Path = path;
        Origin = origin;
        Message = message;
    }

    /// <summary>The severity.</summary>
    public DiagnosticSeverity Severity { get; }

    /// <summary>The stable code.</summary>
    public string Code { get; }

    /// <summary>The dotted path of the value (<c>model.base_model.transformer.num_layers</c>), or empty.</summary>
    public string Path { get; }

    /// <summary>Where the value or the problem is, when known.</summary>
    public Origin? Origin { get; }

    /// <summary>The message.</summary>
    public string Message { get; }

    /// <summary>The severity as printed: <c>error</c>, <c>warning</c> or <c>info</c>.</summary>
    public string SeverityName => Severity switch
    {
        DiagnosticSeverity.Error => "error",
        DiagnosticSeverity.Warning => "warning",
        _ => "info",
    };

    /// <summary>Returns the same diagnostic with another severity (used by warnings-as-errors).</summary>
    /// <param name="severity">The new severity.</param>
    public Diagnostic WithSeverity(DiagnosticSeverity severity) =>
        severity == Severity ? this : new Diagnostic(severity, Code, Path, Origin, Message);

    /// <summary>
    /// Formats the diagnostic: <c>train.yaml:12:7: error STR0103: model.transformer.num_layers: must be &gt;= 0, got -1</c>.
    /// The line is bounded whatever the input: the path is cut like any quoted input, the location and the message at
    /// the length of a message (<see cref="MessageText"/>); control characters are escaped where the line is printed.
    /// </summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        if (Origin is not null && Origin.Kind != OriginKind.Default)
        {
            sb.Append(MessageText.Capped(Origin.Location)).Append(": ");
        }

        sb.Append(SeverityName).Append(' ').Append(Code).Append(": ");
        if (Path.Length > 0)
        {
            sb.Append(MessageText.Bounded(Path)).Append(": ");
        }

        sb.Append(MessageText.Capped(Message));
        return sb.ToString();
    }
}
