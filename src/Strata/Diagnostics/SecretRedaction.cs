using Strata.Schema;

namespace Strata;

/// <summary>
/// Keeps the values of secret fields (rule R14) out of diagnostics: a diagnostic about a secret field, or about
/// anything inside one, that may quote the value (a type mismatch, a broken rule, an override that cannot be parsed,
/// an environment value) gets a message that says what is wrong without the value. Done once, on every diagnostic a
/// resolution returns, so that no reader, value type, rule or hook has to remember it.
/// </summary>
internal static class SecretRedaction
{
    private const string NotShown = "the value of a secret field is not shown";

    /// <summary>The most steps a path check takes (the dotted keys of nested dictionaries can be read many ways).</summary>
    private const int MaxSteps = 1_000;

    /// <summary>Returns <paramref name="diagnostics"/> with the messages about secret values redacted.</summary>
    /// <param name="diagnostics">The diagnostics of a resolution.</param>
    /// <param name="root">The schema of the root config.</param>
    public static IReadOnlyList<Diagnostic> Redact(IReadOnlyList<Diagnostic> diagnostics, ConfigTypeInfo root)
    {
        List<Diagnostic>? redacted = null;
        for (var i = 0; i < diagnostics.Count; i++)
        {
            var d = diagnostics[i];
            if (QuotesValues(d.Code) && d.Path.Length > 0 && IsSecretPath(root, d.Path))
            {
                redacted ??= [.. diagnostics];
                redacted[i] = new Diagnostic(d.Severity, d.Code, d.Path, d.Origin, MessageFor(d.Code));
            }
        }

        return redacted ?? diagnostics;
    }

    /// <summary>
    /// Whether <paramref name="path"/> (dotted, with <c>[i]</c> indexes, as diagnostics name it) is a secret field or
    /// lies inside one. In that text a dictionary key that holds dots (<c>environment."HF.TOKEN"</c> reads
    /// <c>environment.HF.TOKEN</c>) looks like several steps: past a dictionary, both the next step and the whole rest
    /// are asked, so that a redaction never misses.
    /// </summary>
    /// <param name="root">The schema of the root config.</param>
    /// <param name="path">The path.</param>
    public static bool IsSecretPath(ConfigTypeInfo root, string path)
    {
        var steps = path.Split('.');
        for (var i = 0; i < steps.Length; i++)
        {
            var bracket = steps[i].IndexOf('[', StringComparison.Ordinal);
            steps[i] = bracket >= 0 ? steps[i][..bracket] : steps[i];
        }

        return IsSecret(root, steps, path);
    }

    /// <summary>Whether a path given as steps (an override's) is a secret field or lies inside one.</summary>
    /// <param name="root">The schema of the root config.</param>
    /// <param name="path">The path; its indexes are steps into a value, never a secret of their own.</param>
    public static bool IsSecretPath(ConfigTypeInfo root, IReadOnlyList<Sources.OverridePathSegment> path)
    {
        var keys = new List<string>(path.Count);
        foreach (var step in path)
        {
            keys.Add(step.Key ?? string.Empty);
        }

        return IsSecret(root, keys, null);
    }

    /// <summary>
    /// Walks <paramref name="keys"/> (an index is an empty key, stepped over) from <paramref name="root"/>;
    /// <paramref name="dotted"/> is the dotted text the keys were split from, or null when each key is exact.
    /// </summary>
    private static bool IsSecret(ConfigTypeInfo root, IReadOnlyList<string> keys, string? dotted)
    {
        var budget = MaxSteps;
        return IsSecret(root, keys, 0, dotted, ref budget);
    }

