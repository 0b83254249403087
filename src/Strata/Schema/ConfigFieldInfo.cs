using Strata.Tree;

namespace Strata.Schema;

/// <summary>A settable field of a config class: its key, hint, type, rules and documentation (written by the generator).</summary>
public abstract class ConfigFieldInfo
{
    /// <summary>How the output writes the field: 0 until known, then <see cref="ValueOutput"/> or a config kind.</summary>
    private int _outputKind;

    private protected ConfigFieldInfo(string key, string propertyName, FieldHint hint)
    {
        Key = key;
        PropertyName = propertyName;
        Hint = hint;
    }

    /// <summary>The YAML key.</summary>
    public string Key { get; }

    /// <summary>The C# property name.</summary>
    public string PropertyName { get; }

    /// <summary>The hint.</summary>
    public FieldHint Hint { get; }

    /// <summary>The position of the field in <see cref="ConfigTypeInfo.Fields"/>.</summary>
    public int Index { get; internal set; }

    /// <summary>The description, from the property's XML documentation.</summary>
    public string? Description { get; init; }

    /// <summary>Whether the field belongs to the architecture (its hint is <see cref="FieldHint.Architecture"/> or it is flagged).</summary>
    public bool IsArchitecture { get; init; }

    /// <summary>Whether the value is secret (rule R14).</summary>
    public bool IsSecret { get; init; }

    /// <summary>Whether the value is rank-local (left out of the fingerprint).</summary>
    public bool IsRankLocal { get; init; }

    /// <summary>The rule of the derived default in words, when the field has one.</summary>
    public string? DerivedDefault { get; init; }

    /// <summary>The environment variable bound to the field, if any.</summary>
    public string? EnvironmentVariable { get; init; }

    /// <summary>A field written as a value: only when explicit, at the default verbosity.</summary>
    internal const int ValueOutput = 1;

    /// <summary>A field holding a config, written by its content.</summary>
    internal const int ConfigOutput = 2;

    /// <summary>A field holding a config or null.</summary>
    internal const int NullableConfigOutput = 3;

    /// <summary>How the output writes the field (<see cref="ValueOutput"/>, <see cref="ConfigOutput"/> or <see cref="NullableConfigOutput"/>), found once.</summary>
    internal int OutputKind
    {
        get
        {
            if (_outputKind == 0)
            {
                _outputKind = ValueType.Shape == ValueShape.Config ? ConfigOutput
                    : ValueType.Shape == ValueShape.Nullable && ValueType.ElementType?.Shape == ValueShape.Config ? NullableConfigOutput
                    : ValueOutput;
            }

            return _outputKind;
        }
    }

    /// <summary>The field's value type.</summary>
    public abstract ConfigValueType ValueType { get; }

    /// <summary>The field's rules, for documentation and JSON Schema.</summary>
    public abstract IReadOnlyList<FieldRule> Rules { get; }

    internal abstract void Bind(ConfigObject target, ConfigNode node, ValueReadContext context);

    internal abstract bool BindImplicit(ConfigObject target, ConfigNode node, ValueReadContext context);

    /// <summary>The field's value as an output tree, whether or not it is explicit or secret (for documentation and tools).</summary>
    internal ConfigNode WriteValue(ConfigObject target, ValueWriteContext context) => Serialization.ConfigWriter.FieldValue(target, this, context);

    internal abstract void Write(ConfigObject target, Serialization.ConfigWriter writer);

    internal abstract void Validate(ConfigObject target, DiagnosticBag diagnostics);

    internal abstract void Freeze(ConfigObject target);

    /// <summary>Whether <see cref="Freeze"/> can change the field's value (a collection); the other fields are skipped.</summary>
    internal abstract bool NeedsFreeze { get; }

    internal abstract void CollectChildren(ConfigObject target, List<(ConfigObject Child, PathStep Step)> children);

    internal abstract bool ValueEquals(ConfigObject left, ConfigObject right);

    /// <summary>Reads the field's current value, boxed (for tools; not used on the hot path).</summary>
    /// <param name="target">The config.</param>
    public abstract object? GetValue(ConfigObject target);
}
