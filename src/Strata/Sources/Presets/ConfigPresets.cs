using System.Diagnostics.CodeAnalysis;
using Strata.Provenance;
using Strata.Schema;
using Strata.Tree;

namespace Strata;

/// <summary>
/// The presets of every config family in the process. A family registers its presets once (from a module initializer,
/// so that they exist before any config is resolved); names are unique across families.
/// </summary>
public static class ConfigPresets
{
    private const string Prefix = "preset:";

    private static readonly Lock s_lock = new();
    private static ConfigPreset[] s_all = [];

    /// <summary>Every registered preset, in the order registered.</summary>
    public static IReadOnlyList<ConfigPreset> All => Volatile.Read(ref s_all);

    /// <summary>Registers a preset.</summary>
    /// <param name="preset">The preset.</param>
    /// <exception cref="ArgumentException">A preset of that name is registered already.</exception>
    public static void Register(ConfigPreset preset)
    {
        ArgumentNullException.ThrowIfNull(preset);
        lock (s_lock)
        {
            if (Find(preset.Name) is not null)
            {
                throw new ArgumentException("A preset named '" + preset.Name + "' is registered already.", nameof(preset));
            }

            Volatile.Write(ref s_all, [.. s_all, preset]);
        }
    }

    /// <summary>The preset of that name, or <see langword="null"/>.</summary>
    /// <param name="name">The name.</param>
    public static ConfigPreset? Find(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        foreach (var preset in All)
        {
            if (string.Equals(preset.Name, name, StringComparison.Ordinal))
            {
                return preset;
            }
        }

        return null;
    }

    /// <summary>
    /// Where a preset goes in a config of class <paramref name="root"/>: the keys of the field of the preset's class,
    /// found breadth-first (empty for the root itself), or <see langword="null"/> when the class has no such field.
    /// </summary>
    /// <param name="root">The class of the config.</param>
    /// <param name="preset">The preset.</param>
    public static IReadOnlyList<string>? PlaceIn(ConfigTypeInfo root, ConfigPreset preset)
    {
        ArgumentNullException.ThrowIfNull(root);
        ArgumentNullException.ThrowIfNull(preset);
        var queue = new Queue<(ConfigTypeInfo Type, string[] Path)>();
        queue.Enqueue((root, []));
        var seen = new HashSet<ConfigTypeInfo>(ReferenceEqualityComparer.Instance);
        while (queue.TryDequeue(out var next))
        {
            if (next.Type.ClrType == preset.ConfigClass)
            {
                return next.Path;
            }

            if (!seen.Add(next.Type) || next.Path.Length >= 4)
            {
                continue;
            }

            foreach (var field in next.Type.Fields)
            {
                if (field.ValueType.NestedConfig is { } nested && field.ValueType.Shape is ValueShape.Config)
                {
                    queue.Enqueue((nested, [.. next.Path, field.Key]));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// Reads <c>preset:NAME</c> (<paramref name="reference"/>) as the preset's tree, each value at <c>preset NAME</c>;
    /// an unknown name (with the closest known one) or a preset whose text is not a valid mapping is the problem.
    /// </summary>
    internal static bool TryRead(string reference, Sources.SourceLimits limits, [NotNullWhen(true)] out ConfigPreset? preset, [NotNullWhen(true)] out ConfigMap? tree, [NotNullWhen(false)] out string? problem)
    {
        tree = null;
        var name = reference[Prefix.Length..];
        preset = Find(name);
        if (preset is null)
        {
            var names = new List<string>();
            foreach (var known in All)
            {
                names.Add(known.Name);
            }

            var closest = Suggestions.Closest(name, names);
            problem = "unknown preset " + MessageText.Quoted(MessageText.Bounded(name))
                + (closest is not null ? " (did you mean " + MessageText.Quoted(closest) + "?)" : names.Count == 0 ? " (no presets are registered)" : " (strata presets KIND lists them)");
            return false;
        }

        // Parsed once per process: a preset's text never changes, and its tree is immutable.
        (tree, problem) = preset.Parsed ??= Parse(preset, limits);
        return tree is not null;
    }

    private static (ConfigMap? Tree, string? Problem) Parse(ConfigPreset preset, Sources.SourceLimits limits)
    {
        var document = Sources.YamlDocumentReader.Parse(preset.Yaml, SourceInfo.OfPreset(preset.Name), limits);
        foreach (var diagnostic in document.Diagnostics)
        {
            if (diagnostic.Severity == DiagnosticSeverity.Error)
            {
                return (null, "the preset " + MessageText.Quoted(preset.Name) + " is not valid: " + diagnostic.Message);
            }
        }

        return ((ConfigMap)document.Root!, null);
    }

    /// <summary>Whether a reference names a preset (<c>preset:NAME</c>) rather than a file.</summary>
    internal static bool IsReference(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);
}
