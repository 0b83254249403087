using System.ComponentModel;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Text;
using Strata.Resolution;
using Strata.Schema;
using Strata.Tree;

namespace Strata;

/// <summary>
/// The base class of every config class. The source generator adds it to <c>[Config]</c> classes and implements their
/// partial properties on top of it: each field knows whether it was set explicitly (by a layer or by code) or
/// implicitly (derived, environment), and where its value came from. After resolution the whole graph is frozen.
/// </summary>
public abstract class ConfigObject
{
    private FieldSlot[]? _slots;
    private bool _frozen;
    private ResolutionGraph? _graph;

    /// <summary>Initializes a config object.</summary>
    protected ConfigObject()
    {
    }

    /// <summary>The schema of this config's class (generated).</summary>
    [EditorBrowsable(EditorBrowsableState.Never)]
    public abstract ConfigTypeInfo ConfigType { get; }

    /// <summary>Whether the config was frozen by resolution (rule R11): every setter throws, collections are read-only.</summary>
    public bool IsFrozen => _frozen;

    /// <summary>The config that holds this one, or <see langword="null"/> for a root.</summary>
    internal ConfigObject? Parent { get; private set; }

    /// <summary>This config's path step in its parent (<c>transformer</c>, <c>datasets[2]</c>, <c>reference_models.teacher</c>).</summary>
    internal PathStep Step { get; private set; }

    /// <summary>The merged tree this config was bound from: where its own diagnostics are placed.</summary>
    internal ConfigMap? SourceTree { get; set; }

    /// <summary>
    /// The resolution this config belongs to, or <see langword="null"/> for a config made by program code. A child config
    /// its parent made (a default the binder filled in) belongs to its parent's before a walk links it: a parent's
    /// <c>Prepare</c> hook that reads or sets it is then seen as such (what it reads is noted, what it sets is implicit).
    /// </summary>
    internal ResolutionGraph? Graph
    {
        get => _graph ?? ParentGraph();
        set => _graph = value;
    }

    /// <summary>The path of a config made before its parent (a base layer's place), until it is linked to one.</summary>
    internal string? DetachedPath { get; set; }

    /// <summary>The value of the <c>type</c> key that chose this config's class, if one did (its origin is made only when asked for).</summary>
    internal ConfigNode? TypeNode { get; set; }

    /// <summary>The dotted path of this config from the root (empty for the root).</summary>
    public string ConfigPath
    {
        get
        {
            if (Parent is null)
            {
                return DetachedPath ?? string.Empty;
            }

            if (Parent is { Parent: null, DetachedPath: null } && Step is { Index: < 0, EntryKey: null })
            {
                return Step.Key;
            }

            var steps = new List<PathStep>();
            var top = this;
            for (; top.Parent is not null; top = top.Parent)
            {
                steps.Add(top.Step);
            }

            var sb = new StringBuilder(top.DetachedPath);
            for (var i = steps.Count - 1; i >= 0; i--)
            {
                steps[i].AppendTo(sb);
            }

            return sb.ToString();
        }
    }

    /// <summary>Whether a layer or program code set the field to a value (an explicit null that asks for derivation does not count).</summary>
    /// <param name="propertyName">The C# property name (use <see langword="nameof"/>).</param>
    public bool IsSet(string propertyName)
    {
        var state = GetSlot(FieldIndex(propertyName)).State;
        return (state & FieldState.Explicit) != 0 && (state & FieldState.NullRequested) == 0;
    }

    /// <summary>Whether a layer or program code set the field, an explicit null included (rule R3).</summary>
    /// <param name="propertyName">The C# property name (use <see langword="nameof"/>).</param>
    public bool IsExplicit(string propertyName) => (GetSlot(FieldIndex(propertyName)).State & FieldState.Explicit) != 0;

    /// <summary>Where the field's current value came from.</summary>
    /// <param name="propertyName">The C# property name (use <see langword="nameof"/>).</param>
    public Origin GetOrigin(string propertyName) => GetSlot(FieldIndex(propertyName)).Origin ?? Origin.Default;

