using System.Text;
using Strata.Provenance;
using Strata.Schema;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Hosting.Explain;

/// <summary>
/// <c>resolve --sources</c>: appends each value's origin to its line of the YAML output as a comment, so the document
/// stays a valid input that resolves to the same config.
/// </summary>
internal static class SourceAnnotator
{
    /// <summary>Comments line up at this column at most; longer lines push their comment right.</summary>
    private const int MaxCommentColumn = 60;

    public static string Annotate(string yaml, IReadOnlyList<ValueProvenance> provenance, IReadOnlyList<string> overrides)
    {
        var byPath = new Dictionary<string, Origin>(StringComparer.Ordinal);
        foreach (var p in provenance)
        {
            byPath[p.Path] = p.Origin;
        }

        // Our own output is single-line per value, so the reader's positions give each value's line.
        var document = YamlDocumentReader.Parse(yaml, "<output>");
        if (document.Root is not ConfigMap root)
        {
            return yaml;
        }

        var comments = new Dictionary<int, string>();
        Collect(root, string.Empty, byPath, overrides, comments);
        var lines = yaml.Split('\n');
        var column = 0;
        foreach (var line in comments.Keys)
        {
            column = Math.Max(column, Math.Min(MaxCommentColumn, lines[line - 1].Length));
        }

        var sb = new StringBuilder(yaml.Length * 2);
        for (var i = 0; i < lines.Length; i++)
        {
            if (i == lines.Length - 1 && lines[i].Length == 0)
            {
                break;
            }

            sb.Append(lines[i]);
            if (comments.TryGetValue(i + 1, out var comment))
            {
                sb.Append(' ', Math.Max(0, column - lines[i].Length) + 2).Append("# ").Append(comment);
            }

            sb.Append('\n');
        }

        return sb.ToString();
    }

    private static void Collect(ConfigNode node, string path, Dictionary<string, Origin> byPath, IReadOnlyList<string> overrides, Dictionary<int, string> comments)
    {
        switch (node)
        {
            case ConfigMap map:
                foreach (var entry in map.Entries)
                {
                    var entryPath = PathText.Combine(path, entry.Key);
                    if (byPath.TryGetValue(entryPath, out var origin) && entry.KeyOrigin.Line > 0)
                    {
                        comments[entry.KeyOrigin.Line] = ExplainWriter.Describe(origin, overrides);
                    }

                    Collect(entry.Value, entryPath, byPath, overrides, comments);
                }

                break;
            case ConfigSequence sequence:
                for (var i = 0; i < sequence.Items.Count; i++)
                {
                    Collect(sequence.Items[i], path + PathText.Index(i), byPath, overrides, comments);
                }

                break;
        }
    }
}
