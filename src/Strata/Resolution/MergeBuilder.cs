using System.Globalization;
using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// The merge of every layer (R2): file layers deep-merge in order (maps key by key; lists and scalars replace), an
/// override sets one path (<c>a.b={...}</c> replaces the sub-tree), and a base layer goes beneath what the builder
/// holds at a path. The schema directs it as it takes each layer in: renamed keys move (R8), removed keys are dropped,
/// and a layer that changes a polymorphic <c>type</c> drops the lower layers' keys of that sub-tree (R7). A replaced
/// scalar keeps the origin it replaced as its history (R13).
/// </summary>
/// <remarks>
/// A map is copied into a builder the first time a layer goes into it and changed in place afterwards, so a layer
/// costs its own size (an override the length of its path), not the size of what it merges into: 10⁴ overrides of one
/// wide dictionary stay linear. The untouched parts stay the immutable nodes they were; the inputs are never changed.
/// </remarks>
internal sealed partial class MergeBuilder
{
    /// <summary>The entries past which a layer's map makes room for all its keys at once (<see cref="Map.Reserve"/>).</summary>
    private const int WideLayer = 16;

    private readonly Place _place;
    private readonly DiagnosticBag _diagnostics;
    private readonly PathTrail _path;
    /// <summary>The value of an entry made for a key alone (its value is kept beside it, in the builder's slot).</summary>
    private static readonly ConfigScalar s_noValue = ConfigScalar.Null(Origin.Default);

    /// <summary>How a field's default is read for an override that edits it (its whole value, secrets too).</summary>
    private static readonly ValueWriteContext s_defaultContext = new() { Verbosity = Verbosity.All, Secrets = SecretHandling.Include };

    private Map _root = new(Origin.Default);

    /// <summary>The path and origin (over the removed value's) of each <c>~KEY</c> that removed a key of a map.</summary>
    private List<(IReadOnlyList<OverridePathSegment> Path, Origin Origin)>? _removals;

    /// <summary>A default instance of each config class whose field defaults an override edited.</summary>
    private Dictionary<ConfigTypeInfo, ConfigObject>? _defaults;

    /// <summary>What the base layer being merged under is, while the builder's values go over it; else null.</summary>
    private string? _beneath;

    /// <summary>Starts an empty merge.</summary>
    /// <param name="info">The schema of the root, or <see langword="null"/> to merge without one.</param>
    /// <param name="diagnostics">Where to report renamed, removed and conflicting keys, type changes and bad paths.</param>
    /// <param name="path">The dotted path of the root in the config (diagnostics are placed under it).</param>
    public MergeBuilder(ConfigTypeInfo? info, DiagnosticBag diagnostics, string path = "")
    {
        _place = new Place(info, null);
        _diagnostics = diagnostics;
        _path = new PathTrail(path);
    }

    /// <summary>Deep-merges a layer over what the builder holds.</summary>
    /// <param name="layer">The layer's tree.</param>
    public void Merge(ConfigMap layer) => _root = AsMap(Merge(_root, layer, _place, null), layer);

    /// <summary>Applies an override at its path: sets, appends, adds or removes (<see cref="OverrideOperation"/>).</summary>
    /// <param name="change">The override.</param>
    public void Set(ConfigOverride change)
    {
        // A set goes in as a tree from past its last list index; every other operation walks to its last step.
        var indexed = change.Operation is OverrideOperation.Set or OverrideOperation.Upsert ? -1 : change.Path.Count - 1;
        for (var i = 0; i < change.Path.Count && indexed < change.Path.Count - 1; i++)
        {
            indexed = change.Path[i].IsIndex ? i : indexed;
        }

        _root = AsMap(Set(_root, change, 0, indexed, _place), change.Origin);
    }

    /// <summary>
    /// Places <paramref name="tree"/> beneath what the builder holds at <paramref name="steps"/>: the builder's values
    /// win, the tree's fill the rest (a base layer, such as the config of a pretrained checkpoint). A value of the builder
    /// that replaces a different one of a named tree on an architecture field is reported (STR0122) with both origins.
    /// </summary>
    /// <param name="steps">The keys and list indexes leading to the place, from the root.</param>
    /// <param name="tree">The base tree.</param>
    /// <param name="name">What the base tree is, for that report (<c>the pretrained checkpoint</c>); none for no report.</param>
    public void MergeBeneath(IReadOnlyList<OverridePathSegment> steps, ConfigMap tree, string? name = null)
    {
        Layers.Insert(0, new ConfigLayer(tree.Origin.Kind, tree.Origin.Source ?? name ?? ConfigOverride.DottedPathOf(steps), 0));
        _root = AsMap(Beneath(_root, steps, 0, _place, tree, name), tree);
    }

