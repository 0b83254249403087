using System.Collections.Frozen;
using System.ComponentModel;

namespace Strata.Schema;

/// <summary>
/// The schema of a config class, written by the source generator: its fields in order (base class fields first), its
/// derived fields, renamed and removed keys, and the registry of its polymorphic subclasses. Immutable and shared by
/// every resolution on every thread.
/// </summary>
public abstract class ConfigTypeInfo
{
    private ConfigFieldInfo[][]? _byKeyLength;
    private Dictionary<string, ConfigFieldInfo>? _byProperty;
    private ConfigFieldInfo[]? _allFields;
    private ConfigFieldInfo[]? _childFields;
    private ConfigFieldInfo[]? _environmentFields;
    private ConfigFieldInfo[]? _ruledFields;
    private ConfigFieldInfo[]? _freezeFields;
    private Dictionary<string, List<string>>? _nestedKeyPaths;
    private IReadOnlyList<ConfigDerivedInfo>? _allDerived;
    private IReadOnlyList<ConfigSubtype>? _subtypes;
    private const int DeepRenames = (int)DeepDeclarations.Renames;
    private const int DeepBaseLayers = (int)DeepDeclarations.BaseLayers;

    /// <summary>The deepest level indexed by <see cref="NestedKeyPaths"/>.</summary>
    private const int MaxNestedKeyDepth = 16;

    /// <summary>The most paths indexed by <see cref="NestedKeyPaths"/>.</summary>
    private const int MaxNestedKeyPaths = 10_000;
    private int _deepFlags = -1;
    private bool _providesBaseLayers;
    private int _isPolymorphic = -1;

    private protected ConfigTypeInfo(string name, Type clrType, ConfigTypeInfo? baseType)
    {
        Name = name;
        ClrType = clrType;
        BaseType = baseType;
    }

    /// <summary>The C# class name.</summary>
    public string Name { get; }

    /// <summary>The CLR type of the class.</summary>
    public Type ClrType { get; }

    /// <summary>The schema of the base config class, if any.</summary>
    public ConfigTypeInfo? BaseType { get; }

    /// <summary>The description, from the class's XML documentation.</summary>
    public string? Description { get; init; }

    /// <summary>The name of the class in the registry of its polymorphic base, if registered.</summary>
    public string? TypeName { get; init; }

    /// <summary>Whether the class is abstract (a polymorphic slot of this type needs a <c>type</c> key).</summary>
    public bool IsAbstract { get; init; }

    /// <summary>The fields declared by this class (not its base).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IReadOnlyList<ConfigFieldInfo> DeclaredFields { get; init; } = [];

    /// <summary>The derived fields declared by this class.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IReadOnlyList<ConfigDerivedInfo> DeclaredDerivedFields { get; init; } = [];

    /// <summary>Renamed keys declared by this class.</summary>
    public IReadOnlyList<RenamedFromAttribute> Renames { get; init; } = [];

    /// <summary>The converters of renamed keys, by old path.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public IReadOnlyDictionary<string, Func<Tree.ConfigNode, Tree.ConfigNode?>> RenameConverters { get; init; } =
        FrozenDictionary<string, Func<Tree.ConfigNode, Tree.ConfigNode?>>.Empty;

    /// <summary>Removed keys declared by this class.</summary>
    public IReadOnlyList<RemovedKeyAttribute> RemovedKeys { get; init; } = [];

    /// <summary>Whether the class (or a base class) has a <c>ProvideBaseLayers</c> hook (set by generated code).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public bool ProvidesBaseLayers
    {
        get => _providesBaseLayers || BaseType is { ProvidesBaseLayers: true };
        init => _providesBaseLayers = value;
    }

    /// <summary>The registered subclasses (and this class, when registered) that a slot of this type accepts.</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public Func<IReadOnlyList<ConfigSubtype>>? SubtypeFactory { get; init; }

    /// <summary>
    /// What this class or any config reachable from it declares. The generator sets it when every reachable class is in
    /// the class's own assembly (where the compiler sees them all); otherwise (<see cref="DeepDeclarations.Unknown"/>) the
    /// first read walks the reachable classes, taking the generated flags of those that have them.
    /// </summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public DeepDeclarations DeepDeclarations
    {
        get => (DeepDeclarations)KnownDeepFlags();
        init => _deepFlags = (value & DeepDeclarations.Unknown) != 0 ? -1 : (int)value;
    }

