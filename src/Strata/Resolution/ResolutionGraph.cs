namespace Strata.Resolution;

/// <summary>
/// What one resolution lets the setters of its configs do: each config the binder makes, and each config a hook makes
/// once it is linked to the graph, refers to it. A config made by program code refers to none: its assignments are explicit.
/// </summary>
internal sealed class ResolutionGraph
{
    /// <summary>What few resolutions use (forced values, interpolations), made on first use: an ordinary resolve allocates none of it.</summary>
    private Rare? _rare;

    /// <summary>The lock of <see cref="Recording"/>, made on first use.</summary>
    private Lock? _recording;

    /// <summary>What the setters do now: the binder records origins itself, hooks assign implicitly, freezing records nothing.</summary>
    public PhaseKind Kind { get; set; } = PhaseKind.Binding;

    /// <summary>The origin recorded by implicit assignments (derived, or an environment variable).</summary>
    public Origin ImplicitOrigin { get; set; } = Origin.Derived;

    /// <summary>The fields a layer set to an interpolation (<c>${path}</c>), by config and field index; null while there is none.</summary>
    public Dictionary<(ConfigObject Config, int Index), InterpolationSite>? Interpolations
    {
        get => _rare?.Interpolations;
        set => (_rare ??= new()).Interpolations = value;
    }

    /// <summary>The environment bindings an interpolation applied before the derive walk (it skips them); null while there is none.</summary>
    public HashSet<(ConfigObject Config, int Index)>? EnvironmentApplied
    {
        get => _rare?.EnvironmentApplied;
        set => (_rare ??= new()).EnvironmentApplied = value;
    }

    /// <summary>
    /// Notes what the generated getters read while a hook runs (DESIGN §5: why a derived value is what it is);
    /// <see langword="null"/> at every other time, so that a getter outside hooks costs one test.
    /// </summary>
    public Provenance.ReadRecorder? Reads { get; set; }

    /// <summary>
    /// Held while <c>explain</c> records what a computed field reads into <see cref="Reads"/>: one recording at a time on
    /// this graph, none waiting on another graph's. The engine's own object, which no code holding the graph can take;
    /// made on first use, so that an ordinary resolve allocates nothing for it.
    /// </summary>
    public Lock Recording => Volatile.Read(ref _recording) ?? Interlocked.CompareExchange(ref _recording, new Lock(), null) ?? _recording!;

    /// <summary>Allows the next implicit assignment of a field over its explicit value (a value forced by a rule).</summary>
    public void AllowOverride(ConfigObject config, int index)
    {
        TakeOverride(config, index); // Once, however often it is allowed.
        ((_rare ??= new()).Overrides ??= []).Add((config, index));
    }

    public bool TakeOverride(ConfigObject config, int index)
    {
        var overrides = _rare?.Overrides;
        for (var i = 0; overrides is not null && i < overrides.Count; i++)
        {
            if (ReferenceEquals(overrides[i].Config, config) && overrides[i].Index == index)
            {
                overrides.RemoveAt(i);
                return true;
            }
        }

        return false;
    }

    private sealed class Rare
    {
        /// <summary>The fields whose next implicit assignment may replace their explicit value: a few at most, searched in order.</summary>
        public List<(ConfigObject Config, int Index)>? Overrides;

        public Dictionary<(ConfigObject Config, int Index), InterpolationSite>? Interpolations;

        public HashSet<(ConfigObject Config, int Index)>? EnvironmentApplied;
    }
}