    /// <summary>The layers taken in, in merge order (the callers that know what a layer is say so), a base layer first.</summary>
    public List<ConfigLayer> Layers { get; } = [];

    /// <summary>The merged tree, as it stands (the builder keeps its own arrays and may take more layers).</summary>
    public ConfigMap ToMap() => _root.Build();

    /// <summary>The builder of a map: <paramref name="value"/>'s, or a new one at <paramref name="origin"/> (an origin, or a node whose origin it takes).</summary>
    private static Map AsMap(object? value, object origin) => value as Map ?? (value is ConfigMap map ? new Map(map) : new Map(origin));

    /// <summary>
    /// The value of a place once <paramref name="upper"/> is merged over <paramref name="lower"/> (a node, a builder, or
    /// nothing); the value of <paramref name="replacing"/> (an override) replaces what is there instead of merging into it.
    /// </summary>
    private object Merge(object? lower, ConfigNode upper, Place place, ConfigOverride? replacing)
    {
        if (upper is not ConfigMap map)
        {
            if (upper is ConfigSequence sequence && place.Items is { } item && item.MayRename)
            {
                upper = Normalized(sequence, item);
            }

            return lower is null || upper is not ConfigScalar ? upper : upper.WithOrigin(upper.Origin.WithPrevious((lower as Builder)?.Origin ?? ((ConfigNode)lower).Origin));
        }

        var replaces = lower is not (Map or ConfigMap) || ReferenceEquals(upper, replacing?.Value);
        var lowerType = place.IsPolymorphic ? TypeOf(lower) : null;
        var info = place.Resolve(map, lowerType);
        if (info is { HasRenamesDeep: true })
        {
            map = ApplyClassRules(map, info);
            info = place.Resolve(map, lowerType); // A rename may have written the type.
        }

        var typeChanged = false;
        if (lowerType is not null && TypeOf(map) is { } upperType && !upperType.Text.SequenceEqual(lowerType.Text))
        {
            ReportTypeChange(lowerType.Value!, upperType.Value!, AsMap(lower, map), map);
            replaces = typeChanged = true;
        }

        if (replaces)
        {
            var placed = place.MayRename ? Normalized(map, info, place) : map;
            return replacing is not null && !typeChanged && lower is Map or ConfigMap
                ? KeepReplaced(lower as ConfigMap ?? (ConfigMap)((Map)lower).Build(), placed, replacing.Origin, [.. replacing.Path])
                : placed;
        }

        var builder = AsMap(lower, map);
        if (map.Count > WideLayer)
        {
            builder.Reserve(map.Count);
        }

        foreach (var entry in map.EntryArray)
        {
            var index = builder.IndexOf(entry.Key);
            CheckArchitecture(info, entry.Key, index >= 0 ? builder.Value(index) : null, entry.Value);
            _path.Push(entry.Key);
            var value = Merge(index >= 0 ? builder.Value(index) : null, entry.Value, place.Child(info, entry.Key), replacing);
            _path.Pop();

            // An override keeps where the keys and maps on its path were written (an unknown key is reported there).
            builder.Put(index, index >= 0 && replacing is not null ? builder.Entry(index) : entry, value);
        }

        if (replacing is null)
        {
            builder.TakeOriginOf(map);
        }

        return builder;
    }

    /// <summary>A map taken in where nothing lies beneath it: only renamed and removed keys below it change it.</summary>
    private ConfigMap Normalized(ConfigMap map, ConfigTypeInfo? info, Place place)
    {
        var entries = map.EntryArray;
        ConfigMapEntry[]? changed = null;
        for (var i = 0; i < entries.Length; i++)
        {
            var child = place.Child(info, entries[i].Key);
            if (child.MayRename)
            {
                _path.Push(entries[i].Key);
                var value = (ConfigNode)Merge(null, entries[i].Value, child, null);
                _path.Pop();
                if (!ReferenceEquals(value, entries[i].Value))
                {
                    (changed ??= [.. entries])[i] = entries[i] with { Value = value };
                }
            }
        }

        return changed is null ? map : new ConfigMap(changed, map.Origin, owned: true);
    }

