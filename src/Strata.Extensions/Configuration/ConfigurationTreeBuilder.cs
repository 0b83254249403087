using System.Globalization;
using Microsoft.Extensions.Configuration;
using Strata.Generators.Naming;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Extensions.Configuration;

/// <summary>
/// Turns the sections of an <see cref="IConfiguration"/> into a Strata tree, directed by the schema: keys become the
/// class's YAML keys, numbered children of list fields become sequences, and every value stays a plain scalar so that
/// the field's own type converts it (rule R5) and a bad value is an ordinary, positioned diagnostic.
/// </summary>
/// <remarks>
/// Two spellings of one field (<c>NumLayers</c> in appsettings.json, <c>NUM_LAYERS</c> in the environment are the same
/// key to the configuration, but <c>num_layers</c> and <c>NumLayers</c> are not) are merged here, the later provider
/// winning, because a tree cannot hold one key twice.
/// </remarks>
internal sealed class ConfigurationTreeBuilder
{
    private readonly ConfigurationOrigins _origins;
    private readonly int _maxDepth;

    private ConfigurationTreeBuilder(ConfigurationOrigins origins, int maxDepth)
    {
        _origins = origins;
        _maxDepth = maxDepth;
    }

    /// <summary>Builds the tree of the section at <paramref name="sectionPath"/> (the whole configuration when null).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="info">The schema of the config class the section describes.</param>
    /// <param name="sectionPath">The section's key path, such as <c>Trainer</c> or <c>App:Training</c>.</param>
    /// <param name="maxDepth">
    /// The deepest nesting read: a section past it becomes an empty mapping, one level too deep, which the resolver
    /// reports (<see cref="ConfigResolver{T}.AddTree"/>); keys are never walked further (a key thousands of levels deep,
    /// from an environment variable say, would exhaust the stack).
    /// </param>
    /// <returns>A mapping; empty when the section does not exist.</returns>
    public static ConfigMap Build(IConfiguration configuration, ConfigTypeInfo info, string? sectionPath, int maxDepth)
    {
        var builder = new ConfigurationTreeBuilder(new ConfigurationOrigins(configuration), maxDepth);
        var section = string.IsNullOrEmpty(sectionPath) ? configuration : configuration.GetSection(sectionPath);
        return builder.BuildConfig([section], info, sectionPath ?? string.Empty, 1);
    }

    private ConfigNode BuildValue(List<IConfiguration> sections, ConfigValueType? type, string path, int depth)
    {
        var nullable = false;
        while (type is { Shape: ValueShape.Nullable, ElementType: { } inner })
        {
            nullable = true;
            type = inner;
        }

        if (!sections.Exists(static s => s.GetChildren().Any()))
        {
            return BuildLeaf(sections, type, nullable);
        }

        if (depth > _maxDepth)
        {
            // Not read further: an empty mapping one level past the limit, placed where the keys go on.
            return ConfigMap.Empty(_origins.SectionOrigin(PathOf(sections[^1])));
        }

        return type?.Shape switch
        {
            ValueShape.Config when type.NestedConfig is { } nested => BuildConfig(sections, nested, path, depth),
            ValueShape.Dictionary => BuildMap(sections, type.ElementType, path, depth),
            ValueShape.List or ValueShape.Set or ValueShape.Tuple => BuildSequence(sections, type.ElementType, path, depth),
            _ => BuildUntyped(sections, path, depth),
        };
    }

    private ConfigNode BuildLeaf(List<IConfiguration> sections, ConfigValueType? type, bool nullable)
    {
        var (section, precedence) = Winner(sections);
        var origin = _origins.OriginOf(precedence, PathOf(section));
        var text = (section as IConfigurationSection)?.Value;
        var empty = string.IsNullOrEmpty(text);

        // An empty object or array ({} or [] in JSON) reaches us as an empty value: an empty mapping or list, unless
        // the field may be null.
        if (empty && !nullable)
        {
            switch (type?.Shape)
            {
                case ValueShape.Config or ValueShape.Dictionary:
                    return ConfigMap.Empty(origin);
                case ValueShape.List or ValueShape.Set:
                    return ConfigSequence.Empty(origin);
            }
        }

        // The configuration binder reads an empty value as null for nullable types; strings keep "".
        if (text is null || (empty && nullable && type?.Shape is not (ValueShape.String or ValueShape.Path)))
        {
            return ConfigScalar.Null(origin);
        }

        return ConfigScalar.Plain(text, origin);
    }

    private ConfigMap BuildConfig(List<IConfiguration> sections, ConfigTypeInfo info, string path, int depth)
    {
        var children = Children(sections);
        info = ChooseSubtype(children, info, out var typeName);
        var keys = SchemaKeys.For(info);
        var groups = new List<(string Key, ConfigValueType? Type, List<IConfiguration> Sections)>();
        var groupOfKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var child in children)
        {
            // A key the class does not know is reported by the binder in snake_case, with the closest key suggested; its
            // origin still names it as the configuration spells it. A key with '_' is snake_case already, perhaps in
            // capitals as environment variables are: it is only lowered.
            var key = child.Key.Contains('_', StringComparison.Ordinal) ? child.Key.ToLowerInvariant() : SnakeCase.Convert(child.Key);
            ConfigValueType? valueType = null;
            if (keys.TryMatch(child.Key, out var match) || TryMatchSubtypes(info, child.Key, out match))
            {
                key = match.Key;
                valueType = match.ValueType;
            }

            if (groupOfKey.TryGetValue(key, out var group))
            {
                groups[group].Sections.Add(child);
            }
            else
            {
                groupOfKey.Add(key, groups.Count);
                groups.Add((key, valueType, [child]));
            }
        }

