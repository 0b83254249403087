using System.Text;

namespace Strata;

/// <summary>
/// Thrown when a configuration cannot be resolved. Carries every diagnostic collected (errors and warnings), never
/// only the first one.
/// </summary>
public sealed class ConfigException : Exception
{
    /// <summary>Creates an exception with the given diagnostics.</summary>
    /// <param name="diagnostics">Every diagnostic of the failed resolution.</param>
    public ConfigException(IReadOnlyList<Diagnostic> diagnostics)
        : base(FormatMessage(diagnostics))
    {
        Diagnostics = diagnostics;
    }

    /// <summary>Creates an exception with a single message and no diagnostics.</summary>
    public ConfigException()
        : this([])
    {
    }

    /// <summary>Creates an exception with a single error message.</summary>
    /// <param name="message">The message.</param>
    public ConfigException(string message)
        : this([new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.ConfigRule, string.Empty, null, message)])
    {
    }

    /// <summary>Creates an exception with a single error message and an inner exception.</summary>
    /// <param name="message">The message.</param>
    /// <param name="innerException">The cause.</param>
    public ConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Diagnostics = [new Diagnostic(DiagnosticSeverity.Error, DiagnosticCodes.ConfigRule, string.Empty, null, message)];
    }

    /// <summary>Every diagnostic of the failed resolution, errors and warnings, in the order of their places (see <see cref="ConfigResolver{T}.TryResolve"/>).</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>
    /// The type and the message (the count and every diagnostic), without the stack trace: an invalid config is the
    /// user's input, not a fault of the program, and this text is what a host's log and the runtime's report of an
    /// unhandled exception print. With an inner exception (a failure inside the engine), the full text, stack included.
    /// </summary>
    /// <returns>The text of the exception.</returns>
    public override string ToString() =>
        InnerException is null ? GetType().FullName + ": " + Message : base.ToString();

    private static string FormatMessage(IReadOnlyList<Diagnostic> diagnostics)
    {
        ArgumentNullException.ThrowIfNull(diagnostics);
        var errors = 0;
        var sb = new StringBuilder();
        foreach (var d in diagnostics)
        {
            if (d.Severity == DiagnosticSeverity.Error)
            {
                errors++;
            }
        }

        sb.Append("Configuration is invalid (").Append(errors).Append(errors == 1 ? " error" : " errors").Append(')');
        foreach (var d in diagnostics)
        {
            sb.AppendLine().Append(d);
        }

        return sb.ToString();
    }
}
