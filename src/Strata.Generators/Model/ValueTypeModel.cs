namespace Strata.Generators.Model;

/// <summary>
/// How a field's CLR type maps to a <c>ConfigValueType</c>: a built-in kind with its arguments (element types, tuple
/// items), an enum with its members, a nested config, or a custom value type class.
/// </summary>
/// <param name="Kind">The kind.</param>
/// <param name="TypeName">
/// The fully qualified C# type: the enum, the config class or the custom value type class for those kinds, otherwise
/// the CLR type of the value.
/// </param>
/// <param name="Arguments">The element, value or item types.</param>
/// <param name="EnumMembers">The members of an enum.</param>
internal sealed record ValueTypeModel(
    ValueKind Kind,
    string TypeName,
    EquatableArray<ValueTypeModel> Arguments,
    EquatableArray<EnumMemberModel> EnumMembers)
{
    /// <summary>Whether values of this type are or hold configs (a nested config, a list or dictionary of them).</summary>
    public bool HoldsConfig
    {
        get
        {
            if (Kind == ValueKind.Config)
            {
                return true;
            }

            foreach (var argument in Arguments)
            {
                if (argument.HoldsConfig)
                {
                    return true;
                }
            }

            return false;
        }
    }

    /// <summary>
    /// The config class that the runtime's <c>ConfigValueType.NestedConfig</c> of this type is: a config, or what a nullable,
    /// a collection or a dictionary holds (tuples and custom value types hold none).
    /// </summary>
    public string? NestedConfig => Kind switch
    {
        ValueKind.Config => TypeName,
        ValueKind.Tuple or ValueKind.Custom => null,
        _ => Arguments.Count == 1 ? Arguments[0].NestedConfig : null,
    };

    public static ValueTypeModel Simple(ValueKind kind, string typeName) =>
        new(kind, typeName, EquatableArray<ValueTypeModel>.Empty, EquatableArray<EnumMemberModel>.Empty);

    public static ValueTypeModel Composite(ValueKind kind, string typeName, params ValueTypeModel[] arguments) =>
        new(kind, typeName, arguments.ToEquatableArray(), EquatableArray<EnumMemberModel>.Empty);
}
