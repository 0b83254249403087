namespace Strata;

/// <summary>
/// The value (or each element of a collection) must be a finite number: not NaN and not an infinity, which YAML can
/// write (<c>.nan</c>, <c>.inf</c>) and a JSON string can carry (<c>"NaN"</c>). For <see langword="double"/> and
/// <see langword="float"/> fields; null passes.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false)]
public sealed class FiniteAttribute : Attribute
{
}
