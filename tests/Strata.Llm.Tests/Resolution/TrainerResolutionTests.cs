using Strata.Llm.Data;
using Strata.Llm.Engine;
using Strata.Llm.Models;

namespace Strata.Llm.Tests.Resolution;

public sealed class TrainerResolutionTests
{
    private static readonly string s_mistral = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "mistral.yaml"));

    [Fact]
    public void A_minimal_trainer_resolves_with_every_implicit_default()
    {
        var r = Resolve.Trainer("training:\n  train_iters: 10\n");
        var transformer = r.Config.Model.BaseModel.Transformer;
        Assert.Equal(4096, transformer.FfnHiddenSize);
        Assert.Equal(128, transformer.KvChannels);
        Assert.Equal(1024, transformer.ProjectionSize);
        Assert.Equal(ActivationType.Gelu, transformer.ActivationType);
        Assert.Equal(1.0 / 32, transformer.InitMethodStd, 12);
        Assert.Equal(1.0 / 32 / Math.Sqrt(24), transformer.InitMethodStdAttnProj, 12);
        Assert.Equal(transformer.InitMethodStd, r.Config.Model.BaseModel.InitMethodStdEmbed);
        Assert.True(r.Config.Model.BaseModel.UsePositionEmbeddings);
        Assert.Equal((1, 1, 1, 1, 1), (r.Config.Batch.MicroBatchSize, r.Config.Batch.DepthFirstMicroBatches, r.Config.Batch.BreadthFirstMicroBatches, r.Config.Batch.SequentialMicroBatches, r.Config.Batch.BatchSize));
        Assert.Equal(2048, r.Config.Batch.MicroSequenceLength);
        Assert.Equal(1, r.Config.Model.Distributed.WorldSize);
    }

    [Fact]
    public void A_minimal_trainer_saves_only_what_was_written()
    {
        var r = Resolve.Trainer("training:\n  train_iters: 10\n");
        Assert.Equal("training:\n  train_iters: 10\n", r.ToYaml());
    }

    [Fact]
    public void Without_datasets_one_legacy_dataset_per_phase_is_generated_with_a_warning()
    {
        var r = Resolve.Trainer("data:\n  path: [prefix]\n  split: [90, 10, 0]\n");
        Assert.Equal(["test", "training", "validation"], r.Config.Data.Datasets.Keys.Order(StringComparer.Ordinal));
        var training = Assert.IsType<GPTLegacyDatasetConfig>(r.Config.Data.Datasets["training"]);
        Assert.Equal(["prefix"], training.Path);
        Assert.Equal([90.0, 10.0, 0.0], training.Split);
        Assert.Contains(r.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("legacy datasets", StringComparison.Ordinal));
        Assert.DoesNotContain("datasets", r.ToYaml());
    }

    [Fact]
    public void The_published_mistral_example_loads_unchanged()
    {
        var r = Resolve.Trainer(s_mistral);
        var config = r.Config;
        Assert.Equal((2, 64, 32, 32, 1), (config.Batch.MicroBatchSize, config.Batch.BatchSize, config.Batch.SequentialMicroBatches, config.Batch.DepthFirstMicroBatches, config.Batch.BreadthFirstMicroBatches));
        Assert.Equal(4096, config.Batch.SequenceLength);
        Assert.Equal(DataType.Bfloat16, config.Model.Distributed.TrainingDtype);
        Assert.Equal(984059, config.Model.Distributed.Seed);
        Assert.Equal(2, config.Model.MultiStage.NumGradBuffers);
        Assert.Null(config.Model.MultiStage.NumWeightBuffers);
        Assert.False(config.Model.BaseModel.UsePositionEmbeddings);
        Assert.Equal(10000.0, config.Model.BaseModel.Transformer.Rotary.Theta);
        Assert.False(config.Model.BaseModel.Transformer.AddLinearBiases.AddAttentionQkvBias);
        Assert.Equal(1.0e-05, config.Optimizer.LearningRate.Base);
        Assert.IsType<GPTRandomDatasetConfig>(config.Data.Datasets["training"]);
        Assert.Null(config.Training.Evaluations["validation"].Iterations);
        Assert.Equal("mistral_example", config.Run.ExperimentDir?.Value);
    }

    [Fact]
    public void Resolving_a_saved_config_gives_the_same_config()
    {
        var first = Resolve.Trainer(s_mistral);
        var second = Resolve.Trainer(first.ToYaml());
        Assert.Equal(first.Fingerprint, second.Fingerprint);
        Assert.Equal(first.ToYaml(), second.ToYaml());
        Assert.Equal(first.ToYaml(Verbosity.All), second.ToYaml(Verbosity.All));
    }

    [Theory]
    [InlineData(Verbosity.Core)]
    [InlineData(Verbosity.Optional)]
    [InlineData(Verbosity.Performance)]
    [InlineData(Verbosity.Debug)]
    [InlineData(Verbosity.All)]
    public void Every_verbosity_writes_a_config_that_resolves_to_the_same_config(Verbosity verbosity)
    {
        var first = Resolve.Trainer(s_mistral);
        var second = Resolve.Trainer(first.ToYaml(verbosity));
        Assert.Equal(first.Fingerprint, second.Fingerprint);
    }

    [Fact]
    public void The_legacy_loss_masking_key_moves_from_the_data_sampling_to_the_batch()
    {
        var r = Resolve.Trainer("data:\n  sampling:\n    use_loss_masking_spans: true\n");
        Assert.True(r.Config.Batch.UseLossMaskingSpans);
        Assert.Contains(r.Diagnostics, d => d.Code == DiagnosticCodes.RenamedKey);
    }

    [Fact]
    public void Checkpoints_need_an_experiment_directory()
    {
        var error = Assert.Single(Resolve.TrainerErrors("training:\n  checkpoint:\n    interval: 10\n"));
        Assert.Contains("experiment_dir", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Tensor_logs_need_an_experiment_directory()
    {
        var error = Assert.Single(Resolve.TrainerErrors("run:\n  tensor_logs:\n    save: true\n"));
        Assert.Equal("run.experiment_dir", error.Path);
    }

    [Fact]
    public void An_unknown_key_is_an_error_with_a_suggestion()
    {
        var error = Assert.Single(Resolve.TrainerErrors("model:\n  base_model:\n    transformer:\n      num_layer: 4\n"));
        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
        Assert.Contains("num_layers", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Megatron_initialization_sets_the_seed_shifts_implicitly_and_keeps_explicit_ones()
    {
        var r = Resolve.Trainer("model:\n  base_model:\n    use_megatron_initialization: true\n  distributed:\n    dp_seed_shift: 5\n");
        var distributed = r.Config.Model.Distributed;
        Assert.Equal(5, distributed.DpSeedShift);
        Assert.Equal(100, distributed.PpSeedShift);
        Assert.Equal(0, distributed.PpGenInitSeedShift);
        Assert.Equal(1, distributed.TpSeedShift);
        Assert.Equal(2718, distributed.TpGenInitSeedShift);
        Assert.Equal(System.Numerics.BigInteger.Parse("500460795349110443334056239993", System.Globalization.CultureInfo.InvariantCulture), distributed.PpGenSeedShift);
        Assert.DoesNotContain("pp_seed_shift", r.ToYaml());
        Assert.Contains("dp_seed_shift: 5", r.ToYaml());
    }
}
