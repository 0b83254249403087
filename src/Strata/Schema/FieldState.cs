namespace Strata.Schema;

/// <summary>What is known about one field of one config instance.</summary>
[Flags]
internal enum FieldState : byte
{
    /// <summary>Not set: the class default.</summary>
    None = 0,

    /// <summary>Set by a layer or by program code (rule R3).</summary>
    Explicit = 1,

    /// <summary>An explicit null on a field with a derived default: "derive it".</summary>
    NullRequested = 2,

    /// <summary>Set by derivation or from the environment.</summary>
    Implicit = 4,

    /// <summary>Set by an interpolation (<c>${path}</c>): explicit, written back as the expression the user wrote.</summary>
    Interpolated = 8,
}
