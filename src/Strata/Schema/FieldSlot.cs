using Strata.Provenance;
using Strata.Tree;

namespace Strata.Schema;

/// <summary>The state and origin of one field of one config instance.</summary>
internal struct FieldSlot
{
    public FieldState State;

    /// <summary>
    /// The origin, or the node the value was bound from: most bound values' origins are never asked for, so the node
    /// (which makes its origin from its packed position on request, once) stands for it instead of a new origin.
    /// </summary>
    private object? _origin;

    public Origin? Origin
    {
        readonly get => _origin as Origin ?? (_origin as ConfigNode)?.Origin ?? Derived(_origin);
        set => _origin = value;
    }

    /// <summary>The values a hook read to set this one (see <see cref="ReadRecorder"/>), or <see langword="null"/>.</summary>
    public readonly FieldRead[]? Inputs => _origin as FieldRead[] ?? (_origin as DerivedInputs)?.Reads;

    /// <summary>
    /// Records the inputs of the value a hook just set (its origin is set already): the inputs alone stand for the
    /// common origin <see cref="Origin.Derived"/>, an object holds both for any other (a forced value, an explicit null).
    /// </summary>
    public void SetInputs(FieldRead[] reads)
    {
        var origin = Origin;
        _origin = origin is null || ReferenceEquals(origin, Strata.Origin.Derived) ? reads : new DerivedInputs(origin, reads);
    }

    private static Origin? Derived(object? slot) => slot switch
    {
        FieldRead[] => Strata.Origin.Derived,
        DerivedInputs inputs => inputs.Origin,
        _ => null,
    };

    /// <summary>Records that the value was bound from <paramref name="node"/>, whose origin is the field's.</summary>
    public void BoundFrom(ConfigNode node) => _origin = node;
}
