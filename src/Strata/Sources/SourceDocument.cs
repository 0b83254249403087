using Strata.Tree;

namespace Strata.Sources;

/// <summary>The result of reading one document: its tree (when it could be read) and the diagnostics found.</summary>
public sealed class SourceDocument
{
    /// <summary>Creates a result.</summary>
    /// <param name="root">The root node, or <see langword="null"/> when the document could not be read.</param>
    /// <param name="diagnostics">The diagnostics.</param>
    public SourceDocument(ConfigNode? root, IReadOnlyList<Diagnostic> diagnostics)
    {
        Root = root;
        Diagnostics = diagnostics;
    }

    /// <summary>The root node, or <see langword="null"/> when the document could not be read. An empty document is an empty mapping.</summary>
    public ConfigNode? Root { get; }

    /// <summary>The diagnostics found while reading.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>Whether the document was read without errors.</summary>
    public bool Success
    {
        get
        {
            for (var i = 0; Root is not null && i < Diagnostics.Count; i++)
            {
                if (Diagnostics[i].Severity == DiagnosticSeverity.Error)
                {
                    return false;
                }
            }

            return Root is not null;
        }
    }
}
