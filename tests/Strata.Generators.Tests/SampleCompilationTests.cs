using System.Reflection;
using System.Runtime.Loader;
using Microsoft.CodeAnalysis;
using Strata.Generators.Tests.Infrastructure;
using Strata.Schema;

namespace Strata.Generators.Tests;

/// <summary>
/// The sample in <c>Samples/</c> uses every field type, rule, hook, rename and polymorphism feature. Its generated
/// code must compile cleanly, and the schemas it builds at run time must say what the attributes say.
/// </summary>
public sealed class SampleCompilationTests
{
    private static readonly Lazy<GeneratorOutcome> s_outcome = new(() => GeneratorHarness.Run(
        [ReadSample("TrainingSample.cs"), ReadSample("GlobalSample.cs")],
        DocumentationMode.Diagnose));

    private static readonly Lazy<Assembly> s_assembly = new(LoadSample);

    [Fact]
    public void The_sample_generates_without_diagnostics()
    {
        Assert.True(s_outcome.Value.GeneratorDiagnostics.IsEmpty, s_outcome.Value.Describe());
    }

    [Fact]
    public void The_sample_and_its_generated_code_compile_with_no_error_and_no_warning()
    {
        var problems = s_outcome.Value.CompilationProblems;
        Assert.True(problems.Count == 0, s_outcome.Value.Describe());
    }

