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

    /// <summary>The output of a config with nothing to write (output trees are immutable, so one instance serves all).</summary>
    private static readonly ConfigMap s_empty = ConfigMap.Empty(Origin.Default);

    [ThreadStatic]
    private static List<ConfigMapEntry>? t_entries;

    public static ConfigMap WriteObject(ConfigObject config, ValueWriteContext context, bool forceType)
    {
        var info = config.ConfigType;
        var fields = info.FieldArray;

        // The entries of every object being written go to one stack per thread: an object's entries sit above its
        // parent's (children are written while the parent's are collected) and are copied out once, at their count.
        var stack = t_entries ??= [];
        var start = stack.Count;
        try
        {
            // The first slot is kept for the type.
            stack.Add(default);
            for (var i = 0; i < fields.Length; i++)
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

                    stack.Add(new ConfigMapEntry(field.Key, Origin.Default, node));
                }
            }

            var first = start + 1;
            var count = stack.Count - first;
            if (info.TypeName is not null && (forceType || config.TypeOrigin is not null || count > 0 || context.Verbosity != Verbosity.Explicit))
            {
                stack[start] = new ConfigMapEntry("type", Origin.Default, ConfigScalar.Quoted(info.TypeName, Origin.Default));
                first = start;
                count++;
            }

            if (count == 0)
            {
                return s_empty;
            }

            var entries = new ConfigMapEntry[count];
            stack.CopyTo(first, entries, 0, count);
            return new ConfigMap(entries, Origin.Default, owned: true);
        }
        finally
        {
            stack.RemoveRange(start, stack.Count - start);
        }
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

        foreach (var field in left.ConfigType.FieldArray)
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
