using System.Globalization;
using System.Text;

namespace Strata.Schema;

/// <summary>
/// A config's step from its parent: the key of the field that holds it, followed by its index when the field is a list
/// (<c>datasets[2]</c>) or by its key when the field is a dictionary (<c>reference_models.teacher</c>). Kept in parts so
/// that walking the graph allocates no text; the text is built only when a path is shown.
/// </summary>
internal readonly record struct PathStep(string Key, int Index = -1, string? EntryKey = null)
{
    /// <summary>Appends the step to a dotted path.</summary>
    public void AppendTo(StringBuilder sb)
    {
        if (sb.Length > 0)
        {
            sb.Append('.');
        }

        sb.Append(Key);
        if (Index >= 0)
        {
            sb.Append('[').Append(Index.ToString(CultureInfo.InvariantCulture)).Append(']');
        }
        else if (EntryKey is not null)
        {
            sb.Append('.').Append(EntryKey);
        }
    }

    /// <summary>The step as text: <c>transformer</c>, <c>datasets[2]</c>, <c>reference_models.teacher</c>.</summary>
    public override string ToString() =>
        Index >= 0 ? Key + PathText.Index(Index) : EntryKey is not null ? Key + "." + EntryKey : Key;
}
