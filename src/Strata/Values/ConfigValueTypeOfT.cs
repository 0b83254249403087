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

    internal sealed override bool ValuesNeedFreeze => !typeof(T).IsValueType && FreezesValues;

    /// <summary>The config objects held by a value (nested configs, configs in collections) with their path steps.</summary>
    internal virtual void CollectChildren(T value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
    }

    /// <summary>Writes a value to every sink: the tree <see cref="Write(T, ValueWriteContext)"/> gives, unless the type writes directly (the built-in ones).</summary>
    internal virtual void Write(T value, ConfigWriter writer) => TreeSink.Replay(Write(value, writer.Context), writer);
}
