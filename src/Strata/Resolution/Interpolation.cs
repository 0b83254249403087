using System.Globalization;
using System.Text;
using Strata.Schema;
using Strata.Serialization;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>
/// Interpolation (<c>${path.to.field}</c>): a string a layer wrote as the whole value of a field takes the effective
/// value of another field, read by the type of the field that holds it; inside a longer string of a string or path field
/// the values are written into it; <c>$${</c> is a literal <c>${</c>, and so is OmegaConf's <c>\${</c>. Paths are absolute
/// from the root of the kind.
/// The binder defers such fields (<see cref="Defer"/>); <see cref="Resolve"/> runs after the bind and before the derive
/// walk, so that a derived default sees the interpolated value, and <see cref="CheckTakenValues"/> after it: a value
/// that a derivation set, or changed after an interpolation took it, cannot be taken (no cycles through hooks).
/// A checkpoint's strings are data: they are never interpolated.
/// </summary>
internal sealed class Interpolation
{
    /// <summary>The most <c>${</c> of one value.</summary>
    public const int MaxReferences = 32;

    /// <summary>The longest path between <c>${</c> and <c>}</c>.</summary>
    public const int MaxPathLength = 512;

    /// <summary>The longest chain of interpolations of interpolations.</summary>
    public const int MaxChainDepth = 64;

    /// <summary>Whether <paramref name="node"/> is a string holding <c>${</c> (an interpolation or an escape).</summary>
    /// <remarks>Read from the scalar's characters: a plain scalar still a slice of its document is not made a string.</remarks>
    public static bool IsExpression(ConfigNode node) => node is ConfigScalar scalar && scalar.Text.Contains("${", StringComparison.Ordinal);

    /// <summary>
    /// Keeps a field whose value <paramref name="node"/> holds <c>${</c> for <see cref="Resolve"/>: explicit, its value
    /// not read yet. A checkpoint's value (data, not what a user wrote) and a config section's are bound as they are.
    /// </summary>
    public static void Defer(ConfigObject target, ConfigFieldInfo field, ConfigScalar node, ValueReadContext context)
    {
        if (node.Origin.Kind == OriginKind.Checkpoint || field.ValueType.NestedConfig is not null)
        {
            field.Bind(target, node, context);
            return;
        }

        if (context.Binder.RefusesInterpolation)
        {
            context.Error(DiagnosticCodes.Interpolation, node, "an interpolation cannot set " + MessageText.Quoted(field.Key, '`', '`') + ": it is read before interpolations are resolved, to find the base layers");
            return;
        }

        var graph = context.Binder.Graph;
        (graph.Interpolations ??= [])[(target, field.Index)] = new InterpolationSite(target, field, node, context.Path);
        ref var slot = ref target.Slot(field.Index);
        slot.State = FieldState.Explicit | FieldState.Interpolated;
        slot.BoundFrom(node);
    }

    private readonly ConfigObject _root;
    private readonly Dictionary<(ConfigObject Config, int Index), InterpolationSite> _sites;
    private readonly ResolutionState _state;

    /// <summary>The interpolations being resolved, outermost first: meeting one of them again is a cycle.</summary>
    private readonly List<InterpolationSite> _chain = [];

    /// <summary>The children of each config a path stepped through, by their step: listed once per resolution.</summary>
    private readonly Dictionary<ConfigObject, Dictionary<string, ConfigObject>> _children = new(ReferenceEqualityComparer.Instance);

    /// <summary>Where a chain too deep stopped: a chain that starts there continues it.</summary>
    private HashSet<InterpolationSite>? _deep;

    private Interpolation(ConfigObject root, Dictionary<(ConfigObject Config, int Index), InterpolationSite> sites, ResolutionState state)
    {
        _root = root;
        _sites = sites;
        _state = state;
    }

    /// <summary>Resolves every deferred field, in the order the binder met them (diagnostics are ordered by place later).</summary>
    public static void Resolve(ConfigObject root, Dictionary<(ConfigObject Config, int Index), InterpolationSite> sites, ResolutionState state)
    {
        var resolution = new Interpolation(root, sites, state);
        foreach (var site in sites.Values)
        {
            resolution.Evaluate(site);
        }
    }

    /// <summary>After the derive walk: a value an interpolation took must not have been set or changed by a derivation since.</summary>
    public static void CheckTakenValues(Dictionary<(ConfigObject Config, int Index), InterpolationSite> sites, ResolutionState state)
    {
        foreach (var site in sites.Values)
        {
            if (site.Succeeded != true)
            {
                continue;
            }

            foreach (var (config, index, taken, kind, path) in site.Taken)
            {
                var slot = config.GetSlot(index);
                if (slot.State != taken || ((taken & FieldState.Implicit) != 0 && slot.Origin?.Kind != kind))
                {
                    Error(state, site, MessageText.Quoted(path, '`', '`') + " is derived (a derivation set it after this interpolation took it); an interpolation takes only a value a layer, the environment or the class default gives");
                }
            }
        }
    }