    /// <summary>A list of configs taken in where nothing lies beneath it.</summary>
    private ConfigSequence Normalized(ConfigSequence sequence, Place item)
    {
        var items = sequence.ItemArray;
        ConfigNode[]? changed = null;
        for (var i = 0; i < items.Length; i++)
        {
            _path.PushIndex(i);
            var value = (ConfigNode)Merge(null, items[i], item, null);
            _path.Pop();
            if (!ReferenceEquals(value, items[i]))
            {
                (changed ??= [.. items])[i] = value;
            }
        }

        return changed is null ? sequence : new ConfigSequence(changed, sequence.Origin, owned: true);
    }

    /// <summary>
    /// The value of a place once the override <paramref name="change"/> is applied from <paramref name="step"/> of its
    /// path. Past the last list index, a set goes in as the tree it sets: renamed and removed keys and type changes
    /// apply as to a file. A list that no layer holds yet is indexed in its default value.
    /// </summary>
    private object? Set(object? current, ConfigOverride change, int step, int indexed, Place place)
    {
        if (step > indexed)
        {
            if (change.Operation is OverrideOperation.Append)
            {
                return Append(current, change, place);
            }

            var node = change.Value;
            for (var k = change.Path.Count - 1; k >= step; k--)
            {
                node = new ConfigMap([new ConfigMapEntry(change.Path[k].Key!, change.Origin, node)], change.Origin, owned: true);
            }

            return Merge(current, node, place, change);
        }

        var last = step == change.Path.Count - 1;
        if (change.Path[step] is { IsIndex: true, Index: var i })
        {
            var count = (current as Sequence)?.Items.Count ?? (current as ConfigSequence)?.ItemArray.Length ?? -1;
            var at = i < 0 && count >= 0 ? i + count : i;
            if (at < 0 || at >= count || (last && change.Operation == OverrideOperation.Add))
            {
                var path = _path.ToString();
                _diagnostics.Error(
                    DiagnosticCodes.OverrideSyntax,
                    path,
                    change.Origin,
                    count < 0 ? MessageText.Quoted(path, '`', '`') + " is not a list, so " + PathText.Index(i) + " cannot be set"
                    : last && change.Operation == OverrideOperation.Add ? "+ adds a key; an element of a list is set with KEY[i]=VALUE, or appended with KEY+=[VALUE]"
                    : "index " + PathText.Index(i) + " is out of range for a list of " + count.ToString(CultureInfo.InvariantCulture));
                return current ?? ConfigScalar.Null(change.Origin);
            }

            var sequence = current as Sequence ?? new Sequence((ConfigSequence)current!);
            if (last && change.Operation == OverrideOperation.Remove)
            {
                sequence.Items.RemoveAt(at);
                sequence.Took(change.Origin);
                return sequence;
            }

            _path.PushIndex(at);
            sequence.Items[at] = Set(sequence.Items[at], change, step + 1, indexed, place.Items ?? default)!;
            _path.Pop();
            return sequence;
        }

        var key = change.Path[step].Key!;
        var map = Enter(current, key, change.Origin, place, out var index, out var child);
        if (last && change.Operation is OverrideOperation.Remove or OverrideOperation.Add)
        {
            _path.Pop();
            if ((index >= 0) != (change.Operation == OverrideOperation.Remove))
            {
                var path = _path.Combine(key);
                _diagnostics.Error(
                    DiagnosticCodes.OverrideSyntax,
                    path,
                    change.Origin,
                    index < 0
                        ? "nothing sets " + MessageText.Quoted(path, '`', '`') + " in the layers below, so there is nothing to remove"
                        : MessageText.Quoted(path, '`', '`') + " is already set (" + OriginOf(map.Value(index)) + "); ++KEY=VALUE sets it whether or not it is set");
                return map;
            }

            if (change.Operation == OverrideOperation.Remove)
            {
                // The removal is kept for the history of the field it reset (ShowRemovals); an entry of a dictionary
                // or a list is part of the collection's value, whose origin the removal becomes.
                (_removals ??= []).Add((change.Path, change.Origin.WithPrevious(OriginOf(map.Value(index)))));
                map.RemoveAt(index);
                if (place.Collection is not null)
                {
                    map.Took(change.Origin);
                }

                return map;
            }

            _path.Push(key);
            return Leave(map, index, key, change.Origin, Set(null, change, step + 1, indexed, child)!);
        }

