using Microsoft.CodeAnalysis;
using Strata.Generators.Tests.Infrastructure;

namespace Strata.Generators.Tests;

// Strata has a Diagnostic type of its own.
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

/// <summary>Each misuse of <c>[Config]</c> is reported once, with its id, at the place that is wrong.</summary>
public sealed class DiagnosticTests
{
    private const string Usings = "using System.Collections.Generic;\nusing Strata;\nusing Strata.Tree;\n\nnamespace Sample;\n\n";

    [Fact]
    public void A_config_class_that_is_not_partial_is_reported_on_its_name()
    {
        var outcome = AssertReported("STRG001", "C", "[Config] public class C { }");
        Assert.DoesNotContain("Sample.C.g.cs", outcome.GeneratedSources.Keys);
    }

    [Fact]
    public void A_config_class_nested_in_a_type_that_is_not_partial_is_reported() =>
        AssertReported("STRG002", "C", "public class Outer { [Config] public partial class C { } }");

    [Fact]
    public void A_generic_config_class_is_reported() =>
        AssertReported("STRG003", "C", "[Config] public partial class C<T> { }");

    [Fact]
    public void A_config_class_nested_in_a_generic_type_is_reported() =>
        AssertReported("STRG003", "C", "public partial class Outer<T> { [Config] public partial class C { } }");

    [Fact]
    public void A_base_class_that_is_not_a_config_class_is_reported() =>
        AssertReported("STRG004", "C", "public class Plain { }\n[Config] public partial class C : Plain { }");

