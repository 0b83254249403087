using Strata.Tree;

namespace Strata.Provenance;

/// <summary>Where one leaf of a resolved config came from (R13): its value, final origin and the layers it went through.</summary>
public sealed class ValueProvenance
{
    private IReadOnlyList<string>? _dependsOn;

    internal ValueProvenance(string path, ConfigNode? node, string value, Origin origin, bool isExplicit, bool isDerivedField, FieldRead[]? inputs = null)
    {
        Inputs = inputs ?? [];
        Path = path;
        Node = node;
        Value = value;
        Origin = origin;
        IsExplicit = isExplicit;
        IsDerivedField = isDerivedField;
    }

    /// <summary>The dotted path.</summary>
    public string Path { get; }

    /// <summary>The effective value as YAML flow text (secrets redacted).</summary>
    public string Value { get; }

    /// <summary>
    /// The effective value as <c>resolve</c> writes it (secrets redacted as in <see cref="Value"/>), for typed output;
    /// <see langword="null"/> for a computed field that could not be computed.
    /// </summary>
    internal ConfigNode? Node { get; }

    /// <summary>The final origin.</summary>
    public Origin Origin { get; }

    /// <summary>The layers that set the value, oldest first, ending with <see cref="Origin"/>.</summary>
    public IReadOnlyList<Origin> History => Origin.History;

    /// <summary>Whether the value is explicit (R3).</summary>
    public bool IsExplicit { get; }

    /// <summary>The paths of the fields an interpolation (<c>${path}</c>) took the value from; empty for any other value.</summary>
    public IReadOnlyList<string> References { get; internal init; } = [];

    /// <summary>Whether this is a derived (computed) field (R4).</summary>
    public bool IsDerivedField { get; }

    /// <summary>
    /// What the value was derived from: the full dotted paths of the fields the hook (or the computed field) read to
    /// produce it, in the order read, and <c>env NAME</c> for an environment variable the hook read through its context.
    /// Empty for a value no hook set, and for a value a hook set without reading anything (a constant). The inputs are
    /// the reads since the previous value the same hook set (docs/engine.md, "Why a derived value is what it is").
    /// </summary>
    public IReadOnlyList<string> DependsOn
    {
        get
        {
            if (_dependsOn is null)
            {
                var paths = new string[Inputs.Length];
                for (var i = 0; i < paths.Length; i++)
                {
                    paths[i] = Inputs[i].Path;
                }

                _dependsOn = paths;
            }

            return _dependsOn;
        }
    }

    /// <summary>The inputs as recorded (configs and field indexes), made into paths only by <see cref="DependsOn"/>.</summary>
    internal FieldRead[] Inputs { get; }

    /// <inheritdoc />
    public override string ToString() => Path + " = " + Value + "  (" + Origin + ")";
}