        var fromDefault = index < 0 && ((step + 1 < change.Path.Count && change.Path[step + 1].IsIndex) || (last && change.Operation == OverrideOperation.Append));
        var below = index >= 0 ? map.Value(index) : fromDefault ? DefaultOf(map, place, key) : null;
        var value = Set(below, change, step + 1, indexed, child)!;
        if (fromDefault && value is Sequence set && change.Operation is not (OverrideOperation.Append or OverrideOperation.Remove))
        {
            set.Took(change.Origin); // an element set in the default: the list is the override's now (appends and removals say so themselves)
        }

        return Leave(map, index, key, change.Origin, value);
    }

    /// <summary>
    /// <c>KEY+=[...]</c> appends to the list at a place (what the layers below hold, or its default; none is an empty
    /// list); <c>KEY+={...}</c> adds entries to the dictionary there, and an entry it already has is an error.
    /// </summary>
    private object Append(object? current, ConfigOverride change, Place place)
    {
        var path = _path.ToString();
        switch (change.Value)
        {
            case ConfigSequence items when current is null or Sequence or ConfigSequence or ConfigScalar { IsNull: true }:
                if (current is not (Sequence or ConfigSequence))
                {
                    return current is ConfigScalar lower ? items.WithOrigin(items.Origin.WithPrevious(lower.Origin)) : items;
                }

                // Into the list's builder, so that appends one after another cost what they append.
                var sequence = current as Sequence ?? new Sequence((ConfigSequence)current);
                sequence.Items.AddRange(items.ItemArray);
                sequence.Took(change.Origin);
                return sequence;
            case ConfigMap entries when place.Config is null && current is null or Map or ConfigMap or ConfigScalar { IsNull: true }:
                if (current is not (Map or ConfigMap))
                {
                    return current is ConfigScalar nothing ? entries.WithOrigin(entries.Origin.WithPrevious(nothing.Origin)) : entries;
                }

                var map = AsMap(current, change.Origin);
                foreach (var entry in entries.EntryArray)
                {
                    if (map.IndexOf(entry.Key) is var index and >= 0)
                    {
                        _diagnostics.Error(
                            DiagnosticCodes.OverrideSyntax,
                            PathText.Combine(path, entry.Key),
                            entry.KeyOrigin,
                            MessageText.Quoted(entry.Key, '`', '`') + " is already in " + MessageText.Quoted(path, '`', '`') + "; += adds new entries only (set it with KEY.ENTRY=VALUE)");
                        continue;
                    }

                    map.Put(-1, entry, entry.Value);
                }

                map.Took(change.Origin);
                return map;
            default:
                _diagnostics.Error(
                    DiagnosticCodes.OverrideSyntax,
                    path,
                    change.Origin,
                    "+= appends a list to a list ([x, y]) or adds a mapping's entries to a dictionary ({k: v}); "
                    + MessageText.Quoted(path, '`', '`') + " holds " + Describe(current, place) + " and the value is " + change.Value.Describe());
                return current ?? change.Value;
        }
    }

    private static Origin OriginOf(object value) => (value as Builder)?.Origin ?? ((ConfigNode)value).Origin;

    private static string Describe(object? value, Place place) => value switch
    {
        _ when place.Config is not null => "a config",
        Sequence => "a list",
        Map => "a mapping",
        ConfigNode node => node.Describe(),
        _ => "nothing",
    };

    /// <summary>
    /// The default value of the field <paramref name="key"/> of the config at a place, as a tree at the default's
    /// origin, or <see langword="null"/> when it has none (not a collection, or null).
    /// </summary>
    private ConfigNode? DefaultOf(Map map, Place place, string key)
    {
        if (place.Resolve(map) is not { } info || info.FindByKey(key) is not { } field)
        {
            return null;
        }

        var type = field.ValueType.NonNullable;
        if (type.Shape is not (ValueShape.List or ValueShape.Set or ValueShape.Dictionary))
        {
            return null;
        }

        _defaults ??= new(ReferenceEqualityComparer.Instance);
        if (!_defaults.TryGetValue(info, out var instance))
        {
            _defaults[info] = instance = info.CreateInstance();
        }

        var node = Serialization.ConfigWriter.FieldValue(instance, field, s_defaultContext);
        return node is ConfigScalar { IsNull: true } ? null : node.WithOrigin(Origin.Default);
    }

