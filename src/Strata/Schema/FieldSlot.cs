namespace Strata.Schema;

/// <summary>The state and origin of one field of one config instance.</summary>
internal struct FieldSlot
{
    public FieldState State;
    public Origin? Origin;
}
