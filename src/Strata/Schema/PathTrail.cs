using System.Globalization;
using System.Text;

namespace Strata.Schema;

/// <summary>
/// The dotted path of the node a tree walk is at, kept as steps (keys, or list indexes as numbers) and turned into text
/// only when a diagnostic shows it: a walk over a large tree makes no path strings.
/// </summary>
internal sealed class PathTrail
{
    private readonly string _root;
    private readonly List<(string? Key, int Index)> _steps = [];

    /// <summary>Starts a trail at <paramref name="root"/> (a dotted path, empty for the root of the config).</summary>
    public PathTrail(string root)
    {
        _root = root;
    }

    /// <summary>Steps into a mapping key.</summary>
    public void Push(string key) => _steps.Add((key, -1));

    /// <summary>Steps into a list item.</summary>
    public void PushIndex(int index) => _steps.Add((null, index));

    /// <summary>Steps back out.</summary>
    public void Pop() => _steps.RemoveAt(_steps.Count - 1);

    /// <summary>The path of a key under the current node (as <see cref="PathText.Combine"/> would write it).</summary>
    public string Combine(string key) => PathText.Combine(ToString(), key);

    /// <summary>The current path, written as <see cref="PathText.Combine"/> and <see cref="PathText.Index"/> write paths.</summary>
    public override string ToString()
    {
        if (_steps.Count == 0)
        {
            return _root;
        }

        var sb = new StringBuilder(_root);
        foreach (var (key, index) in _steps)
        {
            if (key is null)
            {
                sb.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
            }
            else
            {
                if (sb.Length > 0 && !key.StartsWith('['))
                {
                    sb.Append('.');
                }

                sb.Append(key);
            }
        }

        return sb.ToString();
    }
}
