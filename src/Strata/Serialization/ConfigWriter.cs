using Strata.Schema;
using Strata.Tree;

namespace Strata.Serialization;

/// <summary>
/// Writes config objects as output trees at a verbosity (R3, R4): explicit values only by default (explicit nulls
/// included, empty sub-configs omitted), or every field up to a hint importance. Derived fields are never written.
/// </summary>
internal static class ConfigWriter
{
    private const string RedactedText = "***";

    public static ConfigMap WriteObject(ConfigObject config, ValueWriteContext context, bool forceType)
    {
        var info = config.ConfigType;
        var entries = new List<ConfigMapEntry>();
        var fields = info.Fields;
        for (var i = 0; i < fields.Count; i++)
        {
            var field = fields[i];
            if ((field.IsSecret && context.Secrets == SecretHandling.Omit) || (field.IsRankLocal && context.OmitRankLocal))
            {
                continue;
            }

            var node = WriteField(config, field, context);
            if (node is not null)
            {
                if (field.IsSecret && context.Secrets == SecretHandling.Redact && node is ConfigScalar { IsNull: false })
                {
                    node = ConfigScalar.Quoted(RedactedText, Origin.Default);
                }

                entries.Add(new ConfigMapEntry(field.Key, Origin.Default, node));
            }
        }

        if (info.TypeName is not null && (forceType || config.TypeOrigin is not null || entries.Count > 0 || context.Verbosity != Verbosity.Explicit))
        {
            entries.Insert(0, new ConfigMapEntry("type", Origin.Default, ConfigScalar.Quoted(info.TypeName, Origin.Default)));
        }

        return new ConfigMap([.. entries], Origin.Default, owned: true);
    }

    public static bool ObjectsEqual(ConfigObject? left, ConfigObject? right)
    {
        if (ReferenceEquals(left, right))
        {
            return true;
        }

        if (left is null || right is null || !ReferenceEquals(left.ConfigType, right.ConfigType))
        {
            return false;
        }

        foreach (var field in left.ConfigType.Fields)
        {
            if (!field.ValueEquals(left, right))
            {
                return false;
            }
        }

        return true;
    }

    private static ConfigNode? WriteField(ConfigObject config, ConfigFieldInfo field, ValueWriteContext context)
    {
        var state = config.GetSlot(field.Index).State;
        var isExplicit = (state & FieldState.Explicit) != 0;
        if (field.ValueType.Shape == ValueShape.Config)
        {
            // A nested config is written by its content, never as an empty mapping.
            if (field.GetValue(config) is not ConfigObject child)
            {
                return null;
            }

            var map = WriteObject(child, context, forceType: false);
            return map.Count > 0 ? map : null;
        }

        if (field.ValueType.Shape == ValueShape.Nullable && field.ValueType.ElementType?.Shape == ValueShape.Config)
        {
            var child = field.GetValue(config) as ConfigObject;
            if (child is null)
            {
                return isExplicit || context.Verbosity != Verbosity.Explicit ? ConfigScalar.Null(Origin.Default) : null;
            }

            var map = WriteObject(child, context, forceType: false);
            return map.Count > 0 || isExplicit ? map : null;
        }

        var include = isExplicit || (context.Verbosity != Verbosity.Explicit && field.Hint.Importance() <= (int)context.Verbosity);
        return include ? field.WriteValue(config, context) : null;
    }
}
