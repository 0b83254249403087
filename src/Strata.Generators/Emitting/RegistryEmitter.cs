using System.Collections.Generic;
using System.Linq;
using Strata.Generators.Model;
using static Strata.Generators.Emitting.TypeDeclarationWriter;

namespace Strata.Generators.Emitting;

/// <summary>
/// Writes the polymorphic registry: for every config class, <c>StrataSubtypes()</c> lists the registered classes (a
/// <c>TypeName</c>) that a slot of that class accepts, which are the class itself and everything derived from it.
/// </summary>
internal static class RegistryEmitter
{
    public const string HintName = "StrataConfigRegistry.g.cs";

    public static string Emit(EquatableArray<RegistryEntry> entries)
    {
        var sorted = entries.OrderBy(static e => e.Declaration.FullyQualifiedName, System.StringComparer.Ordinal).ToList();
        var writer = new SourceWriter();
        writer.WriteLine(Header);
        writer.WriteLine("#nullable enable");

        foreach (var entry in sorted)
        {
            writer.WriteLine();
            OpenContainers(writer, entry.Declaration, namespaceBlock: true);
            writer.OpenBlock("partial class " + Identifier(entry.Declaration.Name));
            WriteSubtypes(writer, Subtypes(entry, sorted));
            writer.CloseBlock();
            CloseContainers(writer, entry.Declaration, namespaceBlock: true);
        }

        return writer.ToString();
    }

    /// <summary>The registered classes that are <paramref name="entry"/> or derive from it, by type name.</summary>
    private static List<RegistryEntry> Subtypes(RegistryEntry entry, List<RegistryEntry> all)
    {
        var self = entry.Declaration.FullyQualifiedName;
        return all
            .Where(e => e.TypeName is not null && (e.Declaration.FullyQualifiedName == self || e.BaseChain.Contains(self)))
            .OrderBy(static e => e.TypeName, System.StringComparer.Ordinal)
            .ThenBy(static e => e.Declaration.FullyQualifiedName, System.StringComparer.Ordinal)
            .ToList();
    }

    private static void WriteSubtypes(SourceWriter writer, List<RegistryEntry> subtypes)
    {
        const string Subtype = "global::Strata.Schema.ConfigSubtype";
        if (subtypes.Count == 0)
        {
            writer.WriteLine("private static partial " + Subtype + "[] StrataSubtypes() => global::System.Array.Empty<" + Subtype + ">();");
            return;
        }

        writer.WriteLine("private static partial " + Subtype + "[] StrataSubtypes() => new " + Subtype + "[]");
        writer.OpenBlock();
        foreach (var subtype in subtypes)
        {
            // Filtered on a non-null TypeName in Subtypes.
            writer.WriteLine("new " + Subtype + "(" + Literals.String(subtype.TypeName!) + ", static () => " + subtype.Declaration.FullyQualifiedName + ".TypeInfo),");
        }

        writer.CloseBlock(";");
    }
}
