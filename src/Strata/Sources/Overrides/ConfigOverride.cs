using Strata.Tree;

namespace Strata.Sources;

/// <summary>
/// A parsed override (rule R2): <c>key.path=value</c> sets one path, replacing what was there; the other
/// <see cref="OverrideOperation"/>s append, add, or remove.
/// </summary>
public sealed class ConfigOverride
{
    /// <summary>Creates an override.</summary>
    /// <param name="path">The path; at least one step.</param>
    /// <param name="value">The value, a YAML flow value parsed without a schema (typed later by the binder).</param>
    /// <param name="text">The argument as given.</param>
    /// <param name="origin">The origin (<see cref="Origin.FromCommandLine"/>).</param>
    public ConfigOverride(IReadOnlyList<OverridePathSegment> path, ConfigNode value, string text, Origin origin)
        : this(path, value, text, origin, OverrideOperation.Set)
    {
    }

    /// <summary>Creates an override that does <paramref name="operation"/> at its path.</summary>
    /// <param name="path">The path; at least one step.</param>
    /// <param name="value">The value (for <see cref="OverrideOperation.Remove"/>, a null that is not used).</param>
    /// <param name="text">The argument as given.</param>
    /// <param name="origin">The origin (<see cref="Origin.FromCommandLine"/>).</param>
    /// <param name="operation">What the override does.</param>
    public ConfigOverride(IReadOnlyList<OverridePathSegment> path, ConfigNode value, string text, Origin origin, OverrideOperation operation)
    {
        ArgumentNullException.ThrowIfNull(path);
        ArgumentNullException.ThrowIfNull(value);
        ArgumentNullException.ThrowIfNull(text);
        ArgumentNullException.ThrowIfNull(origin);
        if (path.Count == 0)
        {
            throw new ArgumentException("An override path has at least one step.", nameof(path));
        }

        Path = path;
        Value = value;
        Text = text;
        Origin = origin;
        Operation = operation;
    }

    /// <summary>What the override does at its path.</summary>
    public OverrideOperation Operation { get; }

    /// <summary>
    /// For <c>KEY=@FILE</c>, the file whose mapping is the value, read when the override is applied (against the bound of
    /// all included files); <see cref="Value"/> is then a null at the file's column.
    /// </summary>
    internal string? PlacedFile { get; init; }

    /// <summary>The path.</summary>
    public IReadOnlyList<OverridePathSegment> Path { get; }

    /// <summary>The value.</summary>
    public ConfigNode Value { get; }

    /// <summary>The argument as given.</summary>
    public string Text { get; }

    /// <summary>The origin.</summary>
    public Origin Origin { get; }

    /// <summary>The path as dotted text.</summary>
    public string DottedPath => DottedPathOf(Path);

    /// <summary>A path as dotted text: keys joined by dots, indexes in brackets (<c>datasets[1].path</c>).</summary>
    internal static string DottedPathOf(IReadOnlyList<OverridePathSegment> path) => PathTextOf(path, written: false);

    /// <summary>
    /// A path as the override grammar writes it: <see cref="DottedPathOf"/>, with each key that the grammar would read
    /// otherwise double-quoted (<c>environment."HF.TOKEN"</c>), so that the text reads back as the same path. Every
    /// place that shows an override as written (the layers list, a sweep's points) and every text read again as an
    /// override uses it: the dotted text of a key that holds a dot names another path.
    /// </summary>
    internal static string WrittenPathOf(IReadOnlyList<OverridePathSegment> path) => PathTextOf(path, written: true);

    private static string PathTextOf(IReadOnlyList<OverridePathSegment> path, bool written)
    {
        var sb = new System.Text.StringBuilder();
        for (var i = 0; i < path.Count; i++)
        {
            if (!path[i].IsIndex && sb.Length > 0)
            {
                sb.Append('.');
            }

            var quote = written && !path[i].IsIndex && OverrideParser.NeedsQuotes(path[i].Key!, first: sb.Length == 0);
            sb.Append(quote ? "\"" : null).Append(path[i].ToString()).Append(quote ? "\"" : null);
        }

        return sb.ToString();
    }
}
