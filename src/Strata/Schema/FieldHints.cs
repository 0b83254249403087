namespace Strata;

/// <summary>Facts about <see cref="FieldHint"/> values.</summary>
public static class FieldHints
{
    /// <summary>The importance of a hint: a field is written at verbosity <c>v</c> when <c>v</c> is at least this number.</summary>
    /// <param name="hint">The hint.</param>
    public static int Importance(this FieldHint hint) => hint switch
    {
        FieldHint.Core or FieldHint.Architecture => 0,
        FieldHint.Optional or FieldHint.Feature => 10,
        FieldHint.Performance or FieldHint.Stability or FieldHint.Unknown => 20,
        FieldHint.Logging => 30,
        FieldHint.Expert or FieldHint.Testing => 40,
        FieldHint.Deprecated or FieldHint.Wip => 80,
        FieldHint.Setup => 90,
        _ => 100,
    };

    /// <summary>The hint's name as written in documentation (<c>core</c>, <c>architecture</c>, ...).</summary>
    /// <param name="hint">The hint.</param>
    public static string Name(this FieldHint hint) => hint switch
    {
        FieldHint.Core => "core",
        FieldHint.Architecture => "architecture",
        FieldHint.Optional => "optional",
        FieldHint.Feature => "feature",
        FieldHint.Performance => "performance",
        FieldHint.Stability => "stability",
        FieldHint.Logging => "logging",
        FieldHint.Expert => "expert",
        FieldHint.Testing => "testing",
        FieldHint.Deprecated => "deprecated",
        FieldHint.Wip => "wip",
        FieldHint.Setup => "setup",
        FieldHint.Derived => "derived",
        _ => "unknown",
    };
}
