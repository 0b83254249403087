using Strata.Schema;

namespace Strata.Provenance;

/// <summary>
/// One input of a derived value: a field of a config of the graph (the config and the field's index, made into a path
/// only on request), or an environment variable a hook read (<see cref="Variable"/>). Sixteen bytes: the config or the
/// variable's name share one reference.
/// </summary>
internal readonly struct FieldRead
{
    private readonly object _source;

    public FieldRead(ConfigObject config, int index)
    {
        _source = config;
        Index = index;
    }

    public FieldRead(string variable)
    {
        _source = variable;
        Index = -1;
    }

    public ConfigObject? Config => _source as ConfigObject;

    public int Index { get; }

    public string? Variable => _source as string;

    public ConfigFieldInfo? Field => Config?.ConfigType.FieldArray[Index];

    /// <summary>The full dotted path of the field (<c>model.base_model.transformer.hidden_size</c>), or <c>env NAME</c>.</summary>
    public string Path => Config is { } config
        ? PathText.Combine(config.ConfigPath, config.ConfigType.FieldArray[Index].Key)
        : "env " + Variable;

    /// <summary>Whether this is the same input (a field: the same config and index; a variable: the same name).</summary>
    public bool Is(FieldRead other) => Index == other.Index && (ReferenceEquals(_source, other._source)
        || (_source is string name && other._source is string otherName && string.Equals(name, otherName, StringComparison.Ordinal)));

    public bool Is(ConfigObject config, int index) => Index == index && ReferenceEquals(_source, config);
}
