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

    /// <summary>
    /// Writes the YAML of what <see cref="WriteObject"/> gives, as <see cref="YamlEmitter"/> writes a non-empty
    /// mapping, without the tree: returns <see langword="false"/>, having written nothing, when that mapping is empty.
    /// </summary>
    /// <param name="config">The config.</param>
    /// <param name="context">The verbosity and secret handling.</param>
    /// <param name="forceType">Whether the <c>type</c> of a registered class is written even when nothing else is.</param>
    /// <param name="writer">Where to write.</param>
    /// <param name="indent">The indentation of the entries.</param>
    /// <param name="continuesLine">Whether the first entry follows a <c>- </c> already written.</param>
    public static bool WriteObjectYaml(ConfigObject config, ValueWriteContext context, bool forceType, YamlBuffer writer, int indent, bool continuesLine)
    {
        var info = config.ConfigType;
        var fields = info.FieldArray;
        var start = writer.Length;
        if (info.TypeName is not null)
        {
            // Written first, and taken back below if the mapping turns out to have nothing else and need no type.
            YamlEmitter.WriteKeyText("type:", writer, indent, continuesLine);
            writer.Write(info.YamlTypeValue);
        }

        var typeEnd = writer.Length;
        var explicitOnly = context.Verbosity == Verbosity.Explicit;
        for (var i = 0; i < fields.Length; i++)
        {
            var field = fields[i];
            if (explicitOnly && field.OutputKind == ConfigFieldInfo.ValueOutput && (config.GetSlot(field.Index).State & FieldState.Explicit) == 0)
            {
                // Not written in any case (the common one: a value left at its default).
                continue;
            }

            if ((field.IsSecret && context.Secrets == SecretHandling.Omit) || (field.IsRankLocal && context.OmitRankLocal))
            {
                continue;
            }

            // Only the first entry written continues the line of a "- ".
            var continues = continuesLine && writer.Length == start;
            if (field.IsSecret && context.Secrets == SecretHandling.Redact)
            {
                var node = WriteField(config, field, context);
                if (node is not null)
                {
                    if (node is ConfigScalar { IsNull: false })
                    {
                        node = ConfigScalar.Quoted(RedactedText, Origin.Default);
                    }

                    YamlEmitter.WriteKeyText(field.YamlKey, writer, indent, continues);
                    YamlEmitter.WriteValue(node, writer, indent, item: false);
                }

                continue;
            }

            WriteFieldYaml(config, field, context, writer, indent, continues);
        }

        if (writer.Length == typeEnd && (info.TypeName is null || !(forceType || config.TypeOrigin is not null || context.Verbosity != Verbosity.Explicit)))
        {
            writer.Length = start;
            return false;
        }

        return true;
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

    /// <summary>Writes the entry of a field as <see cref="WriteField"/> and <see cref="YamlEmitter"/> would, or nothing.</summary>
    private static void WriteFieldYaml(ConfigObject config, ConfigFieldInfo field, ValueWriteContext context, YamlBuffer writer, int indent, bool continuesLine)
    {
        var isExplicit = (config.GetSlot(field.Index).State & FieldState.Explicit) != 0;
        var kind = field.OutputKind;
        if (kind == ConfigFieldInfo.ConfigOutput)
        {
            // A nested config is written by its content, never as an empty mapping: its key is taken back if it has none.
            if (field.GetValue(config) is not ConfigObject child)
            {
                return;
            }

            var entryStart = writer.Length;
            YamlEmitter.WriteKeyText(field.YamlKey, writer, indent, continuesLine);
            writer.Write('\n');
            if (!WriteObjectYaml(child, context, forceType: false, writer, indent + 2, continuesLine: false))
            {
                writer.Length = entryStart;
            }

            return;
        }

        if (kind == ConfigFieldInfo.NullableConfigOutput)
        {
            var child = field.GetValue(config) as ConfigObject;
            if (child is null)
            {
                if (isExplicit || context.Verbosity != Verbosity.Explicit)
                {
                    YamlEmitter.WriteKeyText(field.YamlKey, writer, indent, continuesLine);
                    YamlEmitter.WriteStringValue(null, writer, item: false);
                }

                return;
            }

            var entryStart = writer.Length;
            YamlEmitter.WriteKeyText(field.YamlKey, writer, indent, continuesLine);
            var keyEnd = writer.Length;
            writer.Write('\n');
            if (!WriteObjectYaml(child, context, forceType: false, writer, indent + 2, continuesLine: false))
            {
                if (isExplicit)
                {
                    writer.Length = keyEnd;
                    YamlEmitter.WriteEmptyValue("{}", writer, item: false);
                }
                else
                {
                    writer.Length = entryStart;
                }
            }

            return;
        }

        if (isExplicit || (context.Verbosity != Verbosity.Explicit && field.Hint.Importance() <= (int)context.Verbosity))
        {
            field.WriteYaml(config, context, writer, indent, continuesLine);
        }
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
