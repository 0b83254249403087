using Strata.Cli.Tests.Process;

namespace Strata.Cli.Tests.Docs;

/// <summary>
/// docs/reference holds what <c>strata docs</c> and <c>strata schema</c> print for each built-in kind, so that readers
/// and YAML editors (<c># yaml-language-server: $schema=...</c>) get the real reference; it must never go stale.
/// </summary>
public sealed class GeneratedReferenceTests
{
    public static TheoryData<string, string, string> Files() => new()
    {
        { "docs", "gpt-trainer", "gpt-trainer.md" },
        { "docs", "gpt-model", "gpt-model.md" },
        { "schema", "gpt-trainer", "gpt-trainer.schema.json" },
        { "schema", "gpt-model", "gpt-model.schema.json" },
    };

    [Theory]
    [MemberData(nameof(Files))]
    public async Task The_committed_reference_is_what_the_tool_prints(string verb, string kind, string file)
    {
        var result = await StrataProcess.Run(verb, kind);

        Assert.Equal(0, result.ExitCode);
        var path = Path.Combine(StrataProcess.RepositoryRoot, "docs", "reference", file);
        var committed = File.ReadAllText(path).ReplaceLineEndings("\n");
        if (committed != result.Output)
        {
            File.WriteAllText(path + ".received", result.Output);
        }

        Assert.Equal(committed, result.Output);
    }
}
