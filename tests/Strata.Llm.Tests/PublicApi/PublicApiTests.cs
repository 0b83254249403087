using PublicApiGenerator;

namespace Strata.Llm.Tests.PublicApi;

/// <summary>The public surface of the GPT configs changes visibly in review: compare it with the approved snapshot.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_approved_snapshot()
    {
        var api = typeof(GPTTrainerConfig).Assembly.GeneratePublicApi(new ApiGeneratorOptions { ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] })
            .ReplaceLineEndings("\n");
        var directory = SourceDirectory();
        var approvedPath = Path.Combine(directory, "Strata.Llm.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != api)
        {
            File.WriteAllText(Path.Combine(directory, "Strata.Llm.received.txt"), api);
        }

        Assert.Equal(approved, api);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? throw new InvalidOperationException("The test's source directory is unknown.");
}
