using Strata.Serialization;
using Strata.Tree;

using Strata.Schema;

namespace Strata.Values;

/// <summary>A nested config: a mapping bound to a new instance; polymorphic slots choose the class by the <c>type</c> key (R7).</summary>
internal sealed class ConfigObjectValueType<T> : ConfigValueType<T>
    where T : ConfigObject, IConfig<T>
{
    public static readonly ConfigObjectValueType<T> Instance = new();

    /// <summary>
    /// <c>T.TypeInfo</c>, kept: reading a static of a type parameter from shared generic code goes through a runtime
    /// lookup and a class-initialization check on every call.
    /// </summary>
    private ConfigTypeInfo? _info;

    public override string DisplayName => Info.Name;

    public override ValueShape Shape => ValueShape.Config;

    /// <summary>Nested configs are frozen by the graph walk, not through their field.</summary>
    internal override bool FreezesValues => false;

    public override ConfigTypeInfo NestedConfig => Info;

    private ConfigTypeInfo Info => _info ??= T.TypeInfo;

    public override bool TryRead(ConfigNode node, ValueReadContext context, out T value)
    {
        value = null!;
        if (node is not ConfigMap map)
        {
            context.TypeMismatch(node, "a mapping (" + Info.Name + ")");
            return false;
        }

        var instance = Binder.CreateFor(Info, map, context);
        if (instance is not T typed)
        {
            return false;
        }

        context.Binder.BindObject(typed, map, context);
        value = typed;
        return true;
    }

    public override ConfigNode Write(T value, ValueWriteContext context) =>
        value is null ? ConfigScalar.Null(Origin.Default) : ConfigWriter.WriteObject(value, context, forceType: true);

    internal override void WriteYaml(T value, ValueWriteContext context, YamlBuffer writer, int indent, bool item)
    {
        if (value is null)
        {
            YamlEmitter.WriteStringValue(null, writer, item);
            return;
        }

        // Written on speculation: a config with nothing to write is an empty mapping, on the key's line.
        var start = writer.Length;
        if (!item)
        {
            writer.Write('\n');
        }

        if (!ConfigWriter.WriteObjectYaml(value, context, forceType: true, writer, indent + 2, continuesLine: item))
        {
            writer.Length = start;
            YamlEmitter.WriteEmptyValue("{}", writer, item);
        }
    }

    public override bool ValueEquals(T left, T right) => ConfigWriter.ObjectsEqual(left, right);

    internal override void CollectChildren(T value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is not null)
        {
            children.Add((value, new PathStep(key)));
        }
    }
}
