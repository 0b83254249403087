using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Values;

/// <summary>An enumeration read by name or alias and written by name.</summary>
internal sealed class EnumValueType<TEnum> : BuiltInValueType<TEnum>
    where TEnum : struct, Enum
{
    private readonly (string Name, TEnum Value)[] _members;
    private readonly Dictionary<string, TEnum> _byName;
    private readonly string _displayName;
    private readonly string[] _aliases;
    private string[]? _names;

    public EnumValueType(string displayName, (string Name, TEnum Value, string[] Aliases)[] members)
    {
        _displayName = displayName;
        _members = new (string Name, TEnum Value)[members.Length];
        var count = members.Length;
        foreach (var member in members)
        {
            count += member.Aliases.Length;
        }

        _byName = new Dictionary<string, TEnum>(count, StringComparer.Ordinal);
        for (var i = 0; i < members.Length; i++)
        {
            var (name, value, _) = members[i];
            _members[i] = (name, value);
            _byName[name] = value;
        }

        var accepted = new List<string>();
        foreach (var (_, value, aliases) in members)
        {
            foreach (var alias in aliases)
            {
                if (_byName.TryAdd(alias, value))
                {
                    accepted.Add(alias);
                }
            }
        }

        _aliases = [.. accepted];
    }

    public override string DisplayName => _displayName;

    public override ValueShape Shape => ValueShape.Enum;

    public override IReadOnlyList<string> EnumNames => _names ??= Array.ConvertAll(_members, static m => m.Name);

    internal override IReadOnlyList<string> EnumAliases => _aliases;

    internal override bool FreezesValues => false;

    internal override bool Refuses(ConfigNode node) => node is not ConfigScalar { IsNull: true } && !(node is ConfigScalar { Value: { } text } && _byName.ContainsKey(text));

    public override bool TryRead(ConfigNode node, ValueReadContext context, out TEnum value)
    {
        if (node is ConfigScalar { Value: { } text })
        {
            if (_byName.TryGetValue(text, out value))
            {
                return true;
            }

            var suggestion = Suggestions.Closest(text, _byName.Keys);
            context.Error(
                DiagnosticCodes.UnknownEnumValue,
                node,
                MessageText.Quoted(text) + " is not a valid " + _displayName + ": expected one of " + string.Join(", ", EnumNames)
                + (suggestion is null ? string.Empty : " (did you mean " + MessageText.Quoted(suggestion) + "?)"));
            return false;
        }

        value = default;
        context.TypeMismatch(node, "one of " + string.Join(", ", EnumNames));
        return false;
    }

    internal override void Write(TEnum value, ConfigWriter writer)
    {
        foreach (var (name, member) in _members)
        {
            if (EqualityComparer<TEnum>.Default.Equals(member, value))
            {
                writer.String(name);
                return;
            }
        }

        throw new InvalidOperationException("Value " + value + " is not a member of " + _displayName + ".");
    }
}