    /// <summary>
    /// Goes into the value of <paramref name="key"/> of the map at a place (its builder, made if need be): its index (-1
    /// when absent) and place; <see cref="Leave"/> sets what the caller made of it (a call pair rather than a callback,
    /// which would allocate a closure per step of every override).
    /// </summary>
    private Map Enter(object? current, string key, Origin origin, Place place, out int index, out Place child)
    {
        var map = AsMap(current, origin);
        index = map.IndexOf(key);
        child = place.Child(place.Resolve(map), key);
        _path.Push(key);
        return map;
    }

    /// <summary>The map of <see cref="Enter"/> with the value of <paramref name="key"/> replaced by <paramref name="value"/>.</summary>
    private Map Leave(Map map, int index, string key, Origin origin, object value)
    {
        _path.Pop();
        map.Put(index, index >= 0 ? map.Entry(index) : new ConfigMapEntry(key, origin, s_noValue), value);
        return map;
    }

    private object Beneath(object? current, IReadOnlyList<OverridePathSegment> steps, int step, Place place, ConfigMap tree, string? name)
    {
        if (step == steps.Count)
        {
            var below = (ConfigNode)Merge(null, tree, place, null);
            if (current is null)
            {
                return below;
            }

            _beneath = name;
            try
            {
                return Merge(below, current as ConfigNode ?? ((Builder)current).Build(), place, null);
            }
            finally
            {
                _beneath = null;
            }
        }

        if (steps[step].IsIndex)
        {
            // The binder found a config at this index of the user's list: the list is there.
            var sequence = current as Sequence ?? new Sequence((ConfigSequence)current!);
            _path.PushIndex(steps[step].Index);
            sequence.Items[steps[step].Index] = Beneath(sequence.Items[steps[step].Index], steps, step + 1, place.Items ?? default, tree, name);
            _path.Pop();
            return sequence;
        }

        var key = steps[step].Key!;
        var map = Enter(current, key, tree.Origin, place, out var index, out var child);
        return Leave(map, index, key, tree.Origin, Beneath(index >= 0 ? map.Value(index) : null, steps, step + 1, child, tree, name));
    }

    /// <summary>
    /// The architecture fields under a base layer whose value is an interpolation (<c>${…}</c>), by path: the value is
    /// known only after the bind, where <see cref="Interpolation"/> checks it with <see cref="WarnArchitecture"/>.
    /// </summary>
    public Dictionary<string, (ConfigNode Saved, string Beneath)>? DeferredArchitecture { get; private set; }

    /// <summary>Warns that a value replaces a different one of a base layer on an architecture field (rule R9).</summary>
    private void CheckArchitecture(ConfigTypeInfo? info, string key, object? lower, ConfigNode upper)
    {
        if (_beneath is null || lower is not ConfigNode saved || info?.FindByKey(key) is not { IsArchitecture: true } field
            || (field.ValueType.NestedConfig is not null && saved is ConfigMap && upper is ConfigMap))
        {
            return;
        }

        if (field.ValueType.NestedConfig is null && Interpolation.IsExpression(upper))
        {
            // The expression is not the value: the check waits for the interpolation's effective value.
            (DeferredArchitecture ??= new(StringComparer.Ordinal))[_path.Combine(key)] = (saved, _beneath);
            return;
        }

        WarnArchitecture(_diagnostics, _path.Combine(key), field, saved, upper, upper.Origin, upper.Origin, _beneath);
    }

    /// <summary>
    /// The one check of rule R9's warning: <paramref name="upper"/>, the effective value of the architecture
    /// <paramref name="field"/>, replaces a different value <paramref name="saved"/> of the base layer
    /// <paramref name="beneath"/>; the warning is at <paramref name="place"/> and names the value's <paramref name="origin"/>.
    /// </summary>
    internal static void WarnArchitecture(DiagnosticBag diagnostics, string path, ConfigFieldInfo field, ConfigNode saved, ConfigNode upper, Origin place, Origin origin, string beneath)
    {
        if (SameValue(saved, upper) || field.ValueType.Refuses(upper))
        {
            // A value the field cannot read replaces nothing: the binder's error is the one report of it.
            return;
        }

        diagnostics.Warning(
            DiagnosticCodes.ArchitectureOverride,
            path,
            place,
            "overrides the architecture of " + beneath + ": " + Text(upper) + " (" + origin + ") replaces " + Text(saved) + " (" + saved.Origin + ")");
    }