    /// <summary>Walks <paramref name="keys"/> from <paramref name="from"/>, at <paramref name="info"/>; each step costs one of <paramref name="budget"/>.</summary>
    private static bool IsSecret(ConfigTypeInfo info, IReadOnlyList<string> keys, int from, string? dotted, ref int budget)
    {
        for (var i = from; i < keys.Count; i++)
        {
            if (--budget < 0)
            {
                // Too many ways to read the dotted keys of dictionaries: redact rather than risk missing a secret.
                return true;
            }

            var key = keys[i];
            if (key.Length == 0)
            {
                continue;
            }

            var field = Find(info, key);
            if (field is null)
            {
                return false;
            }

            if (field.IsSecret)
            {
                return true;
            }

            if (field.ValueType.NestedConfig is not { } nested)
            {
                // An entry of the value (a dictionary's key) may be a secret of its own.
                return i + 1 < keys.Count
                    && (field.ValueType.IsSecretEntry(keys[i + 1]) || (dotted is not null && field.ValueType.IsSecretEntry(Rest(dotted, i + 1))));
            }

            if (field.ValueType.NonNullable.Shape == ValueShape.Dictionary)
            {
                // The next step is an entry's key, not a field: the entry's config starts past it. In dotted text a key
                // that holds dots is several steps, so each step where the config may start is asked.
                if (dotted is null)
                {
                    i++;
                }
                else
                {
                    for (var start = i + 2; start < keys.Count; start++)
                    {
                        if (IsSecret(nested, keys, start, dotted, ref budget))
                        {
                            return true;
                        }
                    }

                    return false;
                }
            }

            info = nested;
        }

        return false;
    }

    /// <summary>The text of <paramref name="dotted"/> after its first <paramref name="steps"/> dots.</summary>
    private static string Rest(string dotted, int steps)
    {
        var at = 0;
        for (var i = 0; i < steps; i++)
        {
            at = dotted.IndexOf('.', at) + 1;
        }

        return dotted[at..];
    }

    /// <summary>
    /// Whether an override sets a secret: its path is a secret field or lies inside one, or it sets a mapping with an
    /// entry that is a secret, at any depth (<c>environment={HF_TOKEN: x}</c>, <c>callback={environment: {HF_TOKEN: x}}</c>).
    /// Every place that shows an override as written (the layers list, a sweep's points) asks this.
    /// </summary>
    /// <param name="root">The schema of the root config.</param>
    /// <param name="change">The override, parsed.</param>
    public static bool SetsSecret(ConfigTypeInfo root, Sources.ConfigOverride change) =>
        IsSecretPath(root, change.Path) || (change.Value is Tree.ConfigMap map && HasSecretEntry(root, [.. change.Path], map));

    private static bool HasSecretEntry(ConfigTypeInfo root, List<Sources.OverridePathSegment> path, Tree.ConfigMap map)
    {
        foreach (var entry in map.Entries)
        {
            path.Add(Sources.OverridePathSegment.ForKey(entry.Key));
            var secret = IsSecretPath(root, path) || (entry.Value is Tree.ConfigMap inner && HasSecretEntry(root, path, inner));
            path.RemoveAt(path.Count - 1);
            if (secret)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The field of that key in the class or, for a polymorphic class, in any of its registered subclasses.</summary>
    private static ConfigFieldInfo? Find(ConfigTypeInfo info, string key)
    {
        if (info.FindByKey(key) is { } field)
        {
            return field;
        }

        foreach (var subtype in info.Subtypes)
        {
            if (subtype.TypeInfo.FindByKey(key) is { } found)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>Codes whose messages never hold a value: an unknown or renamed key, a deprecated field, a null.</summary>
    private static bool QuotesValues(string code) => code is not (
        DiagnosticCodes.UnknownKey or DiagnosticCodes.RenamedKey or DiagnosticCodes.RenameConflict or DiagnosticCodes.DeprecatedField
        or DiagnosticCodes.NullNotAllowed or DiagnosticCodes.DerivedFieldSet or DiagnosticCodes.RemovedKey);

    private static string MessageFor(string code) => code switch
    {
        DiagnosticCodes.TypeMismatch => "the value does not have the type of the field (" + NotShown + ")",
        DiagnosticCodes.FieldRule => "the value breaks a rule of the field (" + NotShown + ")",
        DiagnosticCodes.NumberOutOfRange => "the number is out of range for the field (" + NotShown + ")",
        DiagnosticCodes.UnknownEnumValue => "the value is not one of the names the field accepts (" + NotShown + ")",
        DiagnosticCodes.OverrideSyntax or DiagnosticCodes.Syntax or DiagnosticCodes.UnsupportedTag => "the value cannot be parsed (" + NotShown + ")",
        DiagnosticCodes.EnvironmentValue => "the environment variable's value is not valid for the field (" + NotShown + ")",
        DiagnosticCodes.EnvironmentShadowed => "the value set here wins over a different value of the environment variable (" + NotShown + ")",
        _ => "the value is not valid (" + NotShown + ")",
    };
}
