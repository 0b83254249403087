using System.ComponentModel;
using System.Diagnostics.CodeAnalysis;
using System.Runtime.CompilerServices;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Schema;

/// <summary>
/// One operation of the engine on one field's value (bind, write, validate, freeze, children, compare, read boxed),
/// handed to the generated <c>AccessField</c> of a config class, which passes the field's value by its static type:
/// the engine's generic code is instantiated per value type only, never per class and field.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
[SuppressMessage("Performance", "CA1815:Override equals and operator equals on value types", Justification = "Passed by reference to one call, never compared.")]
public struct FieldAccess
{
    private readonly FieldOperation _operation;
    private readonly ConfigFieldInfo _field;
    private readonly object? _argument;
    private readonly ConfigNode? _node;

    internal FieldAccess(FieldOperation operation, ConfigFieldInfo field, object? argument, ConfigNode? node = null, ConfigObject? target = null)
    {
        _operation = operation;
        _field = field;
        _argument = argument;
        _node = node;
        Target = target;
    }

    /// <summary>Whether the operation reads the field's current value (binding reads only a default child the config owns).</summary>
    public readonly bool ReadsValue => _operation != FieldOperation.Bind;

    /// <summary>The config whose value of the same field is compared with (for a comparison), else <see langword="null"/>.</summary>
    public readonly ConfigObject? Other => _operation == FieldOperation.Equals ? Target : null;

    /// <summary>Whether a bind set the value, or a comparison found the values equal.</summary>
    internal bool Result { get; private set; }

    internal object? Boxed { get; private set; }

    /// <summary>The config being validated, or the other config of a comparison.</summary>
    private ConfigObject? Target { get; }

    /// <summary>
    /// Applies the operation to the field's value; returns whether the field must be set to the new
    /// <paramref name="value"/> (through its setter).
    /// </summary>
    /// <typeparam name="T">The property's type.</typeparam>
    /// <param name="value">The field's value (<see langword="default"/> when <see cref="ReadsValue"/> is false).</param>
    /// <param name="other">The value of the same field in <see cref="Other"/>, when there is one.</param>
    public bool Apply<T>(ref T value, T other)
    {
        // The generated AccessField passes a field always as its property's one type: the field's value type (and rules)
        // are checked against it at the first access, not cast at each (a cast per call, in the code shared by every
        // reference type, cost more than most operations).
        var type = _field.TypesChecked ? Unsafe.As<ConfigValueType<T>>(_field.ValueType) : _field.CheckTypes<T>();
        switch (_operation)
        {
            case FieldOperation.Bind:
                var context = (ValueReadContext)_argument!;
                if (_node is ConfigMap map && value is ConfigObject owned && Values.Binder.CanBindInto(owned, map))
                {
                    // The config's own default child takes the mapping: no second instance is built and thrown away.
                    context.Binder.BindObject(owned, map, context);
                    Result = true;
                    return true;
                }

                Result = type.TryRead(_node!, context, out value);
                return Result;
            case FieldOperation.Write:
                type.Write(value, (ConfigWriter)_argument!);
                return false;
            case FieldOperation.Validate:
                Validate(value);
                return false;
            case FieldOperation.Freeze:
                var frozen = type.Freeze(value);
                if (ReferenceEquals(value, frozen))
                {
                    return false;
                }

                value = frozen;
                return true;
            case FieldOperation.CollectChildren:
                type.CollectChildren(value, _field.Key, (List<(ConfigObject Child, PathStep Step)>)_argument!);
                return false;
            case FieldOperation.Equals:
                Result = type.ValueEquals(value, other);
                return false;
            default:
                Boxed = value;
                return false;
        }
    }

    private readonly void Validate<T>(T value)
    {
        foreach (var rule in _field.RuleArray)
        {
            var problem = Unsafe.As<FieldRule<T>>(rule).Check(value);
            if (problem is not null)
            {
                var target = Target!;
                var origin = target.GetSlot(_field.Index).Origin;
                ((DiagnosticBag)_argument!).Error(DiagnosticCodes.FieldRule, PathText.Combine(target.ConfigPath, _field.Key), origin, problem);
            }
        }
    }
}
