using System.Collections.Immutable;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Strata.Generators.Tests.Infrastructure;

// Strata has a Diagnostic type of its own.
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

/// <summary>Compiles C# sources against the Strata runtime and runs the config generator over them.</summary>
internal static class GeneratorHarness
{
    public static CSharpParseOptions ParseOptions(DocumentationMode documentation = DocumentationMode.Parse) =>
        new(LanguageVersion.Preview, documentation);

    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);

    public static CSharpCompilation Compile(string[] sources, DocumentationMode documentation = DocumentationMode.Parse) =>
        CSharpCompilation.Create(
            "Sample",
            sources.Select((s, i) => Parse(s, "Source" + i + ".cs", documentation)),
            s_references.Value,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Enable));

    public static SyntaxTree Parse(string source, string path, DocumentationMode documentation = DocumentationMode.Parse) =>
        CSharpSyntaxTree.ParseText(source, ParseOptions(documentation), path);

    public static GeneratorDriver CreateDriver(bool trackSteps = false, DocumentationMode documentation = DocumentationMode.Parse) =>
        CSharpGeneratorDriver.Create(
            [new ConfigGenerator().AsSourceGenerator()],
            parseOptions: ParseOptions(documentation),
            driverOptions: new GeneratorDriverOptions(IncrementalGeneratorOutputKind.None, trackIncrementalGeneratorSteps: trackSteps));

    public static GeneratorOutcome Run(params string[] sources) => Run(sources, DocumentationMode.Parse);

    /// <summary>Runs the generator; <see cref="DocumentationMode.Diagnose"/> also checks that every public member is documented.</summary>
    public static GeneratorOutcome Run(string[] sources, DocumentationMode documentation) =>
        Run(Compile(sources, documentation), sources, documentation);

    /// <summary>Runs the generator over a compilation made by <see cref="Compile"/> (say, with another assembly's reference added).</summary>
    public static GeneratorOutcome Run(CSharpCompilation compilation, string[] sources, DocumentationMode documentation = DocumentationMode.Parse)
    {
        var driver = CreateDriver(documentation: documentation).RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new GeneratorOutcome(
            sources,
            generatorDiagnostics,
            output,
            driver.GetRunResult().GeneratedTrees.ToDictionary(t => Path.GetFileName(t.FilePath), t => t.GetText().ToString()));
    }

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return platform
            .Append(typeof(ConfigObject).Assembly.Location)
            .DistinctBy(Path.GetFileName, StringComparer.OrdinalIgnoreCase)
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))
            .ToImmutableArray();
    }
}

/// <summary>What one generator run produced.</summary>
internal sealed record GeneratorOutcome(
    string[] Sources,
    ImmutableArray<Diagnostic> GeneratorDiagnostics,
    Compilation Output,
    IReadOnlyDictionary<string, string> GeneratedSources)
{
    /// <summary>The compiler's errors and warnings on the user's code plus the generated code.</summary>
    public IReadOnlyList<Diagnostic> CompilationProblems =>
        Output.GetDiagnostics().Where(d => d.Severity >= DiagnosticSeverity.Warning).ToList();

    /// <summary>The source text a diagnostic points at.</summary>
    public string TextAt(Diagnostic diagnostic)
    {
        var index = int.Parse(Path.GetFileNameWithoutExtension(diagnostic.Location.GetLineSpan().Path).AsSpan("Source".Length), System.Globalization.CultureInfo.InvariantCulture);
        var span = diagnostic.Location.SourceSpan;
        return Sources[index].Substring(span.Start, span.Length);
    }

    public string Describe() =>
        string.Join(Environment.NewLine, GeneratorDiagnostics.Concat(CompilationProblems).Select(d => d.ToString()));
}
