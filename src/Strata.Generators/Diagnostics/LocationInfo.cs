using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Strata.Generators.Diagnostics;

/// <summary>
/// A source position that holds no syntax tree, so that diagnostics can be cached and compared across generator runs.
/// </summary>
/// <param name="FilePath">The file.</param>
/// <param name="Span">The character span.</param>
/// <param name="LineSpan">The line and column span.</param>
internal sealed record LocationInfo(string FilePath, TextSpan Span, LinePositionSpan LineSpan)
{
    public static LocationInfo? From(Location? location)
    {
        if (location is null || location.SourceTree is null)
        {
            return null;
        }

        return new LocationInfo(location.SourceTree.FilePath, location.SourceSpan, location.GetLineSpan().Span);
    }

    public static LocationInfo? From(SyntaxNode? node) => From(node?.GetLocation());

    public static LocationInfo? From(SyntaxToken token) => From(token.GetLocation());

    public Location ToLocation() => Location.Create(FilePath, Span, LineSpan);
}
