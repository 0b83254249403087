using Strata.Resolution;
using Strata.Schema;
using Strata.Tree;

namespace Strata.Values;

/// <summary>
/// Builds typed config objects from a merged tree: schema-directed scalar typing, polymorphic <c>type</c> dispatch
/// (R7), unknown keys reported with a suggestion (R6).
/// </summary>
internal sealed class Binder
{
    private const string TypeKey = "type";

    /// <summary>The base layer places, by the mapping each binds (their configs were made before binding); null while there is none.</summary>
    private Dictionary<ConfigMap, BaseLayerContext>? _prebound;

    /// <summary>The place whose config <see cref="CreateFor"/> just returned, for the <see cref="BindObject"/> that follows.</summary>
    private BaseLayerContext? _binding;

    /// <summary>The class of the root config (the kind), for suggestions of keys written under the wrong section.</summary>
    private ConfigTypeInfo? _root;

    public Binder(bool lenientUnknownKeys, ResolutionGraph graph)
    {
        LenientUnknownKeys = lenientUnknownKeys;
        Graph = graph;
    }

    public bool LenientUnknownKeys { get; }

    /// <summary>While a base layer's hook binds its inputs: they are read before interpolations are resolved, so cannot hold one.</summary>
    public bool RefusesInterpolation { get; set; }

    /// <summary>The graph of the resolution: every config the binder makes belongs to it.</summary>
    public ResolutionGraph Graph { get; }

    /// <summary>Binds <paramref name="map"/> into a new instance of the class chosen for <paramref name="slotType"/>.</summary>
    public ConfigObject? Bind(ConfigTypeInfo slotType, ConfigMap map, ValueReadContext context)
    {
        _root ??= slotType;
        var instance = CreateFor(slotType, map, context);
        if (instance is not null)
        {
            BindObject(instance, map, context);
        }

        return instance;
    }

    /// <summary>Makes <paramref name="map"/> bind into the config of <paramref name="place"/>, except for the fields its hook bound.</summary>
    public void Prebind(ConfigMap map, BaseLayerContext place) => (_prebound ??= new(ReferenceEqualityComparer.Instance))[map] = place;

    /// <summary>Creates the instance a mapping binds to: the slot's class, or the registered subclass its <c>type</c> names.</summary>
    public static ConfigObject? CreateFor(ConfigTypeInfo slotType, ConfigMap map, ValueReadContext context)
    {
        if (context.Binder._prebound is { } prebound && prebound.Remove(map, out var place))
        {
            context.Binder._binding = place;
            return place.Current;
        }

        if (Create(slotType, map, context) is not { } instance)
        {
            return null;
        }

        instance.Graph = context.Binder.Graph;
        return instance;
    }

    private static ConfigObject? Create(ConfigTypeInfo slotType, ConfigMap map, ValueReadContext context)
    {
        if (!slotType.IsPolymorphic)
        {
            return slotType.CreateInstance();
        }

        if (!map.TryGetValue(TypeKey, out var typeNode))
        {
            if (slotType.IsAbstract)
            {
                context.Error(
                    DiagnosticCodes.UnknownType,
                    map,
                    "a `type` is required to choose the " + slotType.Name + ": one of " + string.Join(", ", slotType.SubtypeNames()));
                return null;
            }

            return slotType.CreateInstance();
        }

        if (typeNode is not ConfigScalar { IsNull: false } named)
        {
            context.Push(TypeKey);
            context.TypeMismatch(typeNode, "a type name");
            context.Pop();
            return null;
        }

        var subtype = slotType.FindSubtype(named.Text);
        if (subtype is null)
        {
            var name = named.Value!;
            context.Push(TypeKey);
            var names = slotType.SubtypeNames();
            var suggestion = Suggestions.Closest(name, names);
            context.Error(
                DiagnosticCodes.UnknownType,
                typeNode,
                "unknown type " + MessageText.Quoted(name) + " for " + slotType.Name + ": expected one of " + string.Join(", ", names)
                + (suggestion is null ? string.Empty : " (did you mean " + MessageText.Quoted(suggestion) + "?)"));
            context.Pop();
            return null;
        }

        var instance = subtype.TypeInfo.CreateInstance();
        instance.TypeNode = typeNode;
        return instance;
    }

    /// <summary>
    /// Whether <paramref name="child"/>, a default child a config owns, can take <paramref name="map"/> instead of a new
    /// instance: it is untouched (never bound, nothing set) and the mapping chooses no class through a <c>type</c>.
    /// </summary>
    public static bool CanBindInto(ConfigObject child, ConfigMap map) =>
        child.SourceTree is null && !child.HasAnyExplicit() && child.TypeNode is null
        && (!child.ConfigType.IsPolymorphic || !map.TryGetValue(TypeKey, out _));