    /// <summary>Called by generated setters before a field is assigned. Returns whether the assignment may proceed.</summary>
    /// <param name="index">The field's index in <see cref="ConfigType"/>.</param>
    /// <param name="unchanged">Whether the new value equals the current one.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected bool BeginSet(int index, bool unchanged)
    {
        if (_frozen)
        {
            if (unchanged)
            {
                return false;
            }

            var field = ConfigType.Fields[index];
            throw new InvalidOperationException(string.Create(
                CultureInfo.InvariantCulture,
                $"Cannot set `{field.Key}` of {ConfigType.Name}: the config is frozen."));
        }

        var graph = Graph;
        switch (graph?.Kind ?? PhaseKind.Code)
        {
            case PhaseKind.Binding:
            case PhaseKind.Freezing:
                return true;
            case PhaseKind.Deriving:
                if (ConfigType.FieldArray[index].ValueType.Shape == ValueShape.Config)
                {
                    // Replacing a sub-config changes no explicit value: the child's fields keep theirs.
                    graph!.Reads?.Drop();
                    return true;
                }

                ref var slot = ref Slot(index);
                var previous = slot.Inputs;
                if ((slot.State & FieldState.Explicit) != 0 && (slot.State & FieldState.NullRequested) == 0)
                {
                    if (!graph!.TakeOverride(this, index))
                    {
                        // A derived default never overwrites an explicit value (DESIGN §7.3).
                        graph.Reads?.Drop();
                        return false;
                    }

                    slot.State = FieldState.Implicit;
                    slot.Origin = Origin.Derived.WithPrevious(slot.Origin);
                }
                else
                {
                    slot.State |= FieldState.Implicit;
                    slot.Origin = (slot.State & FieldState.NullRequested) != 0
                        ? graph!.ImplicitOrigin.WithPrevious(slot.Origin)
                        : graph!.ImplicitOrigin;
                }

                // Set by a hook: the values it read since it set the previous one are this one's inputs.
                if (graph.Reads?.Take(this, index, previous) is { } inputs)
                {
                    slot.SetInputs(inputs);
                }

                return true;
            default:
                ref var codeSlot = ref Slot(index);
                codeSlot.State = FieldState.Explicit;
                codeSlot.Origin = unchanged && codeSlot.Origin?.Kind == OriginKind.Code ? codeSlot.Origin : Origin.Code.WithPrevious(codeSlot.Origin);
                return true;
        }
    }

    /// <summary>
    /// Called by generated getters: while a hook of the resolution runs, notes that it read the field (an input of the
    /// next value it sets); otherwise one test of a reference that is null.
    /// </summary>
    /// <param name="index">The field's index in <see cref="ConfigType"/>.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void NoteRead(int index)
    {
        // The field, not the property: a config linked to its graph (every config of a resolved graph) costs one test.
        var graph = _graph;
        if (graph is null)
        {
            NoteReadUnlinked(index);
        }
        else if (graph.Reads is { } reads)
        {
            reads.Note(this, index);
        }
    }

    /// <summary>
    /// The graph of the nearest parent that has one (not inlined into every setter: rarely reached). Not kept: a config
    /// joins its graph only when linked (<see cref="AttachTo"/>), which makes the values code set on it before then
    /// implicit; keeping the parent's graph here would skip that when a hook read the config first.
    /// </summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private ResolutionGraph? ParentGraph() => Parent?.Graph;

    /// <summary>A read of a config not linked to a graph yet (a child its parent made), or made by program code.</summary>
    [MethodImpl(MethodImplOptions.NoInlining)]
    private void NoteReadUnlinked(int index) => Graph?.Reads?.Note(this, index);

    /// <summary>Called by generated setters of config-valued fields to link the child to this config.</summary>
    /// <param name="child">The child config, or <see langword="null"/>.</param>
    /// <param name="key">The child's key.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected void AttachChild(ConfigObject? child, string key) => child?.AttachTo(this, new PathStep(key));

    /// <summary>
    /// Called by generated getters of config-valued fields: a child that no setter linked (one its field's initializer
    /// made, <c>= new()</c>, that no layer mentions) is linked to this config on its first read, so that a hook of this
    /// config that reads through it is noted before any walk reaches the child. A linked child is left as it is.
    /// </summary>
    /// <param name="child">The child config, or <see langword="null"/>.</param>
    /// <param name="key">The child's key.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    protected void LinkChild(ConfigObject? child, string key)
    {
        if (child is { Parent: null })
        {
            child.AttachTo(this, new PathStep(key));
        }
    }

    /// <summary>The base layer hook, before binding; generated code calls the class's <c>partial void ProvideBaseLayers</c>.</summary>
    /// <param name="context">The base layer context.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void OnProvideBaseLayers(BaseLayerContext context)
    {
    }

    /// <summary>The preparation hook (top-down); generated code calls the class's <c>partial void Prepare</c>.</summary>
    /// <param name="context">The preparation context.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void OnPrepare(PrepareContext context)
    {
    }

    /// <summary>The derivation hook (bottom-up); generated code calls the class's <c>partial void Derive</c>.</summary>
    /// <param name="context">The derivation context.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void OnDerive(DeriveContext context)
    {
    }

