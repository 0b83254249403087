namespace Strata;

/// <summary>How serious a <see cref="Diagnostic"/> is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>Information, for example a value of a checkpoint that was ignored on purpose.</summary>
    Info = 0,

    /// <summary>A warning: resolution succeeds (unless warnings are errors).</summary>
    Warning = 1,

    /// <summary>An error: resolution fails.</summary>
    Error = 2,
}
