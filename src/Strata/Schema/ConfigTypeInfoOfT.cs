namespace Strata.Schema;

/// <summary>The schema of the config class <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The config class.</typeparam>
public sealed class ConfigTypeInfo<T> : ConfigTypeInfo
    where T : ConfigObject
{
    private readonly Func<T>? _factory;

    /// <summary>Creates the schema (called by generated code).</summary>
    /// <param name="name">The C# class name.</param>
    /// <param name="factory">Creates an instance with its defaults; <see langword="null"/> for an abstract class.</param>
    /// <param name="baseType">The schema of the base config class, if any.</param>
    public ConfigTypeInfo(string name, Func<T>? factory, ConfigTypeInfo? baseType)
        : base(name, typeof(T), baseType)
    {
        _factory = factory;
    }

    /// <summary>Creates a new instance with its defaults.</summary>
    public T Create() => _factory?.Invoke() ?? throw new InvalidOperationException(Name + " is abstract.");

    /// <inheritdoc />
    public override ConfigObject CreateInstance() => Create();
}