    [Fact]
    public void A_field_of_an_unsupported_type_is_reported_with_a_suggestion()
    {
        var outcome = AssertReported("STRG005", "Items", "[Config] public partial class C { public partial List<int> Items { get; set; } = new(); }");
        Assert.Contains("IList<T>", outcome.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void An_array_field_is_reported_as_unsupported() =>
        AssertReported("STRG005", "Values", "[Config] public partial class C { public partial int[] Values { get; set; } = []; }");

    [Fact]
    public void A_dictionary_keyed_by_anything_but_string_or_int_is_reported_as_unsupported() =>
        AssertReported("STRG005", "Map", "[Config] public partial class C { public partial IDictionary<long, int>? Map { get; set; } }");

    [Fact]
    public void A_number_rule_on_a_string_field_is_reported_on_the_attribute() =>
        AssertReported("STRG006", "Min(0)", "[Config] public partial class C { [Min(0)] public partial string Name { get; set; } = \"\"; }");

    [Fact]
    public void A_choice_rule_on_a_number_field_is_reported() =>
        AssertReported("STRG006", "OneOf(\"a\")", "[Config] public partial class C { [OneOf(\"a\")] public partial int Size { get; set; } }");

    [Fact]
    public void A_count_rule_on_a_scalar_field_is_reported() =>
        AssertReported("STRG006", "MaxCount(2)", "[Config] public partial class C { [MaxCount(2)] public partial int Size { get; set; } }");

    [Fact]
    public void A_multiple_of_rule_on_a_floating_point_field_is_reported() =>
        AssertReported("STRG006", "MultipleOf(2)", "[Config] public partial class C { [MultipleOf(2)] public partial double Rate { get; set; } }");

    [Fact]
    public void A_value_rule_on_a_dictionary_is_reported() =>
        AssertReported("STRG006", "Min(0)", "[Config] public partial class C { [Min(0)] public partial IDictionary<string, int>? Sizes { get; set; } }");

    [Fact]
    public void A_fractional_bound_on_an_integer_field_is_reported() =>
        AssertReported("STRG007", "Min(0.5)", "[Config] public partial class C { [Min(0.5)] public partial int Size { get; set; } }");

    [Fact]
    public void A_bound_out_of_the_range_of_an_int_field_is_reported() =>
        AssertReported("STRG007", "Max(1e12)", "[Config] public partial class C { [Max(1e12)] public partial int Size { get; set; } }");

    [Fact]
    public void Two_fields_with_the_same_key_are_reported_on_the_second() =>
        AssertReported(
            "STRG008",
            "Width",
            "[Config] public partial class C { public partial int Size { get; set; } [Field(Name = \"size\")] public partial int Width { get; set; } }");

    [Fact]
    public void A_derived_field_with_the_key_of_a_field_is_reported() =>
        AssertReported(
            "STRG008",
            "Twice",
            "[Config] public partial class C { public partial int Size { get; set; } [Derived(Name = \"size\")] public int Twice => 2 * Size; }");

    [Fact]
    public void A_derived_field_with_a_setter_is_reported() =>
        AssertReported("STRG009", "Total", "[Config] public partial class C { [Derived] public int Total { get; set; } }");

    [Fact]
    public void A_derived_field_declared_as_a_partial_property_is_reported() =>
        AssertReported("STRG010", "Total", "[Config] public partial class C { [Derived] public partial int Total { get; } }");

    [Fact]
    public void A_hook_with_a_wrong_parameter_is_reported()
    {
        var outcome = AssertReported("STRG011", "Derive", "[Config] public partial class C { partial void Derive(int x) { } }", compiles: false);
        Assert.Contains("DeriveContext", outcome.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_rename_converter_that_does_not_exist_is_reported_on_the_attribute() =>
        AssertReported(
            "STRG012",
            "RenamedFrom(\"old\", \"size\", Converter = \"Missing\")",
            "[Config, RenamedFrom(\"old\", \"size\", Converter = \"Missing\")] public partial class C { public partial int Size { get; set; } }");

    [Fact]
    public void A_rename_converter_with_a_wrong_signature_is_reported_on_the_method() =>
        AssertReported(
            "STRG013",
            "Convert",
            "[Config, RenamedFrom(\"old\", \"size\", Converter = nameof(Convert))] public partial class C { public partial int Size { get; set; } private static int Convert(int value) => value; }");

    [Fact]
    public void Two_classes_of_one_hierarchy_registered_under_one_type_name_are_reported() =>
        AssertReported(
            "STRG014",
            "Config(TypeName = \"same\")",
            "[Config] public abstract partial class Base { }\n"
            + "[Config(TypeName = \"same\")] public sealed partial class A : Base { }\n"
            + "[Config(TypeName = \"same\")] public sealed partial class B : Base { }");

    [Fact]
    public void The_same_type_name_in_unrelated_hierarchies_is_allowed()
    {
        var outcome = GeneratorHarness.Run(Usings
            + "[Config(TypeName = \"same\")] public sealed partial class A { }\n"
            + "[Config(TypeName = \"same\")] public sealed partial class B { }");
        Assert.True(outcome.GeneratorDiagnostics.IsEmpty && outcome.CompilationProblems.Count == 0, outcome.Describe());
    }

    [Fact]
    public void An_init_only_field_is_reported() =>
        AssertReported("STRG015", "Size", "[Config] public partial class C { public partial int Size { get; init; } }");

    [Fact]
    public void A_value_type_class_for_another_type_is_reported() =>
        AssertReported(
            "STRG016",
            "Size",
            "[Config] public partial class C { [ValueType(typeof(Strata.Schema.ConfigValueType<string>))] public partial int Size { get; set; } }");

    [Fact]
    public void A_record_marked_as_config_is_reported() =>
        AssertReported("STRG017", "R", "[Config] public partial record R;");

    [Fact]
    public void A_field_attribute_on_a_property_that_is_not_partial_is_reported_instead_of_leaving_its_key_unknown()
    {
        var outcome = AssertReported("STRG018", "Size", "[Config] public partial class C { [Field] public int Size { get; set; } }");
        Assert.Contains("is not partial", outcome.GeneratorDiagnostics.Single().GetMessage(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    [Fact]
    public void A_field_with_the_key_include_is_reported_because_a_file_lists_its_includes_under_it()
    {
        AssertReported("STRG019", "Include", "[Config] public partial class C { [Field] public partial string? Include { get; set; } }");
        AssertReported("STRG019", "Files", "[Config] public partial class C { [Field(Name = \"include\")] public partial string? Files { get; set; } }");
    }

    [Fact]
    public void A_rule_on_a_property_that_is_not_partial_is_reported_as_a_field_the_generator_cannot_implement() =>
        AssertReported("STRG018", "Size", "[Config] public partial class C { [Min(1)] public int Size { get; set; } = 1; }");

    [Fact]
    public void A_field_attribute_on_a_static_property_is_reported() =>
        AssertReported("STRG018", "Size", "[Config] public partial class C { [Field] public static int Size { get; set; } }");

    [Fact]
    public void A_field_attribute_on_a_partial_property_implemented_by_hand_is_reported() =>
        AssertReported(
            "STRG018",
            "Size",
            "[Config] public partial class C { [Field] public partial int Size { get; set; } public partial int Size { get => 1; set { } } }");

    [Fact]
    public void A_property_that_is_not_partial_and_has_no_field_attribute_is_not_reported()
    {
        var outcome = GeneratorHarness.Run(Usings + "[Config] public partial class C { public partial int Size { get; set; } public int Twice => 2 * Size; public int Plain { get; set; } }");
        Assert.True(outcome.GeneratorDiagnostics.IsEmpty && outcome.CompilationProblems.Count == 0, outcome.Describe());
    }

    /// <summary>
    /// Runs the generator over a snippet and asserts that exactly one generator diagnostic is reported, with the id,
    /// at the text given; and, for misuses that C# itself accepts, that nothing else fails to compile.
    /// </summary>
    private static GeneratorOutcome AssertReported(string id, string reportedText, string snippet, bool compiles = true)
    {
        var outcome = GeneratorHarness.Run(Usings + snippet);
        var diagnostic = Assert.Single(outcome.GeneratorDiagnostics);
        Assert.Equal(id, diagnostic.Id);
        Assert.Equal(DiagnosticSeverity.Error, diagnostic.Severity);
        Assert.Equal("Strata", diagnostic.Descriptor.Category);
        Assert.Equal(reportedText, outcome.TextAt(diagnostic));
        if (compiles)
        {
            Assert.True(outcome.CompilationProblems.Count == 0, outcome.Describe());
        }

        return outcome;
    }
}
