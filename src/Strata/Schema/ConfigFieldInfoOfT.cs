using Strata.Resolution;
using Strata.Tree;

namespace Strata.Schema;

/// <summary>A settable field of <typeparamref name="TConfig"/> holding a <typeparamref name="TValue"/>.</summary>
/// <typeparam name="TConfig">The config class.</typeparam>
/// <typeparam name="TValue">The value's CLR type.</typeparam>
public sealed class ConfigFieldInfo<TConfig, TValue> : ConfigFieldInfo
    where TConfig : ConfigObject
{
    private readonly ConfigValueType<TValue> _valueType;
    private readonly Func<TConfig, TValue> _getter;
    private readonly Action<TConfig, TValue> _setter;
    private readonly FieldRule<TValue>[] _rules;

    /// <summary>Creates the field (called by generated code).</summary>
    /// <param name="key">The YAML key.</param>
    /// <param name="propertyName">The C# property name.</param>
    /// <param name="hint">The hint.</param>
    /// <param name="valueType">The value type.</param>
    /// <param name="getter">Reads the property.</param>
    /// <param name="setter">Writes the property (through its generated setter).</param>
    /// <param name="rules">The field's rules.</param>
    public ConfigFieldInfo(
        string key,
        string propertyName,
        FieldHint hint,
        ConfigValueType<TValue> valueType,
        Func<TConfig, TValue> getter,
        Action<TConfig, TValue> setter,
        params FieldRule<TValue>[] rules)
        : base(key, propertyName, hint)
    {
        _valueType = valueType;
        _getter = getter;
        _setter = setter;
        _rules = rules;
    }

    /// <inheritdoc />
    public override ConfigValueType ValueType => _valueType;

    /// <inheritdoc />
    public override IReadOnlyList<FieldRule> Rules => _rules;

    /// <inheritdoc />
    public override object? GetValue(ConfigObject target) => _getter((TConfig)target);

    internal override void Bind(ConfigObject target, ConfigNode node, ValueReadContext context)
    {
        ref var slot = ref target.Slot(Index);
        if (node is ConfigScalar { IsNull: true })
        {
            if (DerivedDefault is not null)
            {
                // An explicit null on a field with a derived default means "derive it" (R3).
                slot.State = FieldState.Explicit | FieldState.NullRequested;
                slot.Origin = node.Origin;
                return;
            }

            if (!_valueType.AcceptsNull)
            {
                context.Error(DiagnosticCodes.NullNotAllowed, node, "null is not allowed, expected " + _valueType.DisplayName);
                return;
            }
        }

        if (_valueType.TryRead(node, context, out var value))
        {
            _setter((TConfig)target, value);
            slot.State = FieldState.Explicit;
            slot.Origin = node.Origin;
            if (Hint == FieldHint.Deprecated)
            {
                context.Warning(DiagnosticCodes.DeprecatedField, node, "`" + Key + "` is deprecated");
            }
        }
    }

    internal override bool BindImplicit(ConfigObject target, ConfigNode node, ValueReadContext context)
    {
        if (!_valueType.TryRead(node, context, out var value))
        {
            return false;
        }

        _setter((TConfig)target, value);
        return true;
    }

    internal override ConfigNode WriteValue(ConfigObject target, ValueWriteContext context)
    {
        var slot = target.GetSlot(Index);
        if ((slot.State & FieldState.NullRequested) != 0 && context.Verbosity == Verbosity.Explicit)
        {
            return ConfigScalar.Null(Origin.Default);
        }

        return _valueType.Write(_getter((TConfig)target), context);
    }

    internal override void WriteYaml(ConfigObject target, ValueWriteContext context, Serialization.YamlBuffer writer, int indent, bool continuesLine)
    {
        Serialization.YamlEmitter.WriteKeyText(YamlKey, writer, indent, continuesLine);
        if ((target.GetSlot(Index).State & FieldState.NullRequested) != 0 && context.Verbosity == Verbosity.Explicit)
        {
            Serialization.YamlEmitter.WriteStringValue(null, writer, item: false);
            return;
        }

        _valueType.WriteYaml(_getter((TConfig)target), context, writer, indent, item: false);
    }

    internal override void Validate(ConfigObject target, DiagnosticBag diagnostics)
    {
        if (_rules.Length == 0)
        {
            return;
        }

        var value = _getter((TConfig)target);
        foreach (var rule in _rules)
        {
            var problem = rule.Check(value);
            if (problem is not null)
            {
                var origin = target.GetSlot(Index).Origin;
                diagnostics.Error(DiagnosticCodes.FieldRule, PathText.Combine(target.ConfigPath, Key), origin, problem);
            }
        }
    }

    internal override bool NeedsFreeze => !typeof(TValue).IsValueType && _valueType.FreezesValues;

    internal override void Freeze(ConfigObject target)
    {
        if (typeof(TValue).IsValueType)
        {
            return;
        }

        var config = (TConfig)target;
        var value = _getter(config);
        var frozen = _valueType.Freeze(value);
        if (!ReferenceEquals(value, frozen))
        {
            _setter(config, frozen);
        }
    }

    internal override void CollectChildren(ConfigObject target, List<(ConfigObject Child, PathStep Step)> children) =>
        _valueType.CollectChildren(_getter((TConfig)target), Key, children);

    internal override bool ValueEquals(ConfigObject left, ConfigObject right) =>
        _valueType.ValueEquals(_getter((TConfig)left), _getter((TConfig)right));
}
