using System.Collections.Generic;
using System.Linq;
using Strata.Generators.Model;
using static Strata.Generators.Emitting.TypeDeclarationWriter;

namespace Strata.Generators.Emitting;

/// <summary>
/// Writes the polymorphic registry: for every config class, <c>StrataSubtypes()</c> lists the registered classes (a
/// <c>TypeName</c>) that a slot of that class accepts, which are the class itself and everything derived from it; and
/// <c>StrataDeepDeclarations()</c> says what the class or any config reachable from it declares, when the compilation holds
/// every reachable class.
/// </summary>
internal static class RegistryEmitter
{
    public const string HintName = "StrataConfigRegistry.g.cs";

    private const string Flags = "global::Strata.Schema.DeepDeclarations.";
    /// <summary>The value of <c>DeepDeclarations.Renames</c>: the class declares renamed or removed keys.</summary>
    internal const int Renames = 1;

    /// <summary>The value of <c>DeepDeclarations.BaseLayers</c>: the class provides base layers.</summary>
    internal const int BaseLayers = 2;

    public static string Emit(EquatableArray<RegistryEntry> entries)
    {
        var sorted = entries.OrderBy(static e => e.Declaration.FullyQualifiedName, System.StringComparer.Ordinal).ToList();
        var subtypes = sorted.Select(e => Subtypes(e, sorted)).ToList();
        var deepFlags = DeepFlags(sorted, subtypes);
        var writer = new SourceWriter();
        writer.WriteLine(Header);
        writer.WriteLine("#nullable enable");

        for (var i = 0; i < sorted.Count; i++)
        {
            var entry = sorted[i];
            writer.WriteLine();
            OpenContainers(writer, entry.Declaration, namespaceBlock: true);
            writer.OpenBlock("partial class " + Identifier(entry.Declaration.Name));
            WriteSubtypes(writer, subtypes[i]);
            writer.WriteLine("private static partial " + Flags.TrimEnd('.') + " StrataDeepDeclarations() => " + FlagsExpression(deepFlags[i]) + ";");
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

    /// <summary>
    /// The deep flags of each class, as the runtime's walk would find them: a class's own flags and its base classes',
    /// and those of the classes it reaches (its registered subclasses, the configs its fields and its base classes'
    /// fields hold), through cycles. A class that reaches one outside the compilation (a base class or a field's config
    /// from another assembly) gets <c>Unknown</c>, left to the walk, unless both flags are already set.
    /// </summary>
    private static int[] DeepFlags(List<RegistryEntry> sorted, List<List<RegistryEntry>> subtypes)
    {
        var index = new Dictionary<string, int>(System.StringComparer.Ordinal);
        for (var i = 0; i < sorted.Count; i++)
        {
            index[sorted[i].Declaration.FullyQualifiedName] = i;
        }

        var flags = new int[sorted.Count];
        var unknown = new bool[sorted.Count];
        var edges = new List<int>[sorted.Count];
        for (var i = 0; i < sorted.Count; i++)
        {
            edges[i] = [];
            flags[i] = sorted[i].OwnFlags;
            foreach (var subtype in subtypes[i])
            {
                if (subtype != sorted[i])
                {
                    edges[i].Add(index[subtype.Declaration.FullyQualifiedName]);
                }
            }

            AddNested(sorted[i], i);
            foreach (var baseName in sorted[i].BaseChain)
            {
                if (index.TryGetValue(baseName, out var b))
                {
                    flags[i] |= sorted[b].OwnFlags;
                    AddNested(sorted[b], i);
                }
                else
                {
                    unknown[i] = true;
                }
            }
        }

        for (var changed = true; changed;)
        {
            changed = false;
            for (var i = 0; i < sorted.Count; i++)
            {
                var value = flags[i];
                var isUnknown = unknown[i];
                foreach (var e in edges[i])
                {
                    value |= flags[e];
                    isUnknown |= unknown[e];
                }

                changed |= value != flags[i] || isUnknown != unknown[i];
                flags[i] = value;
                unknown[i] = isUnknown;
            }
        }

        for (var i = 0; i < sorted.Count; i++)
        {
            if (unknown[i] && flags[i] != (Renames | BaseLayers))
            {
                flags[i] = -1;
            }
        }

        return flags;

        void AddNested(RegistryEntry holder, int at)
        {
            foreach (var nested in holder.Nested)
            {
                if (index.TryGetValue(nested, out var n))
                {
                    edges[at].Add(n);
                }
                else
                {
                    unknown[at] = true;
                }
            }
        }
    }

    private static string FlagsExpression(int flags)
    {
        if (flags < 0)
        {
            return Flags + "Unknown";
        }

        var names = new List<string>();
        if ((flags & Renames) != 0)
        {
            names.Add(Flags + "Renames");
        }

        if ((flags & BaseLayers) != 0)
        {
            names.Add(Flags + "BaseLayers");
        }

        return names.Count == 0 ? Flags + "None" : string.Join(" | ", names);
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
