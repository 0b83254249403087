using Microsoft.CodeAnalysis;
using Strata.Generators.Tests.Infrastructure;

namespace Strata.Generators.Tests;

/// <summary>
/// The code generated for the samples is reviewed as text: each generated file must equal its approved baseline in
/// <c>Baselines/</c> (a change writes <c>*.received.txt</c> beside it, to be looked at and approved by renaming).
/// </summary>
public sealed class GeneratedBaselineTests
{
    private static readonly Lazy<GeneratorOutcome> s_outcome = new(() => GeneratorHarness.Run(
        [ReadSample("TrainingSample.cs"), ReadSample("GlobalSample.cs")],
        DocumentationMode.Diagnose));

    public static TheoryData<string> GeneratedFiles() =>
    [
        "GlobalConfig.g.cs",
        "Sample.Training.BlendedDatasetConfig.g.cs",
        "Sample.Training.DatasetConfig.g.cs",
        "Sample.Training.ExtendedTrainerConfig.g.cs",
        "Sample.Training.Logging.LoggingConfig.g.cs",
        "Sample.Training.MemmapDatasetConfig.g.cs",
        "Sample.Training.OptimizerConfig.g.cs",
        "Sample.Training.ShuffledMemmapDatasetConfig.g.cs",
        "Sample.Training.TrainerConfig.g.cs",
        "Sample.Training.TrainerConfigBase.g.cs",
        "StrataConfigRegistry.g.cs",
    ];

    [Theory]
    [MemberData(nameof(GeneratedFiles))]
    public void The_generated_code_of_each_sample_class_matches_its_approved_baseline(string name)
    {
        var generated = s_outcome.Value.GeneratedSources[name].ReplaceLineEndings("\n");
        var baselinePath = Path.Combine(BaselineDirectory(), name.Replace(".g.cs", ".generated.txt", StringComparison.Ordinal));
        var approved = File.Exists(baselinePath) ? File.ReadAllText(baselinePath).ReplaceLineEndings("\n") : string.Empty;
        if (approved != generated)
        {
            File.WriteAllText(Path.ChangeExtension(baselinePath, ".received.txt"), generated);
        }

        Assert.Equal(approved, generated);
    }

    [Fact]
    public void Field_descriptors_are_not_generic_over_the_config_class()
    {
        foreach (var source in s_outcome.Value.GeneratedSources.Values)
        {
            Assert.DoesNotContain("ConfigFieldInfo<", source, StringComparison.Ordinal);
        }

        Assert.Contains("protected override void AccessField(int index, ref global::Strata.Schema.FieldAccess access)", s_outcome.Value.GeneratedSources["Sample.Training.TrainerConfig.g.cs"], StringComparison.Ordinal);
    }

    private static string ReadSample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));

    private static string BaselineDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.Combine(Path.GetDirectoryName(path)!, "Baselines");
}
