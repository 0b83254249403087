using Strata.Resolution;
using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata;

/// <summary>
/// What a config's <c>ProvideBaseLayers</c> hook can do, before the config is bound: bind the fields its base layers
/// depend on (a <c>pretrained</c> section), read within the resolution's limits, report diagnostics, and place trees
/// beneath the user's values of one of its fields (rule R9: a checkpoint's model config under the user's <c>model</c>).
/// </summary>
public sealed class BaseLayerContext
{
    private readonly ResolutionState _state;
    private readonly ConfigMap _tree;

    internal BaseLayerContext(ResolutionState state, ConfigObject current, ConfigMap tree)
    {
        _state = state;
        _tree = tree;
        Current = current;
    }

    /// <summary>The config at this place: only the fields given to <see cref="Bind"/> hold values yet.</summary>
    public ConfigObject Current { get; }

    /// <summary>The input limits of this resolution (for hooks that read files).</summary>
    public SourceLimits Limits => _state.Limits;

    /// <summary>Services given in <see cref="ResolveOptions.Services"/>, or <see langword="null"/>.</summary>
    public IServiceProvider? Services => _state.Options.Services;

    /// <summary>The fields bound by <see cref="Bind"/>: the bind of the whole tree keeps them and does not bind them again.</summary>
    internal List<int>? Bound { get; private set; }

    /// <summary>The trees to place beneath the user's layers, each at the key of a field of <see cref="Current"/>.</summary>
    internal List<(string Key, ConfigMap Tree, string Name)>? Layers { get; private set; }

    /// <summary>Adds a diagnostic found by the hook (for example while reading a checkpoint).</summary>
    /// <param name="diagnostic">The diagnostic.</param>
    public void Report(Diagnostic diagnostic) => _state.Diagnostics.Add(diagnostic);

    /// <summary>The dotted path of a field of <see cref="Current"/>.</summary>
    /// <param name="propertyName">The C# property name (use <see langword="nameof"/>).</param>
    public string PathOf(string propertyName) => PathText.Combine(Current.ConfigPath, Current.ConfigType.Fields[Current.FieldIndex(propertyName)].Key);

    /// <summary>
    /// Binds a field of <see cref="Current"/> from the user's merged layers, now and once: its errors are reported here,
    /// and the instance bound is the one the resolved config holds.
    /// </summary>
    /// <param name="propertyName">The C# property name (use <see langword="nameof"/>).</param>
    public void Bind(string propertyName)
    {
        var index = Current.FieldIndex(propertyName);
        var field = Current.ConfigType.Fields[index];
        if (Bound?.Contains(index) == true || !_tree.TryGetValue(field.Key, out var node))
        {
            return;
        }

        (Bound ??= []).Add(index);
        var context = _state.ReadContext;
        var path = Current.ConfigPath;
        if (path.Length > 0)
        {
            context.Push(path);
        }

        context.Push(field.Key);
        context.Binder.RefusesInterpolation = true;
        try
        {
            if (Interpolation.IsExpression(node))
            {
                Interpolation.Defer(Current, field, (ConfigScalar)node, context);
            }
            else
            {
                field.Bind(Current, node, context);
            }
        }
        finally
        {
            context.Binder.RefusesInterpolation = false;
        }

        context.ClearPath();
    }

    /// <summary>
    /// Places <paramref name="tree"/> beneath the user's values of the config field <paramref name="propertyName"/>: they
    /// win, the tree fills the rest with its own origins. Where a user value replaces one of the tree's on an architecture
    /// field, the merge warns (STR0122), naming both values and origins.
    /// </summary>
    /// <param name="propertyName">The C# property name of a config field of <see cref="Current"/>.</param>
    /// <param name="tree">The base tree, with the keys of that field's config.</param>
    /// <param name="name">What the tree is, for the warning (<c>the pretrained checkpoint</c>).</param>
    public void AddBeneath(string propertyName, ConfigMap tree, string name)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(name);
        (Layers ??= []).Add((Current.ConfigType.Fields[Current.FieldIndex(propertyName)].Key, tree, name));
    }
}
