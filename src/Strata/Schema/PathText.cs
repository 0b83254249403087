namespace Strata.Schema;

/// <summary>
/// Joins path steps into the dotted text of diagnostics and <c>explain</c>: keys with dots, indexes as <c>[i]</c>
/// (<c>model.layers[2].bias</c>).
/// </summary>
public static class PathText
{
    /// <summary>The path of a step under <paramref name="parent"/>: <c>parent.key</c>, or <c>parent[i]</c> for an index.</summary>
    /// <param name="parent">The parent's path; empty for the root.</param>
    /// <param name="step">A key, or an index as <see cref="Index"/> writes it.</param>
    /// <returns>The combined path.</returns>
    public static string Combine(string parent, string step)
    {
        ArgumentNullException.ThrowIfNull(parent);
        ArgumentNullException.ThrowIfNull(step);
        if (parent.Length == 0)
        {
            return step;
        }

        return step.StartsWith('[') ? parent + step : parent + "." + step;
    }

    /// <summary>An index as a path step: <c>[3]</c>.</summary>
    /// <param name="index">The index.</param>
    /// <returns>The step.</returns>
    public static string Index(int index) => "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";
}
