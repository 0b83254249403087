using Strata.Resolution;
using Strata.Schema;

namespace Strata;

/// <summary>What a config's <c>Validate</c> hook can do: report every broken rule with the path and origin of the field.</summary>
public sealed class ValidationScope
{
    private readonly ResolutionState _state;

    internal ValidationScope(ResolutionState state)
    {
        _state = state;
    }

    /// <summary>The config being validated.</summary>
    public ConfigObject Current { get; internal set; } = null!;

    /// <summary>Reports an error on <paramref name="propertyName"/> unless <paramref name="condition"/> holds.</summary>
    /// <param name="condition">The rule.</param>
    /// <param name="propertyName">The C# property name of the field concerned.</param>
    /// <param name="message">The message when the rule is broken.</param>
    /// <returns><paramref name="condition"/>.</returns>
    public bool Require(bool condition, string propertyName, string message)
    {
        if (!condition)
        {
            Error(propertyName, message);
        }

        return condition;
    }

    /// <summary>Reports an error on a field, or on the config when <paramref name="propertyName"/> is <see langword="null"/>.</summary>
    /// <param name="propertyName">The C# property name, or <see langword="null"/>.</param>
    /// <param name="message">The message.</param>
    public void Error(string? propertyName, string message)
    {
        var (path, origin) = Locate(propertyName);
        _state.Diagnostics.Error(DiagnosticCodes.ConfigRule, path, origin, message);
    }

    /// <summary>Reports a warning on a field, or on the config when <paramref name="propertyName"/> is <see langword="null"/>.</summary>
    /// <param name="propertyName">The C# property name, or <see langword="null"/>.</param>
    /// <param name="message">The message.</param>
    public void Warning(string? propertyName, string message)
    {
        var (path, origin) = Locate(propertyName);
        _state.Diagnostics.Warning(DiagnosticCodes.ConfigWarning, path, origin, message);
    }

    private (string Path, Origin? Origin) Locate(string? propertyName)
    {
        var basePath = Current.ConfigPath;
        if (propertyName is null)
        {
            return (basePath, Current.SourceTree?.Origin);
        }

        var field = Current.ConfigType.FindByPropertyName(propertyName);
        if (field is null)
        {
            return (PathText.Combine(basePath, propertyName), Current.SourceTree?.Origin);
        }

        var origin = Current.GetSlot(field.Index).Origin;
        return (PathText.Combine(basePath, field.Key), origin ?? Current.SourceTree?.Origin);
    }
}
