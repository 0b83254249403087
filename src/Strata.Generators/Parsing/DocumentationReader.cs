using System.Text;
using System.Text.RegularExpressions;
using System.Threading;
using System.Xml;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Strata.Generators.Parsing;

/// <summary>Reads the <c>&lt;summary&gt;</c> of a symbol's XML documentation as one line of plain text.</summary>
internal static class DocumentationReader
{
    private static readonly Regex s_whitespace = new(@"\s+", RegexOptions.CultureInvariant);

    public static string? Summary(ISymbol symbol, CancellationToken cancellationToken)
    {
        var xml = symbol.GetDocumentationCommentXml(cancellationToken: cancellationToken);
        if (string.IsNullOrWhiteSpace(xml))
        {
            // Documentation comments are not parsed when the project does not ask for them: read the raw comment.
            xml = FromTrivia(symbol, cancellationToken);
        }

        if (string.IsNullOrWhiteSpace(xml))
        {
            return null;
        }

        XElement root;
        try
        {
            root = XElement.Parse(xml, LoadOptions.PreserveWhitespace);
        }
        catch (XmlException)
        {
            return null;
        }

        var summary = root.Name.LocalName == "summary" ? root : root.Element("summary");
        if (summary is null)
        {
            return null;
        }

        var text = s_whitespace.Replace(Render(summary), " ").Trim();
        return text.Length == 0 ? null : text;
    }

    private static string? FromTrivia(ISymbol symbol, CancellationToken cancellationToken)
    {
        var sb = new StringBuilder();
        foreach (var reference in symbol.DeclaringSyntaxReferences)
        {
            var node = reference.GetSyntax(cancellationToken);
            foreach (var trivia in node.GetLeadingTrivia())
            {
                foreach (var line in trivia.ToFullString().Split('\n'))
                {
                    var trimmed = line.Trim();
                    if (trimmed.StartsWith("///", StringComparison.Ordinal))
                    {
                        sb.Append(trimmed.Substring(3)).Append('\n');
                    }
                }
            }
        }

        return sb.Length == 0 ? null : "<doc>" + sb + "</doc>";
    }

    private static string Render(XElement element)
    {
        var sb = new StringBuilder();
        foreach (var node in element.Nodes())
        {
            switch (node)
            {
                case XText text:
                    sb.Append(text.Value);
                    break;
                case XElement child:
                    sb.Append(RenderElement(child));
                    break;
            }
        }

        return sb.ToString();
    }

    private static string RenderElement(XElement element)
    {
        switch (element.Name.LocalName)
        {
            case "see":
            case "seealso":
                var cref = (string?)element.Attribute("cref");
                if (cref is not null)
                {
                    return element.IsEmpty ? SimpleName(cref) : Render(element);
                }

                return (string?)element.Attribute("langword") ?? Render(element);
            case "paramref":
            case "typeparamref":
                return (string?)element.Attribute("name") ?? string.Empty;
            case "para":
            case "br":
                return " " + Render(element) + " ";
            default:
                return Render(element);
        }
    }

    /// <summary><c>T:N.Outer.Inner</c> → <c>Inner</c>; <c>M:N.C.Run(System.Int32)</c> → <c>Run</c>; <c>IList{T}</c> → <c>IList</c>.</summary>
    private static string SimpleName(string cref)
    {
        var name = cref.Length > 2 && cref[1] == ':' ? cref.Substring(2) : cref;
        var end = name.IndexOfAny(['(', '{', '`', '<']);
        if (end >= 0)
        {
            name = name.Substring(0, end);
        }

        var dot = name.LastIndexOf('.');
        return dot >= 0 ? name.Substring(dot + 1) : name;
    }
}
