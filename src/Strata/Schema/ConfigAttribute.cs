namespace Strata;

/// <summary>
/// Marks a <see langword="partial"/> class as a config class: the Strata source generator implements its partial
/// properties (frozen check, explicit/implicit record with origin) and writes its field table, binder and serializer.
/// A config class derives from nothing, or from another config class.
/// </summary>
[AttributeUsage(AttributeTargets.Class, Inherited = false)]
public sealed class ConfigAttribute : Attribute
{
    /// <summary>
    /// The name of this class in the registry of its polymorphic base (rule R7): a mapping whose <c>type</c> key is this
    /// name binds to this class. <see langword="null"/> when the class is not registered.
    /// </summary>
    public string? TypeName { get; set; }
}
