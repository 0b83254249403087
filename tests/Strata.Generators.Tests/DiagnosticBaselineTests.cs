using Microsoft.CodeAnalysis;
using Strata.Generators.Tests.Infrastructure;

namespace Strata.Generators.Tests;

/// <summary>
/// The diagnostics printed for a sample of misuses are reviewed as text, as the compiler prints them (place, id,
/// message): they must equal the approved baseline in <c>Baselines/</c> (a change writes <c>*.received.txt</c> beside it).
/// </summary>
public sealed class DiagnosticBaselineTests
{
    private static readonly DiagnosticFormatter s_formatter = new();

    [Fact]
    public void The_printed_diagnostics_of_the_misuse_sample_match_their_approved_baseline()
    {
        var source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", "MisuseSample.cs"));
        var outcome = GeneratorHarness.Run([source], DocumentationMode.Diagnose);
        var printed = string.Join(
            "\n",
            outcome.GeneratorDiagnostics
                .OrderBy(d => d.Location.SourceSpan.Start)
                .Select(d => s_formatter.Format(d, System.Globalization.CultureInfo.InvariantCulture))) + "\n";

        var baselinePath = Path.Combine(BaselineDirectory(), "MisuseSample.diagnostics.txt");
        var approved = File.Exists(baselinePath) ? File.ReadAllText(baselinePath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != printed)
        {
            File.WriteAllText(Path.ChangeExtension(baselinePath, ".received.txt"), printed);
        }

        Assert.Equal(approved, printed);
        Assert.True(outcome.CompilationProblems.Count == 0, outcome.Describe());
    }

    private static string BaselineDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Baselines");
}
