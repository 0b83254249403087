using Strata.Schema;

namespace Strata.Resolution;

/// <summary>
/// Keeps follow-on errors out (one problem, one error). A derived value (set by a <c>Derive</c> hook) is computed from
/// other values: when one of them is in error, the derived value's own rule breaks too (<c>micro_batch_size=-1</c>
/// derives <c>batch_size = -1</c>, "must be &gt; 0") and only repeats the first error. Which values a hook read is not
/// recorded (that would cost every property read), so the rule is the sound bound of what a hook can read: the config
/// itself and its sub-configs (derivation is bottom-up, a hook runs after its children's). The rules of a config's
/// derived values are checked after its sub-tree is validated, and only when no error was reported on the config or
/// under it, neither while binding and deriving nor while validating. A derived value out of range with no other error
/// is still reported; a value derived from another branch of the tree (a sibling's) that is in error may still repeat it.
/// </summary>
internal static class FollowOns
{
    /// <summary>
    /// Checks the rules of the config's fields that are derived values (<paramref name="derived"/>) or of the others;
    /// returns whether a derived value was left out.
    /// </summary>
    public static bool Validate(ConfigObject config, ResolutionState state, bool derived)
    {
        var failed = state.FailedFields;
        var skipped = false;
        foreach (var field in config.ConfigType.RuledFields)
        {
            if (IsDerived(config.GetSlot(field.Index)) != derived)
            {
                skipped = true;
            }
            else if (failed.Count == 0 || !failed.Contains((config, field.Index)))
            {
                field.Validate(config, state.Diagnostics);
            }
        }

        return skipped;
    }

    /// <summary>The paths of the errors reported before validation, sorted (ordinal); null when there is none.</summary>
    public static string[]? ErrorPaths(DiagnosticBag diagnostics)
    {
        if (!diagnostics.HasErrors)
        {
            return null;
        }

        var paths = new List<string>(diagnostics.ErrorCount);
        foreach (var d in diagnostics.Items)
        {
            if (d.Severity == DiagnosticSeverity.Error)
            {
                paths.Add(d.Path);
            }
        }

        var sorted = paths.ToArray();
        Array.Sort(sorted, StringComparer.Ordinal);
        return sorted;
    }

    /// <summary>Whether one of <paramref name="paths"/> is the path of <paramref name="config"/> or under it.</summary>
    public static bool HasErrorAt(string[]? paths, ConfigObject config)
    {
        if (paths is null)
        {
            return false;
        }

        var configPath = config.ConfigPath;
        var i = Array.BinarySearch(paths, configPath, StringComparer.Ordinal);
        for (i = i < 0 ? ~i : i; i < paths.Length && paths[i].StartsWith(configPath, StringComparison.Ordinal); i++)
        {
            var path = paths[i];
            if (configPath.Length == 0 || path.Length == configPath.Length || path[configPath.Length] is '.' or '[')
            {
                return true;
            }
        }

        return false;
    }

    private static bool IsDerived(FieldSlot slot) =>
        (slot.State & FieldState.Implicit) != 0 && slot.Origin?.Kind == OriginKind.Derived;
}
