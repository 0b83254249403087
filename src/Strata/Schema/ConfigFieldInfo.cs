using Strata.Resolution;
using Strata.Tree;

namespace Strata.Schema;

/// <summary>
/// A settable field of a config class: its key, hint, value type, rules and documentation (written by the generator).
/// Metadata only: the value is reached through the class's generated <c>AccessField</c>, so that no generic instance
/// exists per class and field.
/// </summary>
public sealed class ConfigFieldInfo
{
    /// <summary>A field written as a value: only when explicit, at the default verbosity.</summary>
    internal const int ValueOutput = 1;

    /// <summary>A field holding a config, written by its content.</summary>
    internal const int ConfigOutput = 2;

    /// <summary>A field holding a config or null.</summary>
    internal const int NullableConfigOutput = 3;

    private readonly FieldRule[] _rules;

    /// <summary>0 until <see cref="OutputKind"/> is first asked (value types of configs are found lazily).</summary>
    private int _outputKind;

    /// <summary>Creates the field (called by generated code).</summary>
    /// <param name="key">The YAML key.</param>
    /// <param name="propertyName">The C# property name.</param>
    /// <param name="hint">The hint.</param>
    /// <param name="valueType">The value type (a <see cref="ConfigValueType{T}"/> of the property's type).</param>
    /// <param name="rules">The field's rules (each a <see cref="FieldRule{T}"/> of the property's type).</param>
    public ConfigFieldInfo(string key, string propertyName, FieldHint hint, ConfigValueType valueType, params FieldRule[] rules)
    {
        ArgumentNullException.ThrowIfNull(valueType);
        Key = key;
        PropertyName = propertyName;
        Hint = hint;
        ValueType = valueType;
        _rules = rules;
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

    /// <summary>The field's value type.</summary>
    public ConfigValueType ValueType { get; }

    /// <summary>The field's rules, for documentation and JSON Schema.</summary>
    public IReadOnlyList<FieldRule> Rules => _rules;

    /// <summary>How the output writes the field: <see cref="ValueOutput"/>, <see cref="ConfigOutput"/> or <see cref="NullableConfigOutput"/>.</summary>
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

    internal FieldRule[] RuleArray => _rules;

    /// <summary>Whether <see cref="CheckTypes{T}"/> found the value type and the rules of the property's type.</summary>
    internal bool TypesChecked { get; private set; }

    /// <summary>Checks, once, that the value type and the rules are of the property's type (then used without a cast).</summary>
    internal ConfigValueType<T> CheckTypes<T>()
    {
        var type = (ConfigValueType<T>)ValueType;
        foreach (var rule in _rules)
        {
            _ = (FieldRule<T>)rule;
        }

        TypesChecked = true;
        return type;
    }

    /// <summary>Whether freezing can change the field's value (a collection); the other fields are skipped.</summary>
    internal bool NeedsFreeze => ValueType.ValuesNeedFreeze;

    /// <summary>Reads the field's current value, boxed (for tools; not used on the hot path).</summary>
    /// <param name="target">The config.</param>
    public object? GetValue(ConfigObject target)
    {
        ArgumentNullException.ThrowIfNull(target);
        return Run(target, FieldOperation.GetValue, null).Boxed;
    }

    /// <summary>The field's value as an output tree, whether or not it is explicit or secret (for documentation and tools).</summary>
    internal ConfigNode WriteValue(ConfigObject target, ValueWriteContext context) => Serialization.ConfigWriter.FieldValue(target, this, context);

    internal void Bind(ConfigObject target, ConfigNode node, ValueReadContext context)
    {
        ref var slot = ref target.Slot(Index);
        if (node is ConfigScalar { IsNull: true })
        {
            if (DerivedDefault is not null)
            {
                // An explicit null on a field with a derived default means "derive it" (R3).
                slot.State = FieldState.Explicit | FieldState.NullRequested;
                slot.BoundFrom(node);
                return;
            }

            if (!ValueType.AcceptsNull)
            {
                context.Error(DiagnosticCodes.NullNotAllowed, node, "null is not allowed, expected " + ValueType.DisplayName);
                return;
            }
        }

        if (Run(target, FieldOperation.Bind, context, node).Result)
        {
            slot.State = FieldState.Explicit;
            slot.BoundFrom(node);
            if (Hint == FieldHint.Deprecated)
            {
                context.Warning(DiagnosticCodes.DeprecatedField, node, "`" + Key + "` is deprecated");
            }
        }
    }

    internal bool BindImplicit(ConfigObject target, ConfigNode node, ValueReadContext context) => Run(target, FieldOperation.Bind, context, node).Result;

    internal void Write(ConfigObject target, Serialization.ConfigWriter writer) => Run(target, FieldOperation.Write, writer);

    internal void Validate(ConfigObject target, DiagnosticBag diagnostics)
    {
        if (_rules.Length > 0)
        {
            Run(target, FieldOperation.Validate, diagnostics, other: target);
        }
    }

    internal void Freeze(ConfigObject target) => Run(target, FieldOperation.Freeze, null);

    internal void CollectChildren(ConfigObject target, List<(ConfigObject Child, PathStep Step)> children) => Run(target, FieldOperation.CollectChildren, children);

    internal bool ValueEquals(ConfigObject left, ConfigObject right) => Run(left, FieldOperation.Equals, null, other: right).Result;

    /// <summary>Applies one operation to the field's value in <paramref name="target"/> (through its generated <c>AccessField</c>).</summary>
    private FieldAccess Run(ConfigObject target, FieldOperation operation, object? argument, ConfigNode? node = null, ConfigObject? other = null)
    {
        var access = new FieldAccess(operation, this, argument, node, other);
        target.Access(Index, ref access);
        return access;
    }
}
