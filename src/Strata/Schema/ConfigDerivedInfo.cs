namespace Strata.Schema;

/// <summary>A derived field (rule R4): computed, shown by <c>explain</c>, never serialized, never settable.</summary>
public abstract class ConfigDerivedInfo
{
    private protected ConfigDerivedInfo(string key, string propertyName)
    {
        Key = key;
        PropertyName = propertyName;
    }

    /// <summary>The YAML key.</summary>
    public string Key { get; }

    /// <summary>The C# property name.</summary>
    public string PropertyName { get; }

    /// <summary>The description.</summary>
    public string? Description { get; init; }

    /// <summary>The type's name for documentation.</summary>
    public abstract string TypeName { get; }

    /// <summary>Computes the value as an output node, or <see langword="null"/> when it cannot be computed.</summary>
    internal abstract Tree.ConfigNode? Compute(ConfigObject target);
}
