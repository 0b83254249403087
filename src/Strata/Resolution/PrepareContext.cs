using Strata.Resolution;
using Strata.Sources;

namespace Strata;

/// <summary>
/// What a config's <c>Prepare</c> hook can do (top-down, before derivation): report diagnostics and read declared
/// environment variables.
/// </summary>
public sealed class PrepareContext
{
    private readonly ResolutionState _state;

    internal PrepareContext(ResolutionState state)
    {
        _state = state;
    }

    /// <summary>The config whose hook is running.</summary>
    public ConfigObject Current { get; internal set; } = null!;

    /// <summary>The input limits of this resolution (for hooks that read files).</summary>
    public SourceLimits Limits => _state.Limits;

    /// <summary>Services given in <see cref="ResolveOptions.Services"/>, or <see langword="null"/>.</summary>
    public IServiceProvider? Services => _state.Options.Services;

    /// <summary>Reports a warning on the current config.</summary>
    /// <param name="message">The message.</param>
    public void Warning(string message) => _state.Diagnostics.Warning(DiagnosticCodes.ConfigWarning, Current.ConfigPath, Current.SourceTree?.Origin, message);

    /// <summary>Reports an informational remark on the current config.</summary>
    /// <param name="message">The message.</param>
    public void Info(string message) => _state.Diagnostics.Info(DiagnosticCodes.Remark, Current.ConfigPath, Current.SourceTree?.Origin, message);

    /// <summary>Reports an error on the current config.</summary>
    /// <param name="message">The message.</param>
    public void Error(string message) => _state.Diagnostics.Error(DiagnosticCodes.ConfigRule, Current.ConfigPath, Current.SourceTree?.Origin, message);

    /// <summary>Adds a diagnostic found by the hook (for example while reading a checkpoint).</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    public void Report(Diagnostic diagnostic) => _state.Diagnostics.Add(diagnostic);

    /// <summary>Reads a declared environment variable (recorded for reproducibility).</summary>
    /// <param name="name">The variable name.</param>
    public string? GetEnvironmentVariable(string name)
    {
        _state.Graph.Reads?.NoteEnvironment(name);
        return _state.GetEnvironmentVariable(name);
    }
}
