using PublicApiGenerator;

namespace Strata.Extensions.Tests.PublicApi;

/// <summary>The public surface of Strata.Extensions changes visibly in review: compare it with the approved snapshot.</summary>
public sealed class PublicApiTests
{
    [Fact]
    public void The_public_api_matches_the_approved_snapshot()
    {
        var api = typeof(StrataConfigBuilder<>).Assembly
            .GeneratePublicApi(new ApiGeneratorOptions { AllowNamespacePrefixes = ["Microsoft.Extensions.DependencyInjection"], ExcludeAttributes = ["System.Runtime.Versioning.TargetFrameworkAttribute", "System.Reflection.AssemblyMetadataAttribute"] })
            .ReplaceLineEndings("\n");
        var approvedPath = Path.Combine(SourceDirectory(), "Strata.Extensions.approved.txt");
        var approved = File.Exists(approvedPath) ? File.ReadAllText(approvedPath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != api)
        {
            File.WriteAllText(Path.Combine(SourceDirectory(), "Strata.Extensions.received.txt"), api);
        }

        Assert.Equal(approved, api);
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") =>
        Path.GetDirectoryName(path) ?? throw new InvalidOperationException("No source directory.");
}
