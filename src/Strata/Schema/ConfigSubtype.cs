namespace Strata.Schema;

/// <summary>A registered polymorphic subclass: its <c>type</c> name and its schema.</summary>
public sealed class ConfigSubtype
{
    private readonly Func<ConfigTypeInfo> _typeInfo;

    /// <summary>Creates an entry (called by generated code).</summary>
    /// <param name="name">The <c>type</c> name.</param>
    /// <param name="typeInfo">Returns the subclass's schema.</param>
    public ConfigSubtype(string name, Func<ConfigTypeInfo> typeInfo)
    {
        Name = name;
        _typeInfo = typeInfo;
    }

    /// <summary>The <c>type</c> name.</summary>
    public string Name { get; }

    /// <summary>The subclass's schema.</summary>
    public ConfigTypeInfo TypeInfo => _typeInfo();
}
