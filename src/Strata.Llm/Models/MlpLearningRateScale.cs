using System.Globalization;

namespace Strata.Llm.Models;

/// <summary>
/// The learning-rate scale of the MLP weights: one scale for every expert, or one per expert where <see langword="null"/>
/// keeps the default scale of that expert. Written as a number or a list of numbers and nulls.
/// </summary>
public readonly struct MlpLearningRateScale : IEquatable<MlpLearningRateScale>
{
    private readonly double _scale;
    private readonly double?[]? _perExpert;

    /// <summary>Creates one scale for every expert.</summary>
    /// <param name="scale">The scale.</param>
    public MlpLearningRateScale(double scale)
    {
        _scale = scale;
        _perExpert = null;
    }

    /// <summary>Creates one scale per expert.</summary>
    /// <param name="perExpert">The scales, in expert order; <see langword="null"/> keeps an expert's default scale.</param>
    public MlpLearningRateScale(IEnumerable<double?> perExpert)
    {
        ArgumentNullException.ThrowIfNull(perExpert);
        _scale = 0;
        _perExpert = [.. perExpert];
    }

    /// <summary>Whether the value is a list with one scale per expert.</summary>
    public bool IsPerExpert => _perExpert is not null;

    /// <summary>The single scale (when <see cref="IsPerExpert"/> is false).</summary>
    public double Scale => _scale;

    /// <summary>The per-expert scales (empty when <see cref="IsPerExpert"/> is false).</summary>
    public IReadOnlyList<double?> PerExpert => _perExpert ?? [];

    /// <summary>The scale of one expert, or <see langword="null"/> for its default scale.</summary>
    /// <param name="expert">The expert's index.</param>
    public double? ForExpert(int expert) => _perExpert is null ? _scale : _perExpert[expert];

    /// <summary>Converts a number to a single scale.</summary>
    /// <param name="scale">The scale.</param>
    public static implicit operator MlpLearningRateScale(double scale) => new(scale);

    /// <summary>Whether two values are the same.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator ==(MlpLearningRateScale left, MlpLearningRateScale right) => left.Equals(right);

    /// <summary>Whether two values differ.</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public static bool operator !=(MlpLearningRateScale left, MlpLearningRateScale right) => !left.Equals(right);

    /// <summary>Creates a single scale.</summary>
    /// <param name="scale">The scale.</param>
    public static MlpLearningRateScale FromDouble(double scale) => new(scale);

    /// <inheritdoc />
    public bool Equals(MlpLearningRateScale other)
    {
        if (_perExpert is null || other._perExpert is null)
        {
            return _perExpert is null && other._perExpert is null && _scale.Equals(other._scale);
        }

        return _perExpert.AsSpan().SequenceEqual(other._perExpert);
    }

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is MlpLearningRateScale other && Equals(other);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        if (_perExpert is null)
        {
            return _scale.GetHashCode();
        }

        var hash = new HashCode();
        foreach (var scale in _perExpert)
        {
            hash.Add(scale);
        }

        return hash.ToHashCode();
    }

    /// <summary>The value in flow style: <c>0.5</c> or <c>[1.0, null]</c>.</summary>
    public override string ToString() => _perExpert is null
        ? _scale.ToString("R", CultureInfo.InvariantCulture)
        : "[" + string.Join(", ", Array.ConvertAll(_perExpert, static scale => scale?.ToString("R", CultureInfo.InvariantCulture) ?? "null")) + "]";
}
