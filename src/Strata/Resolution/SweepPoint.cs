using System.Diagnostics.CodeAnalysis;

namespace Strata;

/// <summary>One point of a <see cref="ConfigSweep{T}"/>: its index, the value of each axis, and its resolution.</summary>
/// <typeparam name="T">The root config class.</typeparam>
public sealed class SweepPoint<T>
    where T : ConfigObject, IConfig<T>
{
    private readonly ConfigSweep<T> _sweep;

    internal SweepPoint(ConfigSweep<T> sweep, int index, IReadOnlyList<KeyValuePair<string, string>> values)
    {
        _sweep = sweep;
        Index = index;
        Values = values;
    }

    /// <summary>The point's index in the sweep, from 0.</summary>
    public int Index { get; }

    /// <summary>Each axis' dotted path with the point's value, as written (a range's as a decimal integer), in argument order.</summary>
    public IReadOnlyList<KeyValuePair<string, string>> Values { get; }

    /// <summary>Resolves the point (each call is one resolution).</summary>
    /// <returns>The frozen config of the point.</returns>
    /// <exception cref="ConfigException">The point is invalid; the exception carries every diagnostic.</exception>
    public Resolved<T> Resolve() =>
        TryResolve(out var resolved, out var diagnostics) ? resolved : throw new ConfigException(diagnostics);

    /// <summary>Resolves the point without throwing for invalid input (each call is one resolution).</summary>
    /// <param name="resolved">The result, when valid.</param>
    /// <param name="diagnostics">Every diagnostic, as <see cref="ConfigResolver{T}.TryResolve"/> gives them.</param>
    /// <returns>Whether the point is valid.</returns>
    public bool TryResolve([NotNullWhen(true)] out Resolved<T>? resolved, out IReadOnlyList<Diagnostic> diagnostics) =>
        _sweep.TryResolve(Index, out resolved, out diagnostics);
}
