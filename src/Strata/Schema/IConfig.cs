using Strata.Schema;

namespace Strata;

/// <summary>Implemented by the source generator on every <c>[Config]</c> class: gives the class's schema without reflection.</summary>
/// <typeparam name="TSelf">The config class.</typeparam>
public interface IConfig<TSelf>
    where TSelf : ConfigObject, IConfig<TSelf>
{
    /// <summary>The schema of the class.</summary>
    static abstract ConfigTypeInfo<TSelf> TypeInfo { get; }
}
