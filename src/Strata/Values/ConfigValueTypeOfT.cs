using Strata.Serialization;
using Strata.Tree;

namespace Strata.Schema;

/// <summary>A type of field value of CLR type <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The CLR type.</typeparam>
public abstract class ConfigValueType<T> : ConfigValueType
{
    /// <summary>Initializes the type.</summary>
    protected ConfigValueType()
    {
    }

    /// <summary>
    /// Reads a value from a source node. On failure reports a diagnostic through <paramref name="context"/> and returns
    /// <see langword="false"/>. A null node reaches this method only when <see cref="ConfigValueType.AcceptsNull"/>.
    /// </summary>
    /// <param name="node">The node.</param>
    /// <param name="context">Where to report problems.</param>
    /// <param name="value">The value read.</param>
    public abstract bool TryRead(ConfigNode node, ValueReadContext context, out T value);

    /// <summary>Writes a value as an output node (no origins).</summary>
    /// <param name="value">The value.</param>
    /// <param name="context">The verbosity and secret handling (used by nested configs).</param>
    public abstract ConfigNode Write(T value, ValueWriteContext context);

    /// <summary>Whether two values are equal (used to compare configs and for no-op assignments to frozen configs).</summary>
    /// <param name="left">A value.</param>
    /// <param name="right">Another value.</param>
    public virtual bool ValueEquals(T left, T right) => EqualityComparer<T>.Default.Equals(left, right);

    /// <summary>Returns the value made immutable (collections become read-only, nested configs are frozen by the resolver).</summary>
    /// <param name="value">The value.</param>
    public virtual T Freeze(T value) => value;

    /// <summary>The config objects held by a value (nested configs, configs in collections) with their path steps.</summary>
    /// <param name="value">The value.</param>
    /// <param name="key">The field key.</param>
    /// <param name="children">Receives the children.</param>
    internal virtual void CollectChildren(T value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
    }

    /// <summary>
    /// Writes a value as YAML, as the value of a mapping entry whose key was just written at <paramref name="indent"/>
    /// or as a list item whose <c>- </c> was: the same text as <see cref="Write"/> and <see cref="YamlEmitter"/>
    /// give, which is what this does unless a type writes its values directly.
    /// </summary>
    /// <param name="value">The value.</param>
    /// <param name="context">The verbosity and secret handling.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="indent">The indentation of the key, or of the item's <c>- </c>.</param>
    /// <param name="item">Whether the value is a list item.</param>
    internal virtual void WriteYaml(T value, ValueWriteContext context, YamlBuffer writer, int indent, bool item) =>
        YamlEmitter.WriteValue(Write(value, context), writer, indent, item);
}