    private bool Evaluate(InterpolationSite site)
    {
        if (site.Succeeded is { } done)
        {
            return done;
        }

        if (site.Resolving)
        {
            // One error, at the first place of the cycle; the others fail as follow-ons of it.
            var start = _chain.IndexOf(site);
            var sb = new StringBuilder("interpolation cycle: ");
            for (var i = start; i < _chain.Count; i++)
            {
                sb.Append(_chain[i].Path).Append(" → ");
            }

            Error(_state, site, sb.Append(site.Path).ToString());
            return false;
        }

        if (_chain.Count >= MaxChainDepth)
        {
            // One error per chain: the rest of a longer one, resolved later from where this stopped, is a follow-on of it.
            _deep ??= new(ReferenceEqualityComparer.Instance);
            if (!_deep.Contains(_chain[0]))
            {
                Error(_state, _chain[0], "a chain of interpolations deeper than " + Count(MaxChainDepth) + ": " + _chain[0].Path + " → " + _chain[1].Path + " → … → " + site.Path);
            }

            _deep.Add(site);
            return false;
        }

        site.Resolving = true;
        _chain.Add(site);
        var succeeded = Take(site);
        _chain.RemoveAt(_chain.Count - 1);
        site.Resolving = false;
        site.Succeeded = succeeded;
        if (!succeeded)
        {
            // Its rules are not checked: the interpolation's error is the error.
            _state.FailedFields.Add((site.Config, site.Field.Index));
        }

        return succeeded;
    }

    /// <summary>Takes the values <paramref name="site"/> names and binds the result to its field.</summary>
    private bool Take(InterpolationSite site)
    {
        var parts = new List<(string Text, bool IsReference)>();
        if (Parse(site.Expression.Value!, parts) is { } problem)
        {
            Error(_state, site, problem);
            return false;
        }

        var whole = parts.Count == 1 && parts[0].IsReference;
        var shape = site.Field.ValueType.NonNullable.Shape;
        if (!whole && shape is not (ValueShape.String or ValueShape.Path) && parts.Exists(static p => p.IsReference))
        {
            Error(_state, site, "an interpolation inside a longer string is only for str and path fields; " + MessageText.Quoted(site.Field.Key, '`', '`') + " is " + site.Field.ValueType.DisplayName);
            return false;
        }

        var text = new StringBuilder();
        ConfigNode? value = null;
        foreach (var (part, isReference) in parts)
        {
            if (!isReference)
            {
                text.Append(part);
                continue;
            }

            if (Find(part, site) is not { } found)
            {
                return false;
            }

            var (config, field, path) = found;
            site.References.Add(path);
            if (!TakeValue(config, field, path, site))
            {
                return false;
            }

            value = ConfigWriter.FieldValue(config, field, ValueWriteContext.Display);
            if (!whole)
            {
                if (value is not ConfigScalar { Value: { } scalar })
                {
                    Error(_state, site, MessageText.Quoted(path, '`', '`') + " is " + (value is ConfigScalar ? "null" : "a " + field.ValueType.DisplayName) + ", which cannot be written into a string");
                    return false;
                }

                if (text.Length + scalar.Length > _state.Limits.MaxScalarLength)
                {
                    Error(_state, site, "the interpolated string is longer than " + Count(_state.Limits.MaxScalarLength) + " characters");
                    return false;
                }

                text.Append(scalar);
            }
        }

        var origin = site.Expression.Origin;
        var result = whole ? value! : ConfigScalar.Quoted(text.ToString(), origin);
        var read = new ValueReadContext(new DiagnosticBag(), _state.Binder);
        if (!site.Field.BindImplicit(site.Config, result, read))
        {
            var reason = read.Diagnostics.Items.Count > 0 ? read.Diagnostics.Items[0].Message : "not a valid " + site.Field.ValueType.DisplayName;
            Error(_state, site, (whole ? "the value of " + MessageText.Quoted(site.References[0], '`', '`') + " " : "the interpolated string ") + "does not fit " + site.Field.ValueType.DisplayName + ": " + reason);
            return false;
        }

        ref var slot = ref site.Config.Slot(site.Field.Index);
        slot.State = FieldState.Explicit | FieldState.Interpolated;
        if (site.References.Count > 0)
        {
            slot.Origin = Origin.FromInterpolation(string.Join(", ", site.References), origin);
        }

        if (_state.DeferredArchitecture is { } deferred && deferred.Remove(site.Path, out var beneath))
        {
            // An architecture field of a base layer: the merge's check, on the effective value, at the expression.
            MergeBuilder.WarnArchitecture(_state.Diagnostics, site.Path, site.Field, beneath.Saved, result, origin, slot.Origin ?? origin, beneath.Beneath);
        }

        return true;
    }