    private static string Text(ConfigNode node) => node is ConfigScalar scalar ? MessageText.Bounded(scalar.Value ?? "null") : node.Describe();

    /// <summary>Whether two trees hold the same value: scalars equal as text or as numbers, lists item by item, maps key by key.</summary>
    private static bool SameValue(ConfigNode left, ConfigNode right)
    {
        switch (left, right)
        {
            case (ConfigScalar a, ConfigScalar b):
                return string.Equals(a.Value, b.Value, StringComparison.Ordinal)
                    || (a.Value is { } x && b.Value is { } y && ScalarText.TryParseDouble(x, out var dx) && ScalarText.TryParseDouble(y, out var dy) && dx.Equals(dy));
            case (ConfigSequence a, ConfigSequence b):
                var same = a.ItemArray.Length == b.ItemArray.Length;
                for (var i = 0; same && i < a.ItemArray.Length; i++)
                {
                    same = SameValue(a.ItemArray[i], b.ItemArray[i]);
                }

                return same;
            case (ConfigMap a, ConfigMap b):
                var equal = a.Count == b.Count;
                foreach (var entry in a.EntryArray)
                {
                    equal = equal && b.TryGetValue(entry.Key, out var other) && SameValue(entry.Value, other);
                }

                return equal;
            default:
                return false;
        }
    }

    /// <summary>Reports that a layer changed the type of a polymorphic sub-tree, which drops the lower layers' keys (R7).</summary>
    private void ReportTypeChange(string lowerType, string upperType, Map lower, ConfigMap upper)
    {
        var dropped = new List<string>();
        for (var i = 0; i < lower.Count; i++)
        {
            var key = lower.Entry(i).Key;
            if (key != "type" && upper.IndexOf(key) < 0)
            {
                dropped.Add(key);
            }
        }

        _diagnostics.Info(
            DiagnosticCodes.TypeChanged,
            _path.ToString(),
            upper.TryGetValue("type", out var type) ? type.Origin : upper.Origin,
            "type changed from " + MessageText.Quoted(lowerType) + " to " + MessageText.Quoted(upperType) + "; keys of the lower layer dropped: "
            + (dropped.Count == 0 ? "none" : MessageText.List(dropped)));
    }

    /// <summary>Applies the removed keys and renames of a class (and its base classes) to one layer's map at a place of that class.</summary>
    private ConfigMap ApplyClassRules(ConfigMap map, ConfigTypeInfo info)
    {
        for (var t = info; t is not null; t = t.BaseType)
        {
            for (var r = 0; r < t.RemovedKeys.Count; r++)
            {
                var removed = t.RemovedKeys[r];
                if (map.IndexOf(removed.Key) is var index and >= 0)
                {
                    _diagnostics.Warning(
                        DiagnosticCodes.RemovedKey,
                        _path.Combine(removed.Key),
                        map.EntryArray[index].KeyOrigin,
                        "`" + removed.Key + "` no longer has a meaning and was dropped" + (removed.Reason is null ? string.Empty : ": " + removed.Reason));
                    map = With(map, [removed.Key], 0, null, map.Origin);
                }
            }

            for (var r = 0; r < t.Renames.Count; r++)
            {
                map = Rename(map, t, t.Renames[r]);
            }
        }

        return map;
    }

    /// <summary>Moves the old key of a rename to its new path in one layer's map; old and new together is an error.</summary>
    private ConfigMap Rename(ConfigMap map, ConfigTypeInfo owner, RenamedFromAttribute rename)
    {
        if (Find(map, rename.OldSteps) is not { } old)
        {
            return map;
        }

        var without = With(map, rename.OldSteps, 0, null, old.KeyOrigin);
        var oldPath = _path.Combine(rename.OldPath);
        if (Find(without, rename.NewSteps) is not null)
        {
            _diagnostics.Error(DiagnosticCodes.RenameConflict, oldPath, old.KeyOrigin, "`" + rename.OldPath + "` was renamed to `" + rename.NewPath + "`, and both are set");
            return without;
        }

        var value = old.Value;
        if (owner.RenameConverters.TryGetValue(rename.OldPath, out var convert))
        {
            if (convert(value) is not { } converted)
            {
                _diagnostics.Error(DiagnosticCodes.TypeMismatch, oldPath, value.Origin, "cannot convert " + value.Describe() + " to `" + rename.NewPath + "`");
                return without;
            }

            value = converted;
        }

        _diagnostics.Warning(DiagnosticCodes.RenamedKey, oldPath, old.KeyOrigin, "`" + rename.OldPath + "` is renamed to `" + rename.NewPath + "`; use " + MessageText.Bounded(_path.Combine(rename.NewPath)));
        return With(without, rename.NewSteps, 0, value, old.KeyOrigin);
    }

