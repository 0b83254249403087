using Strata.Resolution;

namespace Strata;

/// <summary>
/// What a config's <c>Derive</c> hook can do (bottom-up): report diagnostics, read declared environment variables,
/// and force a value over an explicit one when a rule requires it (with a warning, DESIGN §7.3).
/// </summary>
public sealed class DeriveContext
{
    private readonly ResolutionState _state;

    internal DeriveContext(ResolutionState state)
    {
        _state = state;
    }

    /// <summary>The config whose hook is running.</summary>
    public ConfigObject Current { get; internal set; } = null!;

    /// <summary>Reports a warning on the current config.</summary>
    /// <param name="message">The message.</param>
    public void Warning(string message) => _state.Diagnostics.Warning(DiagnosticCodes.ConfigWarning, Current.ConfigPath, Current.SourceTree?.Origin, message);

    /// <summary>Reports an informational remark on the current config.</summary>
    /// <param name="message">The message.</param>
    public void Info(string message) => _state.Diagnostics.Info(DiagnosticCodes.Remark, Current.ConfigPath, Current.SourceTree?.Origin, message);

    /// <summary>Reports that a derivation failed (for example a division that is not exact).</summary>
    /// <param name="message">The message.</param>
    public void Fail(string message) => _state.Diagnostics.Error(DiagnosticCodes.DerivationFailed, Current.ConfigPath, Current.SourceTree?.Origin, message);

    /// <summary>
    /// Reports that deriving a field failed; the field's own rules are then not checked, so that the real cause is the
    /// only error reported for it.
    /// </summary>
    /// <param name="propertyName">The C# property name of the field that could not be derived.</param>
    /// <param name="message">The message.</param>
    public void Fail(string propertyName, string message)
    {
        var index = Current.FieldIndex(propertyName);
        _state.FailedFields.Add((Current, index));
        _state.Diagnostics.Error(
            DiagnosticCodes.DerivationFailed,
            Schema.PathText.Combine(Current.ConfigPath, Current.ConfigType.Fields[index].Key),
            Current.GetSlot(index).Origin ?? Current.SourceTree?.Origin,
            message);
    }

    /// <summary>Reads a declared environment variable (recorded for reproducibility).</summary>
    /// <param name="name">The variable name.</param>
    public string? GetEnvironmentVariable(string name) => _state.GetEnvironmentVariable(name);

    /// <summary>
    /// Lets the next assignment of a field replace its explicit value, because a rule forces it; reports a warning that
    /// names the value's origin. Does nothing when the field is not explicit.
    /// </summary>
    /// <param name="config">The config that holds the field.</param>
    /// <param name="propertyName">The C# property name.</param>
    /// <param name="reason">Why the value is forced.</param>
    public void Override(ConfigObject config, string propertyName, string reason)
    {
        ArgumentNullException.ThrowIfNull(config);
        if (!config.IsSet(propertyName))
        {
            return;
        }

        var index = config.FieldIndex(propertyName);
        var field = config.ConfigType.Fields[index];
        var origin = config.GetSlot(index).Origin;
        _state.Diagnostics.Warning(
            DiagnosticCodes.ValueForced,
            Schema.PathText.Combine(config.ConfigPath, field.Key),
            origin,
            "value set at " + origin + " is forced: " + reason);
        Phase.AllowOverride(config, index);
    }
}
