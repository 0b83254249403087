using Strata.Llm.Engine;

namespace Strata.Llm.Tests.Resolution;

public sealed class BatchTests
{
    [Fact]
    public void The_micro_batch_size_is_derived_from_the_batch_size_and_the_data_parallelism()
    {
        var r = Resolve.Trainer("batch:\n  batch_size: 32\n", Resolve.Environment(("WORLD_SIZE", "4"), ("LOCAL_WORLD_SIZE", "4")));
        var batch = r.Config.Batch;
        Assert.Equal((8, 1, 1, 1), (batch.MicroBatchSize, batch.SequentialMicroBatches, batch.DepthFirstMicroBatches, batch.BreadthFirstMicroBatches));
        Assert.False(batch.IsExplicit(nameof(GPTBatchConfig.MicroBatchSize)));
        Assert.Equal("batch:\n  batch_size: 32\n", r.ToYaml());
    }

    [Fact]
    public void The_batch_size_is_derived_from_the_micro_batches()
    {
        var r = Resolve.Trainer("batch:\n  micro_batch_size: 4\n  depth_first_micro_batches: 3\n", Resolve.Environment(("WORLD_SIZE", "2"), ("LOCAL_WORLD_SIZE", "2")));
        Assert.Equal((3, 24), (r.Config.Batch.SequentialMicroBatches, r.Config.Batch.BatchSize));
    }

    [Fact]
    public void Both_sizes_set_give_depth_first_micro_batches_without_pipeline_parallelism()
    {
        var batch = Resolve.Trainer("batch:\n  batch_size: 16\n  micro_batch_size: 2\n", Resolve.Environment(("WORLD_SIZE", "2"), ("LOCAL_WORLD_SIZE", "2"))).Config.Batch;
        Assert.Equal((4, 4, 1), (batch.SequentialMicroBatches, batch.DepthFirstMicroBatches, batch.BreadthFirstMicroBatches));
    }

    [Fact]
    public void Both_sizes_set_give_breadth_first_micro_batches_with_pipeline_parallelism()
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "2"), ("LOCAL_WORLD_SIZE", "2"));
        var batch = Resolve.Trainer("model:\n  distributed:\n    pipeline_parallel: 2\nbatch:\n  batch_size: 16\n  micro_batch_size: 2\n", environment).Config.Batch;
        Assert.Equal((8, 1, 8), (batch.SequentialMicroBatches, batch.DepthFirstMicroBatches, batch.BreadthFirstMicroBatches));
    }

    [Fact]
    public void A_batch_size_that_is_not_a_multiple_fails_with_both_numbers()
    {
        var error = Assert.Single(Resolve.TrainerErrors("batch:\n  batch_size: 10\n  micro_batch_size: 3\n"));
        Assert.Equal(DiagnosticCodes.DerivationFailed, error.Code);
        Assert.Contains("batch_size (10)", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_negative_micro_batch_size_is_one_error_and_the_batch_size_derived_from_it_is_not_checked_again()
    {
        var error = Assert.Single(Resolve.TrainerErrors(string.Empty, "batch.micro_batch_size=-1"));
        Assert.Equal(("batch.micro_batch_size", "cli arg #1", "must be > 0, got -1"), (error.Path, error.Origin?.ToString(), error.Message));
    }

    [Fact]
    public void An_explicit_sequential_count_is_kept_and_checked()
    {
        var errors = Resolve.TrainerErrors("batch:\n  batch_size: 16\n  micro_batch_size: 2\n  sequential_micro_batches: 4\n");
        Assert.Contains(errors, e => e.Path == "batch.batch_size");
    }

    [Fact]
    public void Depth_first_micro_batches_must_be_1_with_pipeline_parallelism()
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "2"), ("LOCAL_WORLD_SIZE", "2"));
        var errors = Resolve.TrainerErrors("model:\n  distributed:\n    pipeline_parallel: 2\nbatch:\n  depth_first_micro_batches: 2\n", environment);
        Assert.Contains(errors, e => e.Path == "batch.depth_first_micro_batches");
    }

    [Fact]
    public void The_micro_sequence_length_defaults_to_the_sequence_length_and_must_divide_it()
    {
        Assert.Equal(512, Resolve.Trainer("batch:\n  sequence_length: 512\n").Config.Batch.MicroSequenceLength);
        Assert.Equal(4, Resolve.Trainer("batch:\n  sequence_length: 512\n  micro_sequence_length: 128\n").Config.Batch.MicroBatchSplits);
        Assert.Contains(Resolve.TrainerErrors("batch:\n  sequence_length: 512\n  micro_sequence_length: 100\n"), e => e.Path == "batch.micro_sequence_length");
    }

    [Fact]
    public void An_explicit_null_sequence_length_takes_the_max_position_embeddings_of_the_model_and_is_saved_as_null()
    {
        const string yaml = "model:\n  base_model:\n    max_position_embeddings: 4096\nbatch:\n  sequence_length: null\n";

        var r = Resolve.Trainer(yaml);

        Assert.Equal((4096, 4096), (r.Config.Batch.SequenceLength, r.Config.Batch.MicroSequenceLength));
        Assert.True(r.Config.Batch.IsExplicit(nameof(GPTBatchConfig.SequenceLength)));
        Assert.False(r.Config.Batch.IsSet(nameof(GPTBatchConfig.SequenceLength)));
        Assert.Contains("batch:\n  sequence_length: null\n", r.ToYaml(), StringComparison.Ordinal);
        var explained = Assert.Single(r.Explain("batch.sequence_length"));
        Assert.Equal("4096", explained.Value);
        Assert.Equal(["train.yaml:5:20", "derived"], explained.History.Select(static o => o.ToString()));
        Assert.Equal(r.Fingerprint, Resolve.Trainer(r.ToYaml()).Fingerprint);
    }

    [Fact]
    public void An_explicit_null_sequence_length_takes_the_max_position_embeddings_of_the_pretrained_checkpoint()
    {
        const string metadata = "config:\n  base_model:\n    max_position_embeddings: 8192\n";

        var r = Resolve.TrainerWith("pretrained:\n  path: ckpt\nbatch:\n  sequence_length: null\n", new FakeCheckpointReader(metadata));

        Assert.Equal(8192, r.Config.Batch.SequenceLength);
    }

    [Fact]
    public void An_explicit_null_sequence_length_overrides_a_number_of_a_lower_layer()
    {
        var r = Resolve.Trainer("model:\n  base_model:\n    max_position_embeddings: 1024\nbatch:\n  sequence_length: 512\n", "batch.sequence_length=null");

        Assert.Equal(1024, r.Config.Batch.SequenceLength);
    }

    [Fact]
    public void The_sequence_length_is_2048_when_no_layer_sets_it_whatever_the_max_position_embeddings()
    {
        var r = Resolve.Trainer("model:\n  base_model:\n    max_position_embeddings: 4096\n");

        Assert.Equal(2048, r.Config.Batch.SequenceLength);
        Assert.DoesNotContain("sequence_length", r.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void An_explicit_null_sequence_length_of_a_batch_resolved_without_a_model_is_one_error_at_the_null()
    {
        var ok = new ConfigResolver<GPTBatchConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml("sequence_length: null\n", "batch.yaml")
            .TryResolve(out _, out var diagnostics);

        Assert.False(ok);
        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.DerivationFailed, "sequence_length", "batch.yaml:1:18"), (error.Code, error.Path, error.Origin?.ToString()));
        Assert.Equal("null takes model.base_model.max_position_embeddings, and this batch config has no model: set a number", error.Message);
    }
}
