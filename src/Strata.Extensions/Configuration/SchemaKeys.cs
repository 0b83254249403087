using System.Collections.Concurrent;
using Strata.Schema;

namespace Strata.Extensions.Configuration;

/// <summary>
/// Matches configuration keys to the YAML keys of a config class the way <c>Microsoft.Extensions.Configuration</c>
/// binds: case-insensitively, and accepting the C# property name as well as the snake_case key, so <c>NumLayers</c>,
/// <c>num_layers</c> and <c>NUM_LAYERS</c> (an environment variable) all name <c>num_layers</c>.
/// </summary>
internal sealed class SchemaKeys
{
    private const string TypeKey = "type";

    private static readonly ConcurrentDictionary<ConfigTypeInfo, SchemaKeys> s_cache = new();

    private readonly Dictionary<string, Match> _exact = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, Match?> _loose = new(StringComparer.OrdinalIgnoreCase);

    private SchemaKeys(ConfigTypeInfo info)
    {
        foreach (var field in info.Fields)
        {
            Add(field.Key, field.PropertyName, field.ValueType);
        }

        foreach (var derived in info.DerivedFields)
        {
            // Setting a derived field is an error (STR0107); naming it correctly makes the binder say so.
            Add(derived.Key, derived.PropertyName, null);
        }

        for (var t = info; t is not null; t = t.BaseType)
        {
            foreach (var rename in t.Renames)
            {
                if (!rename.OldPath.Contains('.', StringComparison.Ordinal))
                {
                    Add(rename.OldPath, null, null);
                }
            }

            foreach (var removed in t.RemovedKeys)
            {
                Add(removed.Key, null, null);
            }
        }

        if (info.IsPolymorphic)
        {
            Add(TypeKey, null, null);
        }
    }

    /// <summary>The keys of <paramref name="info"/>, built once per class.</summary>
    /// <param name="info">The schema.</param>
    public static SchemaKeys For(ConfigTypeInfo info) => s_cache.GetOrAdd(info, static i => new SchemaKeys(i));

    /// <summary>Finds the YAML key (and the value type, for a settable field) that a configuration key names.</summary>
    /// <param name="configurationKey">The key as the configuration spells it.</param>
    /// <param name="match">The key found.</param>
    /// <returns>Whether the key names something of the class.</returns>
    public bool TryMatch(string configurationKey, out Match match)
    {
        if (_exact.TryGetValue(configurationKey, out match))
        {
            return true;
        }

        if (_loose.TryGetValue(Loose(configurationKey), out var loose) && loose is { } found)
        {
            match = found;
            return true;
        }

        match = default;
        return false;
    }

    private void Add(string key, string? propertyName, ConfigValueType? valueType)
    {
        var match = new Match(key, valueType);
        _exact.TryAdd(key, match);
        if (propertyName is not null)
        {
            _exact.TryAdd(propertyName, match);
        }

        // Underscores dropped: "NumLayers" and "num_layers" meet at "numlayers". Two keys that meet there are ambiguous
        // and match only exactly.
        var loose = Loose(key);
        if (!_loose.TryAdd(loose, match) && _loose[loose] is { } other && other.Key != key)
        {
            _loose[loose] = null;
        }
    }

    private static string Loose(string key) => key.Replace("_", string.Empty, StringComparison.Ordinal);

    /// <summary>A YAML key of the class and the type of its value (<see langword="null"/> when it is not a settable field).</summary>
    /// <param name="Key">The YAML key.</param>
    /// <param name="ValueType">The field's value type, or <see langword="null"/>.</param>
    internal readonly record struct Match(string Key, ConfigValueType? ValueType);
}
