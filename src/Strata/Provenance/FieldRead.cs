using Strata.Schema;

namespace Strata.Provenance;

/// <summary>
/// One input of a derived value: a field of a config of the graph (the config and the field's index, made into a path
/// only on request), or an environment variable a hook read (<see cref="Variable"/>).
/// </summary>
internal readonly struct FieldRead(ConfigObject? config, int index, string? variable)
{
    public ConfigObject? Config { get; } = config;

    public int Index { get; } = index;

    public string? Variable { get; } = variable;

    public ConfigFieldInfo? Field => Config?.ConfigType.FieldArray[Index];

    /// <summary>The full dotted path of the field (<c>model.base_model.transformer.hidden_size</c>), or <c>env NAME</c>.</summary>
    public string Path => Config is { } config
        ? PathText.Combine(config.ConfigPath, config.ConfigType.FieldArray[Index].Key)
        : "env " + Variable;

    public bool Is(ConfigObject? config, int index, string? variable) =>
        ReferenceEquals(Config, config) && Index == index && string.Equals(Variable, variable, StringComparison.Ordinal);
}
