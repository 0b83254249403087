using System.Globalization;

namespace Strata.Llm.Models;

/// <summary>
/// Which linear layers of a transformer have biases: a boolean (all or none) or one of <see cref="AddLinearBiasChoices"/>.
/// Written as <c>true</c>, <c>false</c>, <c>nowhere</c>, <c>everywhere</c> or <c>only_attn_qkv</c>; a boolean is kept as a
/// boolean, so a config reads back as it was written.
/// </summary>
public readonly struct AddLinearBias : IEquatable<AddLinearBias>
{
    private readonly AddLinearBiasChoices? _choice;
    private readonly bool _flag;

    /// <summary>Creates the boolean form: biases everywhere or nowhere.</summary>
    /// <param name="everywhere">Whether every linear layer has a bias.</param>
    public AddLinearBias(bool everywhere)
    {
        _flag = everywhere;
        _choice = null;
    }

    /// <summary>Creates the choice form.</summary>
    /// <param name="choice">Where the biases are.</param>
    public AddLinearBias(AddLinearBiasChoices choice)
    {
        _flag = false;
        _choice = choice;
    }

    /// <summary>Whether the value was given as a boolean.</summary>
    public bool IsBoolean => _choice is null;

    /// <summary>The boolean form, or <see langword="null"/> for the choice form.</summary>
    public bool? Boolean => _choice is null ? _flag : null;

    /// <summary>The choice form, or <see langword="null"/> for the boolean form.</summary>
    public AddLinearBiasChoices? Choice => _choice;

    /// <summary>Whether the MLP layers have biases.</summary>
    public bool AddMlpBias => _choice is null ? _flag : _choice == AddLinearBiasChoices.Everywhere;

    /// <summary>Whether the query, key and value projections have biases.</summary>
    public bool AddAttentionQkvBias => _choice is null ? _flag : _choice != AddLinearBiasChoices.Nowhere;

    /// <summary>Whether the attention output projection has a bias.</summary>
    public bool AddAttentionDenseBias => _choice is null ? _flag : _choice == AddLinearBiasChoices.Everywhere;

    /// <summary>Converts a boolean to the boolean form.</summary>
    /// <param name="everywhere">Whether every linear layer has a bias.</param>
    public static implicit operator AddLinearBias(bool everywhere) => new(everywhere);

    /// <summary>Converts a choice to the choice form.</summary>
    /// <param name="choice">Where the biases are.</param>
    public static implicit operator AddLinearBias(AddLinearBiasChoices choice) => new(choice);

    /// <summary>Whether two values are the same, form included.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(AddLinearBias left, AddLinearBias right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(AddLinearBias left, AddLinearBias right) => !left.Equals(right);

    /// <summary>Creates the boolean form.</summary>
    /// <param name="everywhere">Whether every linear layer has a bias.</param>
    public static AddLinearBias FromBoolean(bool everywhere) => new(everywhere);

    /// <summary>Creates the choice form.</summary>
    /// <param name="choice">Where the biases are.</param>
    public static AddLinearBias FromAddLinearBiasChoices(AddLinearBiasChoices choice) => new(choice);

    /// <inheritdoc />
    public bool Equals(AddLinearBias other) => _choice == other._choice && _flag == other._flag;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is AddLinearBias other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(_choice, _flag);

    /// <summary>The value as written in a config: <c>true</c>, <c>false</c> or the choice's name.</summary>
    public override string ToString() => _choice switch
    {
        null => _flag ? "true" : "false",
        AddLinearBiasChoices.Nowhere => "nowhere",
        AddLinearBiasChoices.Everywhere => "everywhere",
        AddLinearBiasChoices.OnlyAttnQkv => "only_attn_qkv",
        _ => ((int)_choice.Value).ToString(CultureInfo.InvariantCulture),
    };
}