    /// <summary>
    /// Makes the effective value of a field ready to be taken: an interpolation is resolved first, an environment binding
    /// no layer overrides is applied now (the derive walk then skips it); a derived default cannot be taken.
    /// </summary>
    private bool TakeValue(ConfigObject config, ConfigFieldInfo field, string path, InterpolationSite site)
    {
        if (field.IsSecret)
        {
            Error(_state, site, MessageText.Quoted(path, '`', '`') + " is secret: an interpolation cannot copy it into another field");
            return false;
        }

        var slot = config.GetSlot(field.Index);
        if ((slot.State & FieldState.Interpolated) != 0 && _sites.TryGetValue((config, field.Index), out var other))
        {
            // A failed one reported its own error.
            if (!Evaluate(other))
            {
                return false;
            }
        }
        else if ((slot.State & FieldState.Explicit) == 0 || (slot.State & FieldState.NullRequested) != 0)
        {
            if (field.DerivedDefault is not null)
            {
                Error(_state, site, MessageText.Quoted(path, '`', '`') + " is derived (" + field.DerivedDefault + "); an interpolation takes only a value a layer, the environment or the class default gives");
                return false;
            }

            if (field.EnvironmentVariable is { } name && (_state.Graph.EnvironmentApplied ??= []).Add((config, field.Index)))
            {
                var errors = _state.Diagnostics.ErrorCount;
                _state.Graph.Kind = PhaseKind.Deriving;
                try
                {
                    ConfigPipeline.ApplyEnvironment(config, field, name, _state);
                }
                finally
                {
                    // The phase is the graph's state: a library caller that catches what a hook threw gets the graph back in its phase.
                    _state.Graph.Kind = PhaseKind.Binding;
                }

                if (_state.Diagnostics.ErrorCount != errors)
                {
                    return false;
                }
            }
        }

        slot = config.GetSlot(field.Index);
        site.Taken.Add((config, field.Index, slot.State, slot.Origin?.Kind ?? OriginKind.Default, path));
        return true;
    }

    /// <summary>The field a path names, from the root: keys, <c>key[i]</c> in a list of configs, <c>key.name</c> in a dictionary of them.</summary>
    private (ConfigObject Config, ConfigFieldInfo Field, string Path)? Find(string text, InterpolationSite site)
    {
        var keys = text.Split('.');
        var current = _root;
        var path = string.Empty;
        for (var i = 0; i < keys.Length; i++)
        {
            var step = keys[i];
            var bracket = step.IndexOf('[', StringComparison.Ordinal);
            var key = bracket < 0 ? step : step[..bracket];
            var info = current.ConfigType;
            var field = key.Length == 0 ? null : info.FindByKey(key);
            if (field is null)
            {
                ReportUnknown(_state, site, info, key, path);
                return null;
            }

            var fieldPath = PathText.Combine(path, key);
            var nested = field.ValueType.NestedConfig is not null;
            if (!nested && bracket < 0 && i == keys.Length - 1)
            {
                return (current, field, fieldPath);
            }

            if (!nested)
            {
                Error(_state, site, MessageText.Quoted(fieldPath, '`', '`') + " is a " + field.ValueType.DisplayName + " value: " + MessageText.Quoted("${" + text + "}") + " goes past it");
                return null;
            }

            var childStep = bracket >= 0 ? step
                : field.ValueType.Shape == ValueShape.Dictionary && i < keys.Length - 1 ? key + "." + keys[++i]
                : key;
            if (i == keys.Length - 1 && childStep == key)
            {
                Error(_state, site, MessageText.Quoted(fieldPath, '`', '`') + " is a config section: an interpolation takes the value of a field");
                return null;
            }

            if (!_children.TryGetValue(current, out var steps))
            {
                // Each config's children are listed once per resolution: a _chain through a dictionary of 10⁴ configs stays linear.
                steps = new Dictionary<string, ConfigObject>(StringComparer.Ordinal);
                foreach (var (child, stepText) in ConfigGraph.Children(current))
                {
                    steps.TryAdd(stepText, child);
                }

                _children.Add(current, steps);
            }

            path = PathText.Combine(path, childStep);
            if (!steps.TryGetValue(childStep, out var next))
            {
                Error(_state, site, MessageText.Quoted(path, '`', '`') + " is not set (no such entry, or null)");
                return null;
            }

            current = next;
        }

        Error(_state, site, MessageText.Quoted(path, '`', '`') + " is a config section: an interpolation takes the value of a field");
        return null;
    }

