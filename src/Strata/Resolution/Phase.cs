namespace Strata.Resolution;

/// <summary>
/// The phase of the resolution running on this thread. Thread-static so that a parent's hook that assigns a child's
/// field is treated the same way as the child's own hook; each resolution runs on one thread from start to end.
/// </summary>
internal static class Phase
{
    [ThreadStatic]
    private static PhaseKind t_kind;

    [ThreadStatic]
    private static Origin? t_origin;

    [ThreadStatic]
    private static HashSet<(ConfigObject, int)>? t_overrides;

    public static PhaseKind Kind => t_kind;

    /// <summary>The origin recorded by implicit assignments (derived, or an environment variable).</summary>
    public static Origin ImplicitOrigin => t_origin ?? Origin.Derived;

    public static Scope Enter(PhaseKind kind, Origin? origin = null)
    {
        var scope = new Scope(t_kind, t_origin);
        t_kind = kind;
        t_origin = origin;
        return scope;
    }

    /// <summary>Allows the next implicit assignment of a field over its explicit value (a value forced by a rule).</summary>
    public static void AllowOverride(ConfigObject config, int index) => (t_overrides ??= []).Add((config, index));

    public static bool TakeOverride(ConfigObject config, int index) => t_overrides is { Count: > 0 } set && set.Remove((config, index));

    internal readonly struct Scope : IDisposable
    {
        private readonly PhaseKind _previous;
        private readonly Origin? _previousOrigin;

        public Scope(PhaseKind previous, Origin? previousOrigin)
        {
            _previous = previous;
            _previousOrigin = previousOrigin;
        }

        public void Dispose()
        {
            t_kind = _previous;
            t_origin = _previousOrigin;
        }
    }
}
