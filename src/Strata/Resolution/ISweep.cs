using Strata.Sources;

namespace Strata.Resolution;

/// <summary>A sweep seen without its class, as the <c>sweep</c> verb reads any kind's.</summary>
internal interface ISweep
{
    int Count { get; }

    /// <summary>
    /// The swept paths of a point with their values as written, for showing (the <c>--dry-run</c> listing, the label of
    /// a point's diagnostics): the value of an axis that sets a secret is <c>***</c>, as in the layers list.
    /// </summary>
    KeyValuePair<string, string>[] ShownValuesAt(int index);

    /// <summary>The steps of the path of axis <paramref name="axis"/> (in the order of <see cref="ShownValuesAt"/>).</summary>
    IReadOnlyList<OverridePathSegment> StepsOf(int axis);

    /// <summary>Where axis <paramref name="axis"/> is given: its override's place.</summary>
    Origin PlaceOf(int axis);

    /// <summary>
    /// The axes whose values differ among <paramref name="points"/>, when each sets a secret at every one of them (a
    /// written config never holds a secret, so through these alone the points' files are the same); null when another
    /// axis differs too, or none does.
    /// </summary>
    List<int>? SecretDifferences(List<int> points);

    bool TryResolve(int index, out Resolved? resolved, out IReadOnlyList<Diagnostic> diagnostics);
}
