namespace Strata;

/// <summary>
/// The hint of a field, as in Fast-LLM: what kind of setting it is. Each hint has an importance that drives the
/// verbosity of serialization: a field is shown at verbosity <c>v</c> when <c>v</c> is at least its importance.
/// </summary>
public enum FieldHint
{
    /// <summary>No hint given (importance 20).</summary>
    Unknown = 0,

    /// <summary>A core parameter, expected to be provided explicitly (importance 0).</summary>
    Core,

    /// <summary>A base-model parameter that must not change when loading a pretrained model (importance 0).</summary>
    Architecture,

    /// <summary>Optional: the default is usually good enough (importance 10).</summary>
    Optional,

    /// <summary>Only relevant when an optional feature is enabled (importance 10).</summary>
    Feature,

    /// <summary>A computational performance knob (importance 20).</summary>
    Performance,

    /// <summary>A numerical precision or stability knob (importance 20).</summary>
    Stability,

    /// <summary>Logging or debug output (importance 30).</summary>
    Logging,

    /// <summary>Needs expertise (importance 40).</summary>
    Expert,

    /// <summary>Rarely set, for testing and debugging (importance 40).</summary>
    Testing,

    /// <summary>Deprecated: may be removed or renamed; setting it warns (importance 80).</summary>
    Deprecated,

    /// <summary>Not fully implemented (importance 80).</summary>
    Wip,

    /// <summary>An external value provided during preparation (importance 90).</summary>
    Setup,

    /// <summary>Computed from other fields (importance 100).</summary>
    Derived,
}
