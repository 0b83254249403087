namespace Strata.Schema;

/// <summary>What a <see cref="FieldAccess"/> does with a field's value.</summary>
internal enum FieldOperation : byte
{
    Bind,
    Write,
    Validate,
    Freeze,
    CollectChildren,
    Equals,
    GetValue,
}
