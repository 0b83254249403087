using System.Collections.Generic;
using System.Linq;
using Strata.Generators.Model;

namespace Strata.Generators.Diagnostics;

/// <summary>Finds <c>type</c> names registered twice within one hierarchy, where a <c>type</c> key could not choose between them.</summary>
internal static class TypeNameChecker
{
    public static IEnumerable<DiagnosticInfo> FindDuplicates(EquatableArray<TypeNameSite> sites)
    {
        var sorted = sites.OrderBy(static s => s.FullyQualifiedName, System.StringComparer.Ordinal).ToList();
        for (var j = 0; j < sorted.Count; j++)
        {
            for (var i = 0; i < j; i++)
            {
                if (sorted[i].TypeName == sorted[j].TypeName && ShareHierarchy(sorted[i], sorted[j]))
                {
                    yield return DiagnosticInfo.Create(
                        DiagnosticDescriptors.DuplicateTypeName,
                        sorted[j].Location,
                        sorted[j].TypeName,
                        Display(sorted[j].FullyQualifiedName),
                        Display(sorted[i].FullyQualifiedName));
                    break;
                }
            }
        }
    }

    private static bool ShareHierarchy(TypeNameSite a, TypeNameSite b)
    {
        var lineage = new HashSet<string>(a.BaseChain, System.StringComparer.Ordinal) { a.FullyQualifiedName };
        return lineage.Contains(b.FullyQualifiedName) || b.BaseChain.Any(lineage.Contains);
    }

    private static string Display(string fullyQualifiedName) => fullyQualifiedName.Replace("global::", string.Empty);
}
