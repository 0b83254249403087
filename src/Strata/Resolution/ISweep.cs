using Strata.Sources;

namespace Strata.Resolution;

/// <summary>A sweep seen without its class, as the <c>sweep</c> verb reads any kind's.</summary>
internal interface ISweep
{
    int Count { get; }

    KeyValuePair<string, string>[] ValuesAt(int index);

    /// <summary>The steps of the path of axis <paramref name="axis"/> (in the order of <see cref="ValuesAt"/>).</summary>
    IReadOnlyList<OverridePathSegment> StepsOf(int axis);

    bool TryResolve(int index, out Resolved? resolved, out IReadOnlyList<Diagnostic> diagnostics);
}
