using Strata.Tree;

namespace Strata.Schema;

/// <summary>A derived field of <typeparamref name="TConfig"/> of type <typeparamref name="TValue"/>.</summary>
/// <typeparam name="TConfig">The config class.</typeparam>
/// <typeparam name="TValue">The value type.</typeparam>
public sealed class ConfigDerivedInfo<TConfig, TValue> : ConfigDerivedInfo
    where TConfig : ConfigObject
{
    private readonly Func<TConfig, TValue> _getter;
    private readonly ConfigValueType<TValue> _valueType;

    /// <summary>Creates the entry (called by generated code).</summary>
    /// <param name="key">The YAML key.</param>
    /// <param name="propertyName">The C# property name.</param>
    /// <param name="valueType">The value type, for output.</param>
    /// <param name="getter">Computes the value.</param>
    public ConfigDerivedInfo(string key, string propertyName, ConfigValueType<TValue> valueType, Func<TConfig, TValue> getter)
        : base(key, propertyName)
    {
        _getter = getter;
        _valueType = valueType;
    }

    /// <inheritdoc />
    public override string TypeName => _valueType.DisplayName;

    internal override ConfigNode? Compute(ConfigObject target)
    {
        try
        {
            return _valueType.Write(_getter((TConfig)target), ValueWriteContext.Display);
        }
#pragma warning disable CA1031 // A derived property of an invalid config may throw; explain shows it as unknown.
        catch (Exception)
#pragma warning restore CA1031
        {
            return null;
        }
    }
}
