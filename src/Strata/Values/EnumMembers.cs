using Strata.Schema;
using Strata.Tree;

namespace Strata.Values;

/// <summary>
/// The members of an enumeration as config values: their names, their values as <see cref="long"/> and the aliases
/// accepted on input, written by the generator as a table. Not generic over the enum: each enum used to bring its own
/// dictionary, tuples and their descriptors into a NativeAOT process (about seven per enum, made at start).
/// </summary>
internal sealed class EnumMembers
{
    private readonly Dictionary<string, int> _byName;
    private readonly string[] _accepted;

    public EnumMembers(string displayName, string[] names, long[] values, string[][] aliases)
    {
        if (values.Length != names.Length || aliases.Length != names.Length)
        {
            throw new ArgumentException("An enum's table has one value and one list of aliases per name.", nameof(values));
        }

        DisplayName = displayName;
        Names = names;
        Values = values;
        var count = names.Length;
        foreach (var memberAliases in aliases)
        {
            count += memberAliases.Length;
        }

        _byName = new Dictionary<string, int>(count, StringComparer.Ordinal);
        for (var i = 0; i < names.Length; i++)
        {
            _byName[names[i]] = i;
        }

        var accepted = new List<string>();
        for (var i = 0; i < aliases.Length; i++)
        {
            foreach (var alias in aliases[i])
            {
                if (_byName.TryAdd(alias, i))
                {
                    accepted.Add(alias);
                }
            }
        }

        Aliases = [.. accepted];
        _accepted = [.. names, .. accepted];
    }

    public string DisplayName { get; }

    /// <summary>The YAML names, in declaration order.</summary>
    public string[] Names { get; }

    /// <summary>The value of each name.</summary>
    public long[] Values { get; }

    /// <summary>The aliases accepted on input (those that name no member).</summary>
    public string[] Aliases { get; }

    public bool Refuses(ConfigNode node) => node is not ConfigScalar { IsNull: true } && !(node is ConfigScalar { Value: { } text } && _byName.ContainsKey(text));

    /// <summary>Reads a name or an alias as the index of its member, or reports why it cannot.</summary>
    public bool TryRead(ConfigNode node, ValueReadContext context, out int member)
    {
        if (node is ConfigScalar { Value: { } text })
        {
            if (_byName.TryGetValue(text, out member))
            {
                return true;
            }

            var suggestion = Suggestions.Closest(text, _accepted);
            context.Error(
                DiagnosticCodes.UnknownEnumValue,
                node,
                MessageText.Quoted(text) + " is not a valid " + DisplayName + ": expected one of " + string.Join(", ", Names)
                + (suggestion is null ? string.Empty : " (did you mean " + MessageText.Quoted(suggestion) + "?)"));
            return false;
        }

        member = -1;
        context.TypeMismatch(node, "one of " + string.Join(", ", Names));
        return false;
    }
}
