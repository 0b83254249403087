using Strata.Tree;
using Strata.Values;

namespace Strata.Schema;

/// <summary>
/// What a value type sees while reading a node: the dotted path of the value (built only when a diagnostic needs it)
/// and a way to report problems. One context per resolution; never shared between threads.
/// </summary>
public sealed class ValueReadContext
{
    /// <summary>The steps of the path: a key (or a step given as text), or a list index kept as a number until shown.</summary>
    private readonly List<(string? Key, int Index)> _path = [];

    internal ValueReadContext(DiagnosticBag diagnostics, Binder binder)
    {
        Diagnostics = diagnostics;
        Binder = binder;
    }

    internal DiagnosticBag Diagnostics { get; }

    internal Binder Binder { get; }

    /// <summary>The dotted path of the value being read.</summary>
    public string Path
    {
        get
        {
            if (_path.Count == 0)
            {
                return string.Empty;
            }

            var sb = new System.Text.StringBuilder();
            foreach (var (key, index) in _path)
            {
                if (key is null)
                {
                    sb.Append('[').Append(index.ToString(System.Globalization.CultureInfo.InvariantCulture)).Append(']');
                    continue;
                }

                if (sb.Length > 0 && !key.StartsWith('['))
                {
                    sb.Append('.');
                }

                sb.Append(key);
            }

            return sb.ToString();
        }
    }

    /// <summary>Reports an error about <paramref name="node"/>.</summary>
    /// <param name="code">The diagnostic code (see <see cref="DiagnosticCodes"/>).</param>
    /// <param name="node">The node concerned.</param>
    /// <param name="message">The message.</param>
    public void Error(string code, ConfigNode node, string message)
    {
        ArgumentNullException.ThrowIfNull(node);
        Diagnostics.Error(code, Path, node.Origin, message);
    }

    /// <summary>Reports a warning about <paramref name="node"/>.</summary>
    /// <param name="code">The diagnostic code (see <see cref="DiagnosticCodes"/>).</param>
    /// <param name="node">The node concerned.</param>
    /// <param name="message">The message.</param>
    public void Warning(string code, ConfigNode node, string message)
    {
        ArgumentNullException.ThrowIfNull(node);
        Diagnostics.Warning(code, Path, node.Origin, message);
    }

    /// <summary>Reports that <paramref name="node"/> does not have the expected type.</summary>
    /// <param name="node">The node.</param>
    /// <param name="expected">The expected type, as shown to users (<c>an integer</c>).</param>
    public void TypeMismatch(ConfigNode node, string expected)
    {
        ArgumentNullException.ThrowIfNull(node);
        Error(DiagnosticCodes.TypeMismatch, node, "expected " + expected + ", got " + node.Describe());
    }

    /// <summary>Reads a child value with its path step pushed (an index <c>[i]</c> or a key).</summary>
    /// <typeparam name="T">The child's value type.</typeparam>
    /// <param name="step">The path step: <c>[2]</c> or a key.</param>
    /// <param name="type">The child's value type.</param>
    /// <param name="node">The child node.</param>
    /// <param name="value">The value read.</param>
    /// <returns>Whether the value could be read.</returns>
    public bool ReadChild<T>(string step, ConfigValueType<T> type, ConfigNode node, out T value)
    {
        ArgumentNullException.ThrowIfNull(type);
        Push(step);
        try
        {
            return type.TryRead(node, this, out value);
        }
        finally
        {
            Pop();
        }
    }

    internal void Push(string step) => _path.Add((step, -1));

    /// <summary>Pushes a list index (no text is made unless a diagnostic needs the path).</summary>
    internal void PushIndex(int index) => _path.Add((null, index));

    internal void Pop() => _path.RemoveAt(_path.Count - 1);

    /// <summary>Forgets every step (after a rebase, which binds from a path of its own).</summary>
    internal void ClearPath() => _path.Clear();
}
