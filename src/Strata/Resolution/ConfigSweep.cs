using System.Collections;
using System.Diagnostics.CodeAnalysis;
using Strata.Resolution;
using Strata.Sources;

namespace Strata;

/// <summary>
/// The points of a sweep (<see cref="ConfigResolver{T}.Sweep(IEnumerable{string}, bool)"/>), in order: made when asked,
/// each resolved when its <see cref="SweepPoint{T}.TryResolve"/> is called, so that a sweep of any size holds only its
/// axes and one reading of each file. A training program loops over it, or takes its own point by index (a job array's
/// task number):
/// <code>
/// foreach (var point in resolver.Sweep(["optimizer.learning_rate.base=1e-4,3e-4", "model.distributed.seed=range(1,4)"]))
/// {
///     var config = point.Resolve().Config;
/// }
/// </code>
/// Safe to use from several threads: points may be resolved in parallel.
/// </summary>
/// <typeparam name="T">The root config class.</typeparam>
public sealed class ConfigSweep<T> : IReadOnlyList<SweepPoint<T>>, ISweep
    where T : ConfigObject, IConfig<T>
{
    private readonly ConfigResolver<T> _resolver;
    private readonly SweepGrid _grid;
    private readonly IReadOnlyList<ArgumentPlace?>? _places;
    private readonly DocumentCache _documents = new();

    /// <summary>Made on first use; two threads that make it at once make the same array.</summary>
    private bool[]? _secretPaths;

    internal ConfigSweep(ConfigResolver<T> resolver, SweepGrid grid, IReadOnlyList<ArgumentPlace?>? places)
    {
        _resolver = resolver;
        _grid = grid;
        _places = places;
    }

    /// <summary>How many points the sweep has: the product of the axes' lengths (their common length when zipped), 1 when no override is an axis.</summary>
    public int Count => _grid.Count;

    /// <summary>The point at <paramref name="index"/>.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> - 1.</param>
    /// <exception cref="ArgumentOutOfRangeException">The index is not that of a point.</exception>
    public SweepPoint<T> this[int index]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(index);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(index, Count);
            return new SweepPoint<T>(this, index, _grid.ValuesAt(index));
        }
    }

    /// <summary>The points, in order.</summary>
    /// <returns>An enumerator that makes each point when it is reached.</returns>
    public IEnumerator<SweepPoint<T>> GetEnumerator()
    {
        for (var i = 0; i < Count; i++)
        {
            yield return this[i];
        }
    }

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    KeyValuePair<string, string>[] ISweep.ShownValuesAt(int index)
    {
        var values = _grid.ValuesAt(index);
        for (var k = 0; k < values.Length; k++)
        {
            if (SetsSecret(k, values[k]))
            {
                values[k] = new(values[k].Key, "***");
            }
        }

        return values;
    }

    List<int>? ISweep.SecretDifferences(List<int> points)
    {
        // Each point's values are made once (ValuesAt builds a new array, a range's value formatted anew): both passes read them.
        var values = new KeyValuePair<string, string>[points.Count][];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = _grid.ValuesAt(points[i]);
        }

        var first = values[0];
        var differ = new bool[first.Length];
        for (var i = 1; i < values.Length; i++)
        {
            for (var k = 0; k < first.Length; k++)
            {
                differ[k] |= !string.Equals(values[i][k].Value, first[k].Value, StringComparison.Ordinal);
            }
        }

        List<int>? secret = null;
        for (var k = 0; k < differ.Length; k++)
        {
            if (!differ[k])
            {
                continue;
            }

            foreach (var point in values)
            {
                if (!SetsSecret(k, point[k]))
                {
                    return null;
                }
            }

            (secret ??= []).Add(k);
        }

        return secret;
    }

    Origin ISweep.PlaceOf(int axis) => _grid.PlaceOf(axis);

    /// <summary>
    /// Whether axis <paramref name="axis"/> sets a secret with <paramref name="value"/>: its path is a secret field or lies
    /// inside one, or, below a path that is not secret, the value is a mapping that holds a secret entry (read as the
    /// resolution reads the override; one that does not parse gets its error from the resolution).
    /// </summary>
    private bool SetsSecret(int axis, KeyValuePair<string, string> value) =>
        (_secretPaths ??= SecretAxes(_grid))[axis]
        || (value.Value.AsSpan().TrimStart().StartsWith('{')
            && OverrideParser.TryParse(value.Key + "=" + value.Value, axis + 1, null, _resolver.Options.Limits, out var change, out _)
            && SecretRedaction.SetsSecret(T.TypeInfo, change));

    /// <summary>Whether each axis' path is a secret field or lies inside one (the same at every point).</summary>
    private static bool[] SecretAxes(SweepGrid grid)
    {
        var secret = new bool[grid.AxisCount];
        for (var k = 0; k < secret.Length; k++)
        {
            secret[k] = SecretRedaction.IsSecretPath(T.TypeInfo, grid.StepsOf(k));
        }

        return secret;
    }

    IReadOnlyList<OverridePathSegment> ISweep.StepsOf(int axis) => _grid.StepsOf(axis);

    bool ISweep.TryResolve(int index, out Resolved? resolved, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var valid = TryResolve(index, out var typed, out diagnostics);
        resolved = typed;
        return valid;
    }

    /// <summary>One resolution: the resolver's layers and overrides, then the sweep's overrides at the point's values.</summary>
    internal bool TryResolve(int index, [NotNullWhen(true)] out Resolved<T>? resolved, out IReadOnlyList<Diagnostic> diagnostics)
    {
        var resolver = _resolver.Copy();
        for (var i = 0; i < _grid.OverrideCount; i++)
        {
            resolver.AddOverride(_grid.OverrideAt(i, index), _places?[i]);
        }

        using (_documents.Use())
        {
            return resolver.TryResolve(out resolved, out diagnostics);
        }
    }
}
