using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>A nested config: a mapping bound to a new instance; polymorphic slots choose the class by the <c>type</c> key (R7).</summary>
internal sealed class ConfigObjectValueType<T> : BuiltInValueType<T>
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

    internal override void Write(T value, ConfigWriter writer)
    {
        if (value is null)
        {
            writer.Null();
        }
        else
        {
            writer.WriteObject(value, forceType: true);
        }
    }

    public override bool ValueEquals(T left, T right)
    {
        if (ReferenceEquals(left, right) || left is null || right is null || !ReferenceEquals(left.ConfigType, right.ConfigType))
        {
            return ReferenceEquals(left, right);
        }

        foreach (var field in left.ConfigType.FieldArray)
        {
            if (!field.ValueEquals(left, right))
            {
                return false;
            }
        }

        return true;
    }

    internal override void CollectChildren(T value, string key, List<(ConfigObject Child, PathStep Step)> children)
    {
        if (value is not null)
        {
            children.Add((value, new PathStep(key)));
        }
    }
}
