using System.Collections.Immutable;
using System.Reflection;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Strata.Packaging.Tests.Infrastructure;

// Strata has a Diagnostic type of its own.
using Diagnostic = Microsoft.CodeAnalysis.Diagnostic;
using DiagnosticSeverity = Microsoft.CodeAnalysis.DiagnosticSeverity;

/// <summary>
/// Compiles the C# samples of a document against Strata, Strata.Llm, Strata.Extensions and the hosting packages, with
/// the [Config] generator running as it does in a user's build.
/// </summary>
internal static class SampleCompiler
{
    private static readonly CSharpParseOptions s_parseOptions = new(LanguageVersion.CSharp14);
    private static readonly Lazy<ImmutableArray<MetadataReference>> s_references = new(LoadReferences);
    private static readonly Lazy<ISourceGenerator> s_generator = new(LoadGenerator);

    /// <summary>Compiles the document's samples; statements of every block form one program, in order.</summary>
    public static SampleCompilation Compile(string name, IEnumerable<FencedBlock> blocks)
    {
        var usings = new List<string>();
        var statements = new StringBuilder();
        var trees = new List<SyntaxTree>();
        foreach (var block in blocks)
        {
            var path = name + ":" + block.Line.ToString(System.Globalization.CultureInfo.InvariantCulture);
            var unit = (CompilationUnitSyntax)CSharpSyntaxTree.ParseText(block.Text, s_parseOptions, path).GetRoot();
            var globals = unit.Members.OfType<GlobalStatementSyntax>().ToList();
            if (globals.Count == 0)
            {
                trees.Add(CSharpSyntaxTree.ParseText(block.Text, s_parseOptions, path, Encoding.UTF8));
                continue;
            }

            // A block with statements: its usings go to the top of the program, its statements continue the program,
            // and any types it declares after them become a file of their own.
            usings.AddRange(unit.Usings.Select(u => u.ToFullString().Trim()));
            statements.Append("#line ").Append(block.Line + LineOf(unit, globals[0])).Append(" \"").Append(path).Append("\"\n");
            statements.Append(block.Text[globals[0].Span.Start..globals[^1].FullSpan.End]).Append('\n');
            var declarations = unit.Members.Where(m => m is not GlobalStatementSyntax).ToList();
            if (declarations.Count > 0)
            {
                var header = string.Join('\n', unit.Usings.Select(u => u.ToFullString().Trim()));
                trees.Add(CSharpSyntaxTree.ParseText(header + "\n" + string.Concat(declarations.Select(d => d.ToFullString())), s_parseOptions, path + " (types)", Encoding.UTF8));
            }
        }

        // What `dotnet new console` gives every file (ImplicitUsings): the samples are written for such a project.
        trees.Add(CSharpSyntaxTree.ParseText(ImplicitUsings, s_parseOptions, "ImplicitUsings.g.cs", Encoding.UTF8));
        var hasProgram = statements.Length > 0;
        if (hasProgram)
        {
            var program = string.Join('\n', usings.Distinct(StringComparer.Ordinal)) + "\n" + statements;
            trees.Insert(0, CSharpSyntaxTree.ParseText(program, s_parseOptions, name + " (program)", Encoding.UTF8));
        }

        var compilation = CSharpCompilation.Create(
            "DocSample_" + Path.GetFileNameWithoutExtension(name).Replace('-', '_') + "_" + Guid.NewGuid().ToString("N"),
            trees,
            s_references.Value,
            new CSharpCompilationOptions(
                hasProgram ? OutputKind.ConsoleApplication : OutputKind.DynamicallyLinkedLibrary,
                nullableContextOptions: NullableContextOptions.Enable));
        CSharpGeneratorDriver.Create([s_generator.Value], parseOptions: s_parseOptions)
            .RunGeneratorsAndUpdateCompilation(compilation, out var output, out var generatorDiagnostics);
        return new SampleCompilation(output, generatorDiagnostics);
    }

    private const string ImplicitUsings = """
        global using System;
        global using System.Collections.Generic;
        global using System.IO;
        global using System.Linq;
        global using System.Net.Http;
        global using System.Threading;
        global using System.Threading.Tasks;
        """;

    private static int LineOf(CompilationUnitSyntax unit, SyntaxNode node) =>
        unit.SyntaxTree.GetLineSpan(node.Span).StartLinePosition.Line;

    private static ImmutableArray<MetadataReference> LoadReferences()
    {
        // The test's own dependencies: the framework, Strata's assemblies and Microsoft.Extensions.*.
        var platform = ((string?)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries);
        return [.. platform
            .Where(p => !Path.GetFileName(p).StartsWith("Strata.Generators", StringComparison.OrdinalIgnoreCase))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p))];
    }

    private static ISourceGenerator LoadGenerator()
    {
        // The generator class is internal: found the way the compiler finds it, by its [Generator] attribute.
        var assembly = Assembly.Load("Strata.Generators");
        var type = assembly.GetTypes().Single(t => t.GetCustomAttributes<GeneratorAttribute>().Any());
        var instance = Activator.CreateInstance(type) ?? throw new InvalidOperationException("Cannot create " + type);
        return ((IIncrementalGenerator)instance).AsSourceGenerator();
    }
}

/// <summary>A compiled document.</summary>
internal sealed record SampleCompilation(Compilation Compilation, ImmutableArray<Diagnostic> GeneratorDiagnostics)
{
    /// <summary>Every error and warning, generator and compiler, formatted with the document's line numbers.</summary>
    public IReadOnlyList<string> Problems =>
        [.. GeneratorDiagnostics.Concat(Compilation.GetDiagnostics()).Where(d => d.Severity >= DiagnosticSeverity.Warning).Select(d => d.ToString())];

    /// <summary>Emits the program and runs its entry point with <paramref name="args"/>, returning what it printed.</summary>
    public string Run(params string[] args)
    {
        using var pe = new MemoryStream();
        var emit = Compilation.Emit(pe);
        Assert.True(emit.Success, string.Join('\n', emit.Diagnostics));
        var assembly = Assembly.Load(pe.ToArray());
        var entry = assembly.EntryPoint ?? throw new InvalidOperationException("The samples have no program.");
        var output = new StringWriter();
        var previous = Console.Out;
        Console.SetOut(output);
        try
        {
            var result = entry.Invoke(null, entry.GetParameters().Length == 0 ? null : [args]);
            if (result is Task task)
            {
                task.GetAwaiter().GetResult();
            }
        }
        finally
        {
            Console.SetOut(previous);
        }

        return output.ToString().ReplaceLineEndings("\n");
    }
}
