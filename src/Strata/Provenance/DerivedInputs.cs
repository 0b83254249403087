namespace Strata.Provenance;

/// <summary>
/// What a field's slot holds for a value a hook set after reading other values: its origin and those inputs. Only such
/// values carry one; every other slot holds its origin (or the node it was bound from) alone.
/// </summary>
internal sealed class DerivedInputs(Origin origin, FieldRead[] reads)
{
    public Origin Origin { get; } = origin;

    public FieldRead[] Reads { get; } = reads;
}