    /// <summary>Binds every entry of <paramref name="map"/> to the fields of <paramref name="target"/>.</summary>
    public void BindObject(ConfigObject target, ConfigMap map, ValueReadContext context)
    {
        var info = target.ConfigType;
        var bound = ReferenceEquals(_binding?.Current, target) ? _binding!.Bound : null;
        _binding = null;
        target.SourceTree = map;
        foreach (var entry in map.EntryArray)
        {
            var field = info.FindByKey(entry.Key);
            context.Push(entry.Key);
            try
            {
                if (field is not null)
                {
                    if (bound is not null && bound.Contains(field.Index))
                    {
                        // Its base layer's hook bound it.
                    }
                    else if (entry.Value is ConfigScalar scalar && Interpolation.IsExpression(scalar))
                    {
                        Interpolation.Defer(target, field, scalar, context);
                    }
                    else
                    {
                        field.Bind(target, entry.Value, context);
                    }
                }
                else if (entry.Key == TypeKey && (info.TypeName is not null || info.IsPolymorphic))
                {
                    // The discriminator was used to choose the class.
                }
                else
                {
                    ReportUnknown(info, entry, context);
                }
            }
            finally
            {
                context.Pop();
            }
        }
    }

    /// <summary>
    /// The key of the field whose C# property is named <paramref name="name"/> (any case): a .NET user writes
    /// <c>LearningRate</c> (as <c>IConfiguration</c> takes it) for the key <c>lr</c>.
    /// </summary>
    private static string? KeyOfProperty(ConfigTypeInfo info, string name)
    {
        foreach (var field in info.FieldArray)
        {
            if (string.Equals(field.PropertyName, name, StringComparison.OrdinalIgnoreCase))
            {
                return field.Key;
            }
        }

        return null;
    }

    /// <summary>
    /// A "did you mean" for a key of the schema written at the wrong level of nesting: its paths under the config
    /// where it was written (a level left out, <c>train_iters</c> at the top for <c>training.train_iters</c>), else its
    /// paths from the root (written under the wrong section); up to three, as full paths. Empty when it is nowhere.
    /// </summary>
    private string Elsewhere(ConfigTypeInfo info, string key, string path)
    {
        // The path of the config where the key was written: the key's own path without its last step.
        var at = path.Length - key.Length;
        var prefix = at > 0 && path.EndsWith(key, StringComparison.Ordinal) && path[at - 1] == '.' ? path[..(at - 1)] : string.Empty;
        List<string>? below = null;
        if (info.NestedKeyPaths.TryGetValue(key, out var under))
        {
            below = [];
            foreach (var place in under)
            {
                below.Add(prefix.Length == 0 ? place : prefix + "." + place);
            }
        }
        else if (_root is not null && !ReferenceEquals(_root, info) && _root.NestedKeyPaths.TryGetValue(key, out var fromRoot))
        {
            below = fromRoot;
        }

        if (below is null or { Count: > 3 })
        {
            return string.Empty;
        }

        var text = new System.Text.StringBuilder(" (did you mean ");
        for (var i = 0; i < below.Count; i++)
        {
            // A field of the root has a path without a dot, which would read as the key itself.
            text.Append(i == 0 ? string.Empty : i == below.Count - 1 ? " or " : ", ")
                .Append(below[i].Contains('.', StringComparison.Ordinal) ? string.Empty : "the top-level ")
                .Append(MessageText.Quoted(below[i], '`', '`')); // under a dictionary, the path holds the input's keys
        }

        return text.Append("?)").ToString();
    }

    private void ReportUnknown(ConfigTypeInfo info, ConfigMapEntry entry, ValueReadContext context)
    {
        foreach (var derived in info.DerivedFields)
        {
            if (derived.Key == entry.Key)
            {
                context.Diagnostics.Error(
                    DiagnosticCodes.DerivedFieldSet,
                    context.Path,
                    entry.KeyOrigin,
                    MessageText.Quoted(entry.Key, '`', '`') + " is derived from other fields and cannot be set");
                return;
            }
        }

        var suggestion = Suggestions.Closest(entry.Key, info.FieldKeys()) ?? KeyOfProperty(info, entry.Key);
        var message = "unknown key " + MessageText.Quoted(entry.Key, '`', '`') + " in " + info.Name
            + (suggestion is not null ? " (did you mean " + MessageText.Quoted(suggestion, '`', '`') + "?)" : Elsewhere(info, entry.Key, context.Path));
        if (LenientUnknownKeys)
        {
            context.Diagnostics.Warning(DiagnosticCodes.UnknownKey, context.Path, entry.KeyOrigin, message);
        }
        else
        {
            context.Diagnostics.Error(DiagnosticCodes.UnknownKey, context.Path, entry.KeyOrigin, message);
        }
    }
}