    [Fact]
    public void Each_config_class_gets_its_own_file_and_the_registry_one_more()
    {
        var names = s_outcome.Value.GeneratedSources.Keys.Order(StringComparer.Ordinal).ToArray();
        Assert.Equal(
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
            ],
            names);
    }

    [Fact]
    public void Numbers_in_generated_code_are_written_with_the_invariant_culture()
    {
        var source = s_outcome.Value.GeneratedSources["Sample.Training.OptimizerConfig.g.cs"];
        Assert.Contains("FieldRules.Min<double>(1E-12)", source, StringComparison.Ordinal);
        Assert.Contains("FieldRules.LessThan<double>(0.5)", source, StringComparison.Ordinal);
        Assert.Contains("FieldRules.Range<float>(0f, 1f)", source, StringComparison.Ordinal);
        Assert.Contains("FieldRules.GreaterThan<double>(0.0)", source, StringComparison.Ordinal);
    }

    [Fact]
    public void Fields_have_snake_case_keys_in_declaration_order_after_the_base_class_fields()
    {
        var memmap = TypeInfo("Sample.Training.ShuffledMemmapDatasetConfig");
        Assert.Equal(["weight", "path", "num_tokens", "seed"], memmap.Fields.Select(f => f.Key));
        Assert.Equal([0, 1, 2, 3], memmap.Fields.Select(f => f.Index));

        var optimizer = TypeInfo("Sample.Training.OptimizerConfig");
        Assert.Equal(["lr", "beta_1", "beta_2", "epsilon"], optimizer.Fields.Select(f => f.Key));
    }

    [Fact]
    public void Field_attributes_and_documentation_reach_the_schema()
    {
        var trainer = TypeInfo("Sample.Training.TrainerConfig");
        Assert.Equal("The training run; every kind of field is here.", trainer.Description);

        var dtype = Field(trainer, "training_dtype");
        Assert.Equal(FieldHint.Core, dtype.Hint);
        Assert.True(dtype.IsArchitecture);
        Assert.Equal(["float32", "bfloat16", "fp_16"], dtype.ValueType.EnumNames);

        var rank = Field(trainer, "rank");
        Assert.True(rank.IsRankLocal);
        Assert.Equal("RANK", rank.EnvironmentVariable);

        var warmup = Field(trainer, "warmup_steps");
        Assert.Equal("train_iters / 100", warmup.DerivedDefault);
        Assert.Equal(">= 0", Assert.Single(warmup.Rules).Description);

        var apiKey = Field(TypeInfo("Sample.Training.Logging+LoggingConfig"), "api_key");
        Assert.True(apiKey.IsSecret);
        Assert.Equal("The W&B API key.", apiKey.Description);

        var dataset = Field(trainer, "dataset");
        Assert.Equal("The training dataset, chosen by type.", dataset.Description);
    }

    [Fact]
    public void Rules_apply_to_values_to_elements_and_to_counts()
    {
        var trainer = TypeInfo("Sample.Training.TrainerConfig");
        Assert.Equal([">= 0", "a multiple of 10"], Field(trainer, "train_iters").Rules.Select(r => r.Description));
        Assert.Equal(["each >= 1", "at most 8 elements"], Field(trainer, "eval_steps").Rules.Select(r => r.Description));
        Assert.Equal(["each one of x, y"], Field(trainer, "tags").Rules.Select(r => r.Description));
        Assert.Equal(["at most 100 elements"], Field(trainer, "lr_scales").Rules.Select(r => r.Description));
        Assert.Equal([">= -5"], Field(trainer, "seed").Rules.Select(r => r.Description));
    }

    [Fact]
    public void Derived_fields_renames_and_removed_keys_reach_the_schema()
    {
        var trainer = TypeInfo("Sample.Training.TrainerConfig");
        Assert.Equal(["tokens_per_step", "effective_warmup"], trainer.DerivedFields.Select(d => d.Key));
        Assert.Equal(["num_steps", "data.seed"], trainer.Renames.Select(r => r.OldPath));
        Assert.Equal("ConvertSteps", trainer.Renames[0].Converter);
        Assert.Equal(["num_steps"], trainer.RenameConverters.Keys);

        var removed = Assert.Single(TypeInfo("Sample.Training.DatasetConfig").RemovedKeys);
        Assert.Equal("legacy_seed", removed.Key);
        Assert.Equal("the seed moved to the trainer", removed.Reason);
    }

    [Fact]
    public void A_polymorphic_base_lists_every_registered_class_derived_from_it()
    {
        var dataset = TypeInfo("Sample.Training.DatasetConfig");
        Assert.True(dataset.IsAbstract);
        Assert.Equal(["blended", "memmap", "shuffled_memmap"], dataset.Subtypes.Select(s => s.Name));
        Assert.Same(TypeInfo("Sample.Training.BlendedDatasetConfig"), dataset.FindSubtype("blended")!.TypeInfo);

        Assert.Equal(["memmap", "shuffled_memmap"], TypeInfo("Sample.Training.MemmapDatasetConfig").Subtypes.Select(s => s.Name));
        Assert.Empty(TypeInfo("Sample.Training.OptimizerConfig").Subtypes);
        Assert.Equal("memmap", TypeInfo("Sample.Training.MemmapDatasetConfig").TypeName);
    }

    [Fact]
    public void Setting_a_field_in_code_makes_it_explicit_and_links_child_configs()
    {
        var trainer = (ConfigObject)TypeInfo("Sample.Training.TrainerConfig").CreateInstance();
        Assert.False(trainer.IsSet("TrainIters"));

        trainer.GetType().GetProperty("TrainIters")!.SetValue(trainer, 20);
        Assert.True(trainer.IsSet("TrainIters"));

        var optimizer = (ConfigObject)trainer.GetType().GetProperty("Optimizer")!.GetValue(trainer)!;
        Assert.Equal("optimizer", optimizer.ConfigPath);
        Assert.False(trainer.IsSet("Optimizer"));
    }

    private static ConfigFieldInfo Field(ConfigTypeInfo typeInfo, string key)
    {
        var field = typeInfo.FindByKey(key);
        Assert.NotNull(field);
        return field;
    }

    private static ConfigTypeInfo TypeInfo(string typeName)
    {
        var type = s_assembly.Value.GetType(typeName, throwOnError: true)!;
        return (ConfigTypeInfo)type.GetProperty("TypeInfo", BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly)!.GetValue(null)!;
    }

    private static Assembly LoadSample()
    {
        using var stream = new MemoryStream();
        var result = s_outcome.Value.Output.Emit(stream);
        Assert.True(result.Success, string.Join(Environment.NewLine, result.Diagnostics));
        stream.Position = 0;

        // Strata itself resolves from the default context, so the sample's configs share its types with the test.
        return new AssemblyLoadContext("Sample", isCollectible: true).LoadFromStream(stream);
    }

    private static string ReadSample(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Samples", name));
}
