using Strata.Packaging.Tests.Infrastructure;

namespace Strata.Packaging.Tests.Docs;

/// <summary>
/// Every C# sample in the user documentation and the package READMEs compiles, with the generator, against the real
/// assemblies; documents that show output (<c>```text output</c>) are run, and print exactly that.
/// </summary>
[Collection(nameof(WorkingDirectoryCollection))]
public sealed class DocumentationSampleTests
{
    public static TheoryData<string> Documents =>
    [
        "docs/getting-started.md",
        "docs/fast-llm-migration.md",
        "docs/dotnet.md",
        "src/Strata/README.md",
        "src/Strata.Llm/README.md",
        "src/Strata.Extensions/README.md",
    ];

    [Theory]
    [MemberData(nameof(Documents))]
    public void The_csharp_samples_compile_without_warnings(string document)
    {
        var samples = MarkdownSamples.Read(Repository.PathOf(document));
        Assert.NotEmpty(samples.CSharp);

        var compilation = SampleCompiler.Compile(document, samples.CSharp);

        Assert.True(compilation.Problems.Count == 0, string.Join('\n', compilation.Problems));
    }

    [Theory]
    [MemberData(nameof(Documents))]
    public void A_document_that_shows_output_prints_it_when_run(string document)
    {
        var samples = MarkdownSamples.Read(Repository.PathOf(document));
        var expected = samples.Outputs.ToList();
        if (expected.Count == 0)
        {
            return;
        }

        var directory = Directory.CreateTempSubdirectory("strata-docs-").FullName;
        var previous = Environment.CurrentDirectory;
        try
        {
            foreach (var (name, text) in samples.Files)
            {
                File.WriteAllText(Path.Combine(directory, name), text);
            }

            // The samples use paths relative to the working directory, as a user's program does.
            Environment.CurrentDirectory = directory;
            var printed = SampleCompiler.Compile(document, samples.CSharp).Run();

            var position = 0;
            foreach (var block in expected)
            {
                var found = printed.IndexOf(block, position, StringComparison.Ordinal);
                Assert.True(found >= 0, "The program did not print, in order:\n" + block + "\nIt printed:\n" + printed);
                position = found + block.Length;
            }
        }
        finally
        {
            Environment.CurrentDirectory = previous;
            Directory.Delete(directory, recursive: true);
        }
    }
}
