using Microsoft.CodeAnalysis;
using Strata.Generators.Tests.Infrastructure;

namespace Strata.Generators.Tests;

/// <summary>Descriptions come from the <c>&lt;summary&gt;</c> of XML documentation, as one line of plain text.</summary>
public sealed class DocumentationTests
{
    private const string Source = """
        using Strata;

        namespace Sample;

        /// <summary>
        ///   A config   spread over
        ///   several lines.
        /// </summary>
        /// <remarks>Not part of the description.</remarks>
        [Config]
        public sealed partial class C
        {
            /// <summary>Like <see cref="C"/>, with <c>code</c>, <see langword="null"/> and <paramref name="x"/>.</summary>
            public partial int Size { get; set; }

            /// <summary>Quotes " and backslashes \ are escaped.</summary>
            public partial int Escaped { get; set; }

            public partial int Undocumented { get; set; }
        }
        """;

    [Theory]
    [InlineData(DocumentationMode.Diagnose)]
    [InlineData(DocumentationMode.Parse)]
    [InlineData(DocumentationMode.None)]
    public void Summaries_become_one_line_of_text_whatever_the_documentation_mode(DocumentationMode mode)
    {
        var generated = Generate(mode);

        Assert.Contains("Description = \"A config spread over several lines.\",", generated, StringComparison.Ordinal);
        Assert.Contains("Description = \"Like C, with code, null and x.\",", generated, StringComparison.Ordinal);
        Assert.Contains("Description = \"Quotes \\\" and backslashes \\\\ are escaped.\",", generated, StringComparison.Ordinal);
    }

    [Fact]
    public void An_undocumented_field_has_no_description()
    {
        var generated = Generate(DocumentationMode.Parse);
        var undocumented = generated[generated.IndexOf("(\"undocumented\"", StringComparison.Ordinal)..];

        Assert.StartsWith("(\"undocumented\", \"Undocumented\", global::Strata.FieldHint.Unknown, global::Strata.Schema.ValueTypes.Int32),", undocumented, StringComparison.Ordinal);
    }

    private static string Generate(DocumentationMode mode)
    {
        var outcome = GeneratorHarness.Run([Source], mode);
        Assert.Empty(outcome.GeneratorDiagnostics);
        return outcome.GeneratedSources["Sample.C.g.cs"];
    }
}