        var entries = new List<ConfigMapEntry>(groups.Count);
        foreach (var (key, valueType, group) in groups)
        {
            var value = typeName is not null && key == "type"
                ? ConfigScalar.Plain(typeName, LeafOrigin(group))
                : BuildValue(group, valueType, Join(path, key), depth + 1);
            entries.Add(new ConfigMapEntry(key, value.Origin, value));
        }

        return new ConfigMap(entries, ContainerOrigin(entries.Select(static e => e.Value), sections, path));
    }

    private ConfigMap BuildMap(List<IConfiguration> sections, ConfigValueType? valueType, string path, int depth)
    {
        // Dictionary keys are data, not schema keys: kept as the configuration spells them.
        var entries = new List<ConfigMapEntry>();
        foreach (var group in Children(sections).GroupBy(static c => c.Key, StringComparer.OrdinalIgnoreCase))
        {
            var value = BuildValue([.. group], valueType, Join(path, group.Key), depth + 1);
            entries.Add(new ConfigMapEntry(group.First().Key, value.Origin, value));
        }

        return new ConfigMap(entries, ContainerOrigin(entries.Select(static e => e.Value), sections, path));
    }

    private ConfigNode BuildSequence(List<IConfiguration> sections, ConfigValueType? elementType, string path, int depth)
    {
        var children = Children(sections);
        if (!children.TrueForAll(static c => TryIndex(c.Key, out _)))
        {
            // Not a list: let the binder say "expected a list" at this place.
            return BuildUntyped(sections, path, depth);
        }

        // "Layers:0", "Layers:1", ...: in index order; gaps close up, as the configuration binder does for arrays.
        var items = new List<ConfigNode>();
        foreach (var group in children.GroupBy(static c => Index(c.Key)).OrderBy(static g => g.Key))
        {
            items.Add(BuildValue([.. group], elementType, Join(path, group.First().Key), depth + 1));
        }

        return new ConfigSequence(items, ContainerOrigin(items, sections, path));
    }

    private ConfigNode BuildUntyped(List<IConfiguration> sections, string path, int depth)
    {
        var children = Children(sections);
        if (children.Count > 0 && children.TrueForAll(static c => TryIndex(c.Key, out _)))
        {
            return BuildSequence(sections, null, path, depth);
        }

        return BuildMap(sections, null, path, depth);
    }

    private static ConfigTypeInfo ChooseSubtype(List<IConfigurationSection> children, ConfigTypeInfo info, out string? typeName)
    {
        typeName = null;
        if (!info.IsPolymorphic)
        {
            return info;
        }

        var written = children.LastOrDefault(static c => string.Equals(c.Key, "type", StringComparison.OrdinalIgnoreCase))?.Value;
        if (written is null)
        {
            return info;
        }

        // Type names match like keys do, case-insensitively; an unknown name is left for the binder to report.
        var subtype = info.FindSubtype(written)
            ?? info.Subtypes.SingleOrDefault(s => string.Equals(s.Name, written, StringComparison.OrdinalIgnoreCase));
        typeName = subtype?.Name ?? written;
        return subtype?.TypeInfo ?? info;
    }

    private static bool TryMatchSubtypes(ConfigTypeInfo info, string configurationKey, out SchemaKeys.Match match)
    {
        // A layer may set a field of the subclass that a lower layer chose by its `type`.
        foreach (var subtype in info.Subtypes)
        {
            if (!ReferenceEquals(subtype.TypeInfo, info) && SchemaKeys.For(subtype.TypeInfo).TryMatch(configurationKey, out match))
            {
                return true;
            }
        }

        match = default;
        return false;
    }

    private (IConfiguration Section, int Precedence) Winner(List<IConfiguration> sections)
    {
        var best = sections[0];
        var bestPrecedence = _origins.PrecedenceOf(PathOf(best));
        for (var i = 1; i < sections.Count; i++)
        {
            var precedence = _origins.PrecedenceOf(PathOf(sections[i]));
            if (precedence > bestPrecedence)
            {
                best = sections[i];
                bestPrecedence = precedence;
            }
        }

        return (best, bestPrecedence);
    }

    private Origin LeafOrigin(List<IConfiguration> sections)
    {
        var (section, precedence) = Winner(sections);
        return _origins.OriginOf(precedence, PathOf(section));
    }

    private Origin ContainerOrigin(IEnumerable<ConfigNode> children, List<IConfiguration> sections, string path)
    {
        // A section has no value of its own: it is where its first key came from.
        var first = children.FirstOrDefault();
        return first?.Origin ?? _origins.OriginOf(sections.Count > 0 ? PathOf(sections[0]) : path);
    }

    private static List<IConfigurationSection> Children(List<IConfiguration> sections) =>
        [.. sections.SelectMany(static s => s.GetChildren())];

    private static string PathOf(IConfiguration section) => (section as IConfigurationSection)?.Path ?? string.Empty;

    private static string Join(string path, string key) => path.Length == 0 ? key : path + ConfigurationPath.KeyDelimiter + key;

    private static bool TryIndex(string key, out int index) =>
        int.TryParse(key, NumberStyles.None, CultureInfo.InvariantCulture, out index);

    private static int Index(string key) => TryIndex(key, out var index) ? index : -1;
}
