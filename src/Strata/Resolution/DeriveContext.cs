using System.Globalization;
using System.Numerics;
using System.Text;
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
    /// <param name="inputs">
    /// The C# property names, on the current config, of the fields the value was derived from: the diagnostic is placed
    /// where the first of them that a layer or the environment set was set (the field itself has no place: nobody set
    /// it). Without one, it is placed at the config.
    /// </param>
    public void Fail(string propertyName, string message, params ReadOnlySpan<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(propertyName);
        ArgumentNullException.ThrowIfNull(message);
        var index = Current.FieldIndex(propertyName);
        _state.FailedFields.Add((Current, index));
        _state.Diagnostics.Error(
            DiagnosticCodes.DerivationFailed,
            Schema.PathText.Combine(Current.ConfigPath, Current.ConfigType.Fields[index].Key),
            PlaceOf(index, inputs),
            message);
    }

    /// <summary>
    /// The product of <paramref name="factors"/>, to derive the <see cref="int"/> field <paramref name="propertyName"/>,
    /// computed exactly. When it is out of the range of <see cref="int"/>, reports one error (STR0114) at the field, as
    /// <see cref="Fail(string, string, ReadOnlySpan{string})"/> does, naming the formula and the numbers, and returns
    /// <see langword="null"/>: the field is left unset and its rules are not checked.
    /// </summary>
    /// <param name="propertyName">The C# property name of the field being derived.</param>
    /// <param name="formula">The product in config terms, as messages show it: <c>4 × hidden_size</c>.</param>
    /// <param name="factors">The factors, in the order of <paramref name="formula"/>.</param>
    /// <param name="inputs">The C# property names, on the current config, of the fields the factors come from (for the place).</param>
    /// <returns>The product, or <see langword="null"/> when it does not fit (reported).</returns>
    public int? Product(string propertyName, string formula, ReadOnlySpan<long> factors, params ReadOnlySpan<string> inputs)
    {
        ArgumentNullException.ThrowIfNull(formula);

        // The common case in 64 bits, each step widened to 128 so that it cannot wrap; only a product that leaves the
        // 64-bit range (where a later zero factor could still bring it back) is made exact with a big integer.
        var small = 1L;
        var wide = false;
        foreach (var factor in factors)
        {
            var step = (Int128)small * factor;
            if (step > long.MaxValue || step < long.MinValue)
            {
                wide = true;
                break;
            }

            small = (long)step;
        }

        if (!wide && small is >= int.MinValue and <= int.MaxValue)
        {
            return (int)small;
        }

        var product = BigInteger.One;
        foreach (var factor in factors)
        {
            product *= factor;
        }

        if (product >= int.MinValue && product <= int.MaxValue)
        {
            return (int)product;
        }

        var text = new StringBuilder(formula).Append(" = ");
        for (var i = 0; i < factors.Length; i++)
        {
            text.Append(i == 0 ? string.Empty : " × ").Append(factors[i].ToString(CultureInfo.InvariantCulture));
        }

        text.Append(" = ").Append(product.ToString(CultureInfo.InvariantCulture))
            .Append(CultureInfo.InvariantCulture, $" is out of range for int ({int.MinValue}..{int.MaxValue})");
        Fail(propertyName, text.ToString(), inputs);
        return null;
    }

    /// <summary>
    /// Reads a declared environment variable that holds an <see cref="int"/>, written as launchers write it: ASCII decimal
    /// digits with an optional sign (<c>08</c> and <c>+8</c> are 8; <c>0x8</c>, <c>1_000</c> and <c> 8</c> are refused).
    /// A value in another form or out of range is reported once, at <c>env NAME</c> (STR0118), and gives
    /// <see langword="null"/>, as an unset variable does.
    /// </summary>
    /// <param name="name">The variable name.</param>
    /// <returns>The value, or <see langword="null"/> when the variable is not set or is not a valid int (reported).</returns>
    public int? GetEnvironmentInteger(string name)
    {
        if (GetEnvironmentVariable(name) is not { } text)
        {
            return null;
        }

        if (EnvironmentInteger.TryParseInt32(text, out var value))
        {
            return value;
        }

        _state.Diagnostics.Error(
            DiagnosticCodes.EnvironmentValue,
            Current.ConfigPath,
            Origin.FromEnvironment(name),
            EnvironmentInteger.IsDecimal(text) ? EnvironmentInteger.OutOfRange(name, text) : EnvironmentInteger.NotDecimal(name, text));
        return null;
    }

    /// <summary>Reads a declared environment variable (recorded for reproducibility).</summary>
    /// <param name="name">The variable name.</param>
    public string? GetEnvironmentVariable(string name)
    {
        _state.Graph.Reads?.NoteEnvironment(name);
        return _state.GetEnvironmentVariable(name);
    }

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
        _state.Graph.AllowOverride(config, index);
    }

    /// <summary>Where the first input that a layer or the environment set was set; else the field's place, else the config's.</summary>
    private Origin? PlaceOf(int index, ReadOnlySpan<string> inputs)
    {
        foreach (var input in inputs)
        {
            if (Current.GetSlot(Current.FieldIndex(input)).Origin is { Kind: not (OriginKind.Default or OriginKind.Derived) } origin)
            {
                return origin;
            }
        }

        return Current.GetSlot(index).Origin ?? Current.SourceTree?.Origin;
    }
}