    /// <summary>The validation hook; generated code calls the class's <c>partial void Validate</c>.</summary>
    /// <param name="scope">The validation scope.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected virtual void OnValidate(ValidationScope scope)
    {
    }

    /// <summary>
    /// Applies <paramref name="access"/> to the value of the field at <paramref name="index"/> (generated: a switch over
    /// the class's own fields that passes each property by its type, the base class's fields to the base class).
    /// </summary>
    /// <param name="index">The field's index in <see cref="ConfigType"/>.</param>
    /// <param name="access">The operation.</param>
    [EditorBrowsable(EditorBrowsableState.Never)]
    protected abstract void AccessField(int index, ref FieldAccess access);

    internal void Access(int index, ref FieldAccess access) => AccessField(index, ref access);

    internal void InvokeProvideBaseLayers(BaseLayerContext context) => OnProvideBaseLayers(context);

    internal void InvokePrepare(PrepareContext context) => OnPrepare(context);

    internal void InvokeDerive(DeriveContext context) => OnDerive(context);

    internal void InvokeValidate(ValidationScope scope) => OnValidate(scope);

    internal void AttachTo(ConfigObject parent, PathStep step)
    {
        // A config a hook made has no graph until it is linked (nor one of its own children): it joins its parent's.
        if (_graph is null && parent.Graph is { } graph)
        {
            Join(graph, HolderInputs(parent, step.Key));
        }

        // Every walk of the graph links the children again: a link that holds already is not written again.
        if (ReferenceEquals(Parent, parent) && ReferenceEquals(Step.Key, step.Key) && Step.Index == step.Index && ReferenceEquals(Step.EntryKey, step.EntryKey))
        {
            return;
        }

        Parent = parent;
        Step = step;
    }

    /// <summary>
    /// A config a hook made joins the graph it is linked to: what code set on it before then was set by the hook, so it
    /// is implicit (derived), as the hook's own assignments are (DESIGN §7.2: generated legacy datasets stay implicit).
    /// Those values were set where no read could be told apart: they take the inputs of the value that holds the config
    /// (<paramref name="inputs"/>: what the hook read before it set that field).
    /// </summary>
    private void Join(ResolutionGraph graph, Provenance.FieldRead[]? inputs)
    {
        Graph = graph;
        for (var i = 0; graph.Kind != PhaseKind.Binding && _slots is not null && i < _slots.Length; i++)
        {
            ref var slot = ref _slots[i];
            if (slot.State == FieldState.Explicit && slot.Origin?.Kind == OriginKind.Code)
            {
                slot = new FieldSlot { State = FieldState.Implicit, Origin = graph.ImplicitOrigin };
                if (inputs is not null)
                {
                    slot.SetInputs(inputs);
                }
            }
        }
    }

    /// <summary>
    /// The inputs of the value that holds a config a hook made: those of the field of <paramref name="parent"/> named
    /// <paramref name="key"/> (a list or dictionary of configs the hook set); a config field records none, so for a child
    /// config those of the value that holds its parent, and so on up (a legacy dataset's <c>fim</c>: the datasets').
    /// </summary>
    private static Provenance.FieldRead[]? HolderInputs(ConfigObject? parent, string key)
    {
        for (var depth = 0; parent is not null && depth < 64; depth++)
        {
            if (parent.ConfigType.FindByKey(key) is not { } holder)
            {
                return null;
            }

            var inputs = parent.GetSlot(holder.Index).Inputs;
            if (inputs is not null || holder.ValueType.Shape != ValueShape.Config)
            {
                return inputs;
            }

            key = parent.Step.Key;
            parent = parent.Parent;
        }

        return null;
    }

    internal void MarkFrozen() => _frozen = true;

    internal FieldSlot GetSlot(int index) => _slots is null ? default : _slots[index];

    internal ref FieldSlot Slot(int index)
    {
        _slots ??= new FieldSlot[ConfigType.FieldArray.Length];
        return ref _slots[index];
    }

    internal bool HasAnyExplicit()
    {
        if (_slots is null)
        {
            return false;
        }

        foreach (var s in _slots)
        {
            if ((s.State & FieldState.Explicit) != 0)
            {
                return true;
            }
        }

        return false;
    }

    internal int FieldIndex(string propertyName)
    {
        // Hooks ask with nameof(...): the same interned string as the generated table's, found without hashing it.
        var fields = ConfigType.FieldArray;
        for (var i = 0; i < fields.Length; i++)
        {
            if (ReferenceEquals(fields[i].PropertyName, propertyName))
            {
                return i;
            }
        }

        var field = ConfigType.FindByPropertyName(propertyName)
            ?? throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"{ConfigType.Name} has no field named {propertyName}."), nameof(propertyName));
        return field.Index;
    }
}
