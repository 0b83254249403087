using Strata.Generators.Tests.Infrastructure;

namespace Strata.Generators.Tests;

/// <summary>
/// The deep declarations of each class (renamed or removed keys, base layers, at the class or anywhere it reaches) are
/// written by the generator into the registry when the compilation holds every class reached, and left to the
/// runtime's walk (<c>Unknown</c>) when one lives in another assembly.
/// </summary>
public sealed class DeepDeclarationTests
{
    private const string Usings = "using System.Collections.Generic;\nusing Strata;\n\nnamespace Sample;\n\n";
    private const string Flags = "global::Strata.Schema.DeepDeclarations.";

    [Fact]
    public void A_rename_in_a_class_two_levels_down_is_reached_through_a_list_and_a_nullable_field()
    {
        var registry = Registry(Usings + """
            [Config] public partial class TopConfig { public partial IList<MiddleConfig> Middles { get; set; } = new List<MiddleConfig>(); }
            [Config] public partial class MiddleConfig { public partial LeafConfig? Leaf { get; set; } }
            [RenamedFrom("old", "size")]
            [Config] public partial class LeafConfig { public partial int Size { get; set; } }
            [Config] public partial class AsideConfig { public partial int Size { get; set; } }
            """);

        Assert.Equal("Renames", FlagsOf(registry, "TopConfig"));
        Assert.Equal("Renames", FlagsOf(registry, "MiddleConfig"));
        Assert.Equal("Renames", FlagsOf(registry, "LeafConfig"));
        Assert.Equal("None", FlagsOf(registry, "AsideConfig"));
    }

    [Fact]
    public void Base_layers_of_a_registered_subtype_are_reached_through_a_slot_of_its_base_and_inherited_by_its_subclasses()
    {
        var registry = Registry(Usings + """
            [Config] public partial class HolderConfig { public partial SourceConfig? Source { get; set; } }
            [Config] public abstract partial class SourceConfig { public partial int Size { get; set; } }
            [Config(TypeName = "plain")] public partial class PlainSourceConfig : SourceConfig { }
            [Config(TypeName = "layered")] public partial class LayeredSourceConfig : SourceConfig { partial void ProvideBaseLayers(BaseLayerContext context) { } }
            [Config(TypeName = "more")] public partial class MoreLayeredSourceConfig : LayeredSourceConfig { }
            """);

        Assert.Equal("BaseLayers", FlagsOf(registry, "HolderConfig"));
        Assert.Equal("BaseLayers", FlagsOf(registry, "SourceConfig"));
        Assert.Equal("BaseLayers", FlagsOf(registry, "LayeredSourceConfig"));
        Assert.Equal("BaseLayers", FlagsOf(registry, "MoreLayeredSourceConfig"));
        Assert.Equal("None", FlagsOf(registry, "PlainSourceConfig"));
    }

    [Fact]
    public void Every_class_on_a_cycle_has_what_one_of_them_declares_and_a_bare_cycle_has_nothing()
    {
        var registry = Registry(Usings + """
            [Config] public partial class HeadConfig { public partial TailConfig? Tail { get; set; } }
            [RemovedKey("gone")]
            [Config] public partial class TailConfig { public partial IDictionary<string, HeadConfig> Heads { get; set; } = new Dictionary<string, HeadConfig>(); }
            [Config] public partial class BareConfig { public partial BareConfig? Next { get; set; } }
            """);

        Assert.Equal("Renames", FlagsOf(registry, "HeadConfig"));
        Assert.Equal("Renames", FlagsOf(registry, "TailConfig"));
        Assert.Equal("None", FlagsOf(registry, "BareConfig"));
    }

    [Fact]
    public void A_class_that_reaches_a_config_of_another_assembly_is_left_to_the_walk_unless_both_flags_are_known()
    {
        var library = GeneratorHarness.Run(Usings.Replace("Sample", "Library", StringComparison.Ordinal) + """
            [Config] public partial class ExternalConfig { public partial int Size { get; set; } }
            [Config] public partial class ExternalBaseConfig { public partial int Size { get; set; } }
            """);
        Assert.Empty(library.CompilationProblems);

        string[] sources = [Usings + """
            [Config] public partial class HoldsExternalConfig { public partial Library.ExternalConfig? External { get; set; } }
            [Config] public partial class DerivesExternalConfig : Library.ExternalBaseConfig { }
            [Config] public partial class HoldsHolderConfig { public partial HoldsExternalConfig? Holder { get; set; } }
            [RenamedFrom("old", "external")]
            [Config] public partial class KnowsBothConfig { public partial Library.ExternalConfig? External { get; set; } partial void ProvideBaseLayers(BaseLayerContext context) { } }
            [Config] public partial class LocalConfig { public partial int Size { get; set; } }
            """];
        var compilation = GeneratorHarness.Compile(sources).AddReferences(library.Output.ToMetadataReference());
        var outcome = GeneratorHarness.Run(compilation, sources);
        Assert.Empty(outcome.CompilationProblems);
        var registry = outcome.GeneratedSources["StrataConfigRegistry.g.cs"];

        Assert.Equal("Unknown", FlagsOf(registry, "HoldsExternalConfig"));
        Assert.Equal("Unknown", FlagsOf(registry, "DerivesExternalConfig"));
        Assert.Equal("Unknown", FlagsOf(registry, "HoldsHolderConfig"));
        Assert.Equal("Renames | " + Flags + "BaseLayers", FlagsOf(registry, "KnowsBothConfig"));
        Assert.Equal("None", FlagsOf(registry, "LocalConfig"));
    }

    private static string Registry(string source)
    {
        var outcome = GeneratorHarness.Run(source);
        Assert.Empty(outcome.CompilationProblems);
        return outcome.GeneratedSources["StrataConfigRegistry.g.cs"];
    }

    /// <summary>What the registry's <c>StrataDeepDeclarations()</c> of <paramref name="className"/> returns, without the enum's name on the first member.</summary>
    private static string FlagsOf(string registry, string className)
    {
        var start = registry.IndexOf("partial class " + className + "\n", StringComparison.Ordinal);
        Assert.True(start >= 0, className + " is not in the registry");
        const string Method = "StrataDeepDeclarations() => " + Flags;
        var at = registry.IndexOf(Method, start, StringComparison.Ordinal) + Method.Length;
        return registry[at..registry.IndexOf(';', at)];
    }
}
