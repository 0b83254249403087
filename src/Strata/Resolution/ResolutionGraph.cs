namespace Strata.Resolution;

/// <summary>
/// What one resolution lets the setters of its configs do: each config the binder makes, and each config a hook makes
/// once it is linked to the graph, refers to it. A config made by program code refers to none: its assignments are explicit.
/// </summary>
internal sealed class ResolutionGraph
{
    /// <summary>The fields whose next implicit assignment may replace their explicit value: a few at most, searched in order.</summary>
    private List<(ConfigObject Config, int Index)>? _overrides;

    /// <summary>What the setters do now: the binder records origins itself, hooks assign implicitly, freezing records nothing.</summary>
    public PhaseKind Kind { get; set; } = PhaseKind.Binding;

    /// <summary>The origin recorded by implicit assignments (derived, or an environment variable).</summary>
    public Origin ImplicitOrigin { get; set; } = Origin.Derived;

    /// <summary>
    /// Notes what the generated getters read while a hook runs (DESIGN §5: why a derived value is what it is);
    /// <see langword="null"/> at every other time, so that a getter outside hooks costs one test.
    /// </summary>
    public Provenance.ReadRecorder? Reads { get; set; }

    /// <summary>Allows the next implicit assignment of a field over its explicit value (a value forced by a rule).</summary>
    public void AllowOverride(ConfigObject config, int index)
    {
        TakeOverride(config, index); // Once, however often it is allowed.
        (_overrides ??= []).Add((config, index));
    }

    public bool TakeOverride(ConfigObject config, int index)
    {
        for (var i = 0; _overrides is not null && i < _overrides.Count; i++)
        {
            if (ReferenceEquals(_overrides[i].Config, config) && _overrides[i].Index == index)
            {
                _overrides.RemoveAt(i);
                return true;
            }
        }

        return false;
    }
}
