namespace Strata.Provenance;

/// <summary>Where one leaf of a resolved config came from (R13): its value, final origin and the layers it went through.</summary>
public sealed class ValueProvenance
{
    internal ValueProvenance(string path, string value, Origin origin, bool isExplicit, bool isDerivedField)
    {
        Path = path;
        Value = value;
        Origin = origin;
        IsExplicit = isExplicit;
        IsDerivedField = isDerivedField;
    }

    /// <summary>The dotted path.</summary>
    public string Path { get; }

    /// <summary>The effective value as YAML flow text (secrets redacted).</summary>
    public string Value { get; }

    /// <summary>The final origin.</summary>
    public Origin Origin { get; }

    /// <summary>The layers that set the value, oldest first, ending with <see cref="Origin"/>.</summary>
    public IReadOnlyList<Origin> History => Origin.History;

    /// <summary>Whether the value is explicit (R3).</summary>
    public bool IsExplicit { get; }

    /// <summary>Whether this is a derived (computed) field (R4).</summary>
    public bool IsDerivedField { get; }

    /// <inheritdoc />
    public override string ToString() => Path + " = " + Value + "  (" + Origin + ")";
}