    /// <summary>Every field, base class fields first; <see cref="ConfigFieldInfo.Index"/> is the position in this list.</summary>
    public IReadOnlyList<ConfigFieldInfo> Fields => FieldArray;

    /// <summary>Every field, as an array: hot loops index it instead of enumerating an interface (no enumerator is allocated).</summary>
    internal ConfigFieldInfo[] FieldArray => _allFields ??= BuildFields();

    /// <summary>The fields that can hold configs (nested configs, collections of configs): the edges of the config graph.</summary>
    internal ConfigFieldInfo[] ChildFields => _childFields ??= Select(static f => f.ValueType.NestedConfig is not null);

    /// <summary>The fields bound to an environment variable.</summary>
    internal ConfigFieldInfo[] EnvironmentFields => _environmentFields ??= Select(static f => f.EnvironmentVariable is not null);

    /// <summary>The fields with rules (the others have nothing to validate).</summary>
    internal ConfigFieldInfo[] RuledFields => _ruledFields ??= Select(static f => f.RuleArray.Length > 0);

    /// <summary>The fields whose values freezing can change (collections); the others are immutable values or configs.</summary>
    internal ConfigFieldInfo[] FreezeFields => _freezeFields ??= Select(static f => f.NeedsFreeze);

    /// <summary>Every derived field, base class ones first.</summary>
    public IReadOnlyList<ConfigDerivedInfo> DerivedFields => _allDerived ??= BaseType is null
        ? DeclaredDerivedFields
        : [.. BaseType.DerivedFields, .. DeclaredDerivedFields];

    /// <summary>Whether a slot of this type is polymorphic (chosen by a <c>type</c> key).</summary>
    public bool IsPolymorphic
    {
        get
        {
            if (_isPolymorphic < 0)
            {
                _isPolymorphic = Subtypes.Count > 0 ? 1 : 0;
            }

            return _isPolymorphic == 1;
        }
    }

    /// <summary>The registered names a slot of this type accepts, with their schemas.</summary>
    public IReadOnlyList<ConfigSubtype> Subtypes => _subtypes ??= SubtypeFactory?.Invoke() ?? [];

    /// <summary>Creates a new instance with its defaults.</summary>
    public abstract ConfigObject CreateInstance();

    /// <summary>Finds a field by its YAML key.</summary>
    /// <param name="key">The key.</param>
    public ConfigFieldInfo? FindByKey(string key)
    {
        ArgumentNullException.ThrowIfNull(key);

        // The fields grouped by the length of their key: a key is compared with the few of its length only, which costs
        // less than hashing it (the binder looks up every key it reads).
        var byLength = _byKeyLength ??= IndexByKeyLength(FieldArray);
        if (key.Length >= byLength.Length)
        {
            return null;
        }

        var candidates = byLength[key.Length];
        for (var i = candidates.Length - 1; i >= 0; i--)
        {
            var candidate = candidates[i];
            if (ReferenceEquals(candidate.Key, key) || string.Equals(candidate.Key, key, StringComparison.Ordinal))
            {
                return candidate;
            }
        }

        return null;
    }

    /// <summary>Finds a field by its C# property name.</summary>
    /// <param name="propertyName">The property name.</param>
    public ConfigFieldInfo? FindByPropertyName(string propertyName) =>
        (_byProperty ??= Index(FieldArray, static f => f.PropertyName)).GetValueOrDefault(propertyName);

    /// <summary>Finds a registered subtype by name.</summary>
    /// <param name="typeName">The <c>type</c> value.</param>
    public ConfigSubtype? FindSubtype(string typeName) => FindSubtype(typeName.AsSpan());

    /// <summary>Finds a registered subtype by the characters of its name (a <c>type</c> value never made a string).</summary>
    internal ConfigSubtype? FindSubtype(ReadOnlySpan<char> typeName)
    {
        var subtypes = Subtypes;
        for (var i = 0; i < subtypes.Count; i++)
        {
            if (typeName.SequenceEqual(subtypes[i].Name))
            {
                return subtypes[i];
            }
        }

        return null;
    }

