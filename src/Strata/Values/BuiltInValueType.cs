using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>The base of the built-in value types: they write to a sink, and their tree is what the sink of trees gets.</summary>
internal abstract class BuiltInValueType<T> : ConfigValueType<T>
{
    public sealed override ConfigNode Write(T value, ValueWriteContext context) => ConfigWriter.ToTree(this, value, context);

    internal abstract override void Write(T value, ConfigWriter writer);
}