    private static void ReportUnknown(ResolutionState state, InterpolationSite site, ConfigTypeInfo info, string key, string path)
    {
        foreach (var derived in info.DerivedFields)
        {
            if (derived.Key == key)
            {
                Error(state, site, MessageText.Quoted(PathText.Combine(path, key), '`', '`') + " is derived (computed from other fields); an interpolation takes only a value a layer, the environment or the class default gives");
                return;
            }
        }

        var suggestion = Suggestions.Closest(key, info.FieldKeys());
        Error(
            state,
            site,
            "unknown field " + MessageText.Quoted(key, '`', '`') + " in " + info.Name + (path.Length == 0 ? string.Empty : " (at " + MessageText.Quoted(path, '`', '`') + ")")
            + (suggestion is null ? string.Empty : " (did you mean " + MessageText.Quoted(PathText.Combine(path, suggestion), '`', '`') + "?)"));
    }

    /// <summary>
    /// Splits a value into literal text (<c>$${</c> read as <c>${</c>) and the paths of its <c>${…}</c>; returns the
    /// problem of a malformed one, with its column in the value.
    /// </summary>
    private static string? Parse(string text, List<(string Text, bool IsReference)> parts)
    {
        var literal = new StringBuilder();
        var references = 0;
        for (var i = 0; i < text.Length;)
        {
            var dollar = text.IndexOf('$', i);
            if (dollar < 0)
            {
                literal.Append(text, i, text.Length - i);
                break;
            }

            literal.Append(text, i, dollar - i);
            var rest = text.AsSpan(dollar);
            if (rest.StartsWith("$${", StringComparison.Ordinal))
            {
                literal.Append("${");
                i = dollar + 3;
                continue;
            }

            if (!rest.StartsWith("${", StringComparison.Ordinal))
            {
                literal.Append('$');
                i = dollar + 1;
                continue;
            }

            // OmegaConf's escape: `\${` is a literal `${`, and the backslashes right before a `${` pair up (`\\${x}` is
            // a backslash and the value of x), so that a config written for OmegaConf means here what it meant there.
            var backslashes = 0;
            while (dollar - backslashes > i && text[dollar - backslashes - 1] == '\\')
            {
                backslashes++;
            }

            if (backslashes > 0)
            {
                literal.Length -= backslashes - (backslashes / 2);
                if (backslashes % 2 == 1)
                {
                    literal.Append("${");
                    i = dollar + 2;
                    continue;
                }
            }

            var at = " at column " + Count(dollar + 1) + " of the value";
            if (++references > MaxReferences)
            {
                return "more than " + Count(MaxReferences) + " interpolations in one value" + at;
            }

            var start = dollar + 2;
            var end = text.IndexOf('}', start);
            if (end < 0)
            {
                return "malformed interpolation" + at + ": `${` is not closed by `}`";
            }

            if (end - start > MaxPathLength)
            {
                return "malformed interpolation" + at + ": a path longer than " + Count(MaxPathLength) + " characters";
            }

            var path = text[start..end];
            if (path.Length == 0)
            {
                return "malformed interpolation" + at + ": `${}` names no field";
            }

            if (path.StartsWith('.') || path.EndsWith('.') || path.Contains("..", StringComparison.Ordinal) || path.Contains(':', StringComparison.Ordinal))
            {
                return "malformed interpolation" + at + ": " + (path.StartsWith('.') ? "a relative path (OmegaConf's `${.key}`) is not supported: write the path from the root of the config"
                    : path.Contains(':', StringComparison.Ordinal) ? "resolvers (OmegaConf's `${oc.env:NAME}`) are not supported: an interpolation names a field (a field bound to an environment variable reads it)"
                    : "a key is missing (empty step in the path)");
            }

            foreach (var c in path)
            {
                if (c is '$' or '{')
                {
                    return "malformed interpolation" + at + ": nested interpolations are not supported";
                }

                if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '\'' or ',') // a ':' is a resolver's, refused above
                {
                    return "malformed interpolation" + at + ": " + MessageText.Quoted("${" + path + "}") + " is not a path (keys joined by `.`)";
                }
            }

            if (literal.Length > 0)
            {
                parts.Add((literal.ToString(), false));
                literal.Clear();
            }

            parts.Add((path, true));
            i = end + 1;
        }

        if (literal.Length > 0 || parts.Count == 0)
        {
            parts.Add((literal.ToString(), false));
        }

        return null;
    }

    private static void Error(ResolutionState state, InterpolationSite site, string message) =>
        state.Diagnostics.Error(DiagnosticCodes.Interpolation, site.Path, site.Expression.Origin, message);

    private static string Count(int value) => value.ToString(CultureInfo.InvariantCulture);
}
