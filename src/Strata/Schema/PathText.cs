using System.Text;

namespace Strata.Schema;

/// <summary>Joins path steps into dotted text: keys with dots, indexes as <c>[i]</c>.</summary>
internal static class PathText
{
    public static string Join(IReadOnlyList<string> steps)
    {
        if (steps.Count == 0)
        {
            return string.Empty;
        }

        var sb = new StringBuilder();
        foreach (var s in steps)
        {
            Append(sb, s);
        }

        return sb.ToString();
    }

    public static string Combine(string parent, string step)
    {
        if (parent.Length == 0)
        {
            return step;
        }

        return step.StartsWith('[') ? parent + step : parent + "." + step;
    }

    public static string Index(int index) => "[" + index.ToString(System.Globalization.CultureInfo.InvariantCulture) + "]";

    private static void Append(StringBuilder sb, string step)
    {
        if (sb.Length > 0 && !step.StartsWith('['))
        {
            sb.Append('.');
        }

        sb.Append(step);
    }
}