    /// <summary>The entry at the end of <paramref name="steps"/> through nested maps, if there is one.</summary>
    private static ConfigMapEntry? Find(ConfigMap map, string[] steps)
    {
        for (var i = 0; map.IndexOf(steps[i]) is var index and >= 0; i++)
        {
            var entry = map.EntryArray[index];
            if (i == steps.Length - 1)
            {
                return entry;
            }

            if (entry.Value is not ConfigMap child)
            {
                break;
            }

            map = child;
        }

        return null;
    }

    /// <summary>
    /// The map with <paramref name="value"/> at <paramref name="steps"/> (a new key goes last, maps made as needed), or
    /// without that key and the maps it empties when <paramref name="value"/> is <see langword="null"/>.
    /// </summary>
    private static ConfigMap With(ConfigMap map, string[] steps, int step, ConfigNode? value, Origin keyOrigin)
    {
        var index = map.IndexOf(steps[step]);
        if (step < steps.Length - 1)
        {
            var below = With(index >= 0 && map.EntryArray[index].Value is ConfigMap child ? child : ConfigMap.Empty(keyOrigin), steps, step + 1, value, keyOrigin);
            value = value is null && below.Count == 0 ? null : below;
        }

        var entries = new List<ConfigMapEntry>(map.EntryArray);
        if (index < 0)
        {
            entries.Add(new ConfigMapEntry(steps[step], keyOrigin, value!));
        }
        else if (value is null)
        {
            entries.RemoveAt(index);
        }
        else
        {
            entries[index] = entries[index] with { Value = value };
        }

        return new ConfigMap([.. entries], map.Origin, owned: true);
    }

    /// <summary>The value of the <c>type</c> key of a map or a map builder, when it is a scalar that is not null (read from its characters).</summary>
    private static ConfigScalar? TypeOf(object? value)
    {
        var type = value switch
        {
            Map map => map.IndexOf("type") is var i and >= 0 ? map.Value(i) : null,
            ConfigMap map => map.TryGetValue("type", out var node) ? node : null,
            _ => null,
        };

        return type as ConfigScalar is { IsNull: false } scalar ? scalar : null;
    }

    /// <summary>A place in the schema: a config class (its fields place the keys), or a dictionary or list (its element places the entries).</summary>
    private readonly record struct Place(ConfigTypeInfo? Config, ConfigValueType? Collection)
    {
        public bool IsPolymorphic => Config is { IsPolymorphic: true };

        /// <summary>Whether a renamed or removed key may be declared at this place or below it.</summary>
        public bool MayRename => (Config ?? Collection?.NestedConfig) is { HasRenamesDeep: true };

        /// <summary>The place of a list's items.</summary>
        public Place? Items => Collection is { Shape: ValueShape.List or ValueShape.Set } ? Of(Collection.ElementType) : null;

        /// <summary>The class at this place: at a polymorphic one, the class that the map's type (else the lower layers') names.</summary>
        public ConfigTypeInfo? Resolve(object map, ConfigScalar? lowerType = null) =>
            IsPolymorphic && (TypeOf(map) ?? lowerType) is { } name ? Config!.FindSubtype(name.Text)?.TypeInfo ?? Config : Config;

        /// <summary>The place of a key: a field of <paramref name="resolved"/> (the class here), or an entry of a dictionary.</summary>
        public Place Child(ConfigTypeInfo? resolved, string key) =>
            resolved is not null ? Of(resolved.FindByKey(key)?.ValueType)
            : Collection is { Shape: ValueShape.Dictionary } ? Of(Collection.ElementType)
            : default;

        private static Place Of(ConfigValueType? type) =>
            type?.NonNullable switch
            {
                { Shape: ValueShape.Config, NestedConfig: { } config } => new Place(config, null),
                { Shape: ValueShape.Dictionary or ValueShape.List or ValueShape.Set, ElementType: not null } collection => new Place(null, collection),
                _ => default,
            };
    }
}