    /// <summary>Whether this class or any config reachable from it declares renamed or removed keys.</summary>
    internal bool HasRenamesDeep => (KnownDeepFlags() & DeepRenames) != 0;

    /// <summary>Whether this class or any config reachable from it provides base layers (the places to look for before binding).</summary>
    internal bool HasBaseLayersDeep => (KnownDeepFlags() & DeepBaseLayers) != 0;

    /// <summary>The deep flags: generated, or walked for once.</summary>
    private int KnownDeepFlags()
    {
        var flags = Volatile.Read(ref _deepFlags);
        return flags >= 0 ? flags : ComputeDeepFlags(this);
    }

    /// <summary>The flags that this class itself (or a base class) declares.</summary>
    private int OwnFlags()
    {
        var flags = ProvidesBaseLayers ? DeepBaseLayers : 0;
        for (var t = this; t is not null; t = t.BaseType)
        {
            if (t.Renames.Count > 0 || t.RemovedKeys.Count > 0)
            {
                flags |= DeepRenames;
            }
        }

        return flags;
    }

    /// <summary>
    /// Sets the deep flags of every class reachable from <paramref name="root"/> (its registered subclasses, the configs
    /// its fields hold, and so on) in one walk: a class has a flag when it or a class reachable from it declares it. Only
    /// the classes the generator could not answer for are walked (a class reaching into another assembly); the walk stops
    /// at every class with known flags. Asking each class on its own would walk the classes below it again for every
    /// class above them (the merge asks at every place). Only final values are published, so a class read by another
    /// thread meanwhile is never wrong.
    /// </summary>
    private static int ComputeDeepFlags(ConfigTypeInfo root)
    {
        // The classes whose flags are unknown and their edges: class i's successors are edges[starts[i]..starts[i + 1]),
        // each an index, or -1 - flags for a class already known. A list searched by reference rather than a dictionary:
        // a schema has tens of classes, and every generic instantiation adds to what a NativeAOT process loads at start.
        var classes = new List<ConfigTypeInfo> { root };
        var starts = new List<int>();
        var edges = new List<int>();
        for (var i = 0; i < classes.Count; i++)
        {
            starts.Add(edges.Count);
            var type = classes[i];
            foreach (var subtype in type.Subtypes)
            {
                if (!ReferenceEquals(subtype.TypeInfo, type))
                {
                    edges.Add(Reach(subtype.TypeInfo));
                }
            }

            foreach (var field in type.FieldArray)
            {
                if (field.ValueType.NestedConfig is { } nested)
                {
                    edges.Add(Reach(nested));
                }
            }
        }

        starts.Add(edges.Count);

        // A class's flags are its own and those of its successors; cycles need a few rounds to settle.
        var flags = new int[classes.Count];
        for (var i = 0; i < flags.Length; i++)
        {
            flags[i] = classes[i].OwnFlags();
        }

        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = flags.Length - 1; i >= 0; i--)
            {
                var value = flags[i];
                for (var e = starts[i]; e < starts[i + 1]; e++)
                {
                    value |= edges[e] >= 0 ? flags[edges[e]] : -1 - edges[e];
                }

                changed |= value != flags[i];
                flags[i] = value;
            }
        }

        for (var i = 0; i < flags.Length; i++)
        {
            Volatile.Write(ref classes[i]._deepFlags, flags[i]);
        }

        return flags[0];

        int Reach(ConfigTypeInfo type)
        {
            var known = Volatile.Read(ref type._deepFlags);
            if (known >= 0)
            {
                return -1 - known;
            }

            for (var at = 0; at < classes.Count; at++)
            {
                if (ReferenceEquals(classes[at], type))
                {
                    return at;
                }
            }

            classes.Add(type);
            return classes.Count - 1;
        }
    }

    /// <summary>
    /// A lookup of the fields. A plain dictionary rather than a frozen one: lookups cost about the same for a few dozen
    /// keys, and building one is several times cheaper, which a short-lived process (the command line) pays per class.
    /// </summary>
    private static Dictionary<string, ConfigFieldInfo> Index(ConfigFieldInfo[] fields, Func<ConfigFieldInfo, string> name)
    {
        var index = new Dictionary<string, ConfigFieldInfo>(fields.Length, StringComparer.Ordinal);
        foreach (var field in fields)
        {
            index[name(field)] = field;
        }

        return index;
    }

    /// <summary>The fields by the length of their key, each group in field order.</summary>
    private static ConfigFieldInfo[][] IndexByKeyLength(ConfigFieldInfo[] fields)
    {
        var longest = 0;
        foreach (var field in fields)
        {
            longest = Math.Max(longest, field.Key.Length);
        }

        var groups = new List<ConfigFieldInfo>[longest + 1];
        foreach (var field in fields)
        {
            (groups[field.Key.Length] ??= []).Add(field);
        }

        var byLength = new ConfigFieldInfo[longest + 1][];
        for (var length = 0; length <= longest; length++)
        {
            byLength[length] = groups[length] is { } group ? [.. group] : [];
        }

        return byLength;
    }

    private ConfigFieldInfo[] BuildFields()
    {
        var list = new List<ConfigFieldInfo>();
        if (BaseType is not null)
        {
            list.AddRange(BaseType.FieldArray);
        }

        foreach (var f in DeclaredFields)
        {
            f.Index = list.Count;
            list.Add(f);
        }

        return [.. list];
    }

    /// <summary>The fields that <paramref name="keep"/> keeps, in order (the tables above, made once each).</summary>
    private ConfigFieldInfo[] Select(Func<ConfigFieldInfo, bool> keep)
    {
        var kept = new List<ConfigFieldInfo>();
        foreach (var field in FieldArray)
        {
            if (keep(field))
            {
                kept.Add(field);
            }
        }

        return [.. kept];
    }

    /// <summary>The names of the registered subtypes, in order (for messages).</summary>
    internal List<string> SubtypeNames()
    {
        var names = new List<string>(Subtypes.Count);
        foreach (var subtype in Subtypes)
        {
            names.Add(subtype.Name);
        }

        return names;
    }

    /// <summary>
    /// The dotted paths of the fields of this config and of the configs nested under it (through config fields, not
    /// lists or dictionaries), by their key, shallowest first: where a key written at the wrong level of nesting belongs (for
    /// suggestions). Built once per class, bounded by <see cref="MaxNestedKeyDepth"/> levels and
    /// <see cref="MaxNestedKeyPaths"/> paths, so that a file of many unknown keys costs one lookup each.
    /// </summary>
    internal Dictionary<string, List<string>> NestedKeyPaths => _nestedKeyPaths ??= BuildNestedKeyPaths();

    private Dictionary<string, List<string>> BuildNestedKeyPaths()
    {
        // Breadth first, so each key's paths come shallowest first.
        var paths = new Dictionary<string, List<string>>(StringComparer.Ordinal);
        var level = new List<(ConfigTypeInfo Type, string Prefix)> { (this, string.Empty) };
        var count = 0;
        for (var depth = 0; depth < MaxNestedKeyDepth && level.Count > 0; depth++)
        {
            var next = new List<(ConfigTypeInfo Type, string Prefix)>();
            foreach (var (type, prefix) in level)
            {
                foreach (var field in type.FieldArray)
                {
                    // Stops at the bound, not at the end of the level: a level of a wide schema can hold many times it.
                    if (count++ == MaxNestedKeyPaths)
                    {
                        return paths;
                    }

                    var path = prefix.Length == 0 ? field.Key : prefix + "." + field.Key;
                    if (!paths.TryGetValue(field.Key, out var list))
                    {
                        paths[field.Key] = list = [];
                    }

                    list.Add(path);
                    if (field.ValueType.Section is { } nested)
                    {
                        next.Add((nested, path));
                    }
                }
            }

            level = next;
        }

        return paths;
    }

    /// <summary>The keys of the fields, in order (for suggestions).</summary>
    internal List<string> FieldKeys()
    {
        var keys = new List<string>(FieldArray.Length);
        foreach (var field in FieldArray)
        {
            keys.Add(field.Key);
        }

        return keys;
    }
}
