using Strata.Schema;
using Strata.Tree;

namespace Strata.Resolution;

/// <summary>One field a layer set to an interpolation (<c>${path}</c>): the expression as written, and what resolving it found.</summary>
internal sealed class InterpolationSite(ConfigObject config, ConfigFieldInfo field, ConfigScalar expression, string path)
{
    public ConfigObject Config { get; } = config;

    public ConfigFieldInfo Field { get; } = field;

    /// <summary>The expression as a layer wrote it (the saved config writes it back), with its place.</summary>
    public ConfigScalar Expression { get; } = expression;

    /// <summary>The path of the field, for diagnostics.</summary>
    public string Path { get; } = path;

    /// <summary>While its references are being taken: meeting it again is a cycle.</summary>
    public bool Resolving { get; set; }

    /// <summary>Whether it was resolved (true), failed (false), or not yet tried (null).</summary>
    public bool? Succeeded { get; set; }

    /// <summary>The paths of the fields it took, as the provenance writes them.</summary>
    public List<string> References { get; } = [];

    /// <summary>The fields it took, with their state then: a derivation that changes one afterwards is an error.</summary>
    public List<(ConfigObject Config, int Index, FieldState State, OriginKind Kind, string Path)> Taken { get; } = [];
}
