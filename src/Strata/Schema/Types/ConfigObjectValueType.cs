using Strata.Serialization;
using Strata.Tree;

namespace Strata.Schema.Types;

/// <summary>A nested config: a mapping bound to a new instance; polymorphic slots choose the class by the <c>type</c> key (R7).</summary>
internal sealed class ConfigObjectValueType<T> : ConfigValueType<T>
    where T : ConfigObject, IConfig<T>
{
    public static readonly ConfigObjectValueType<T> Instance = new();

    public override string DisplayName => T.TypeInfo.Name;

    public override ValueShape Shape => ValueShape.Config;

    public override ConfigTypeInfo NestedConfig => T.TypeInfo;

    public override bool TryRead(ConfigNode node, ValueReadContext context, out T value)
    {
        value = null!;
        if (node is not ConfigMap map)
        {
            context.TypeMismatch(node, "a mapping (" + T.TypeInfo.Name + ")");
            return false;
        }

        var instance = Binding.Binder.CreateFor(T.TypeInfo, map, context);
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

    public override bool ValueEquals(T left, T right) => ConfigWriter.ObjectsEqual(left, right);

    internal override void CollectChildren(T value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is not null)
        {
            children.Add((value, new PathStep(key)));
        }
    }
}
