using Strata.Llm.Data;
using Strata.Llm.Engine;
using Strata.Llm.Models;

namespace Strata.Llm.Tests.Resolution;

/// <summary>
/// Every derivation and rule of the GPT family that multiplies or adds sizes: a result past the int range is one error
/// at the fields involved (never a wrapped value that validates, never a follow-on rule error), and a derived property
/// whose value would not fit makes the config invalid and throws when read instead of wrapping.
/// </summary>
public sealed class OverflowTests
{
    private const string OutOfRange = "is out of range for int (-2147483648..2147483647)";

    [Fact]
    public void The_gpt_family_is_compiled_with_checked_arithmetic()
    {
        var transformer = new TransformerConfig { NumAttentionHeads = 65537, KvChannels = 65537 };
        var distributed = new DistributedConfig { TensorParallel = 65537, PipelineParallel = 65537 };
        var batch = new GPTBatchConfig { SequentialMicroBatches = 65537, SequenceLength = 65537, MicroSequenceLength = 1 };

        Assert.Throws<OverflowException>(() => transformer.ProjectionSize);
        Assert.Throws<OverflowException>(() => distributed.ModelParallel);
        Assert.Throws<OverflowException>(() => batch.NumInputs);
    }

    [Fact]
    public void Four_times_a_hidden_size_past_the_int_range_is_one_error_at_ffn_hidden_size_placed_at_hidden_size()
    {
        var error = Assert.Single(Errors("model:\n  base_model:\n    transformer:\n      hidden_size: 1073741824\n"));

        Assert.Equal(DiagnosticCodes.DerivationFailed, error.Code);
        Assert.Equal("model.base_model.transformer.ffn_hidden_size", error.Path);
        Assert.Equal("train.yaml:4:20", error.Origin?.ToString());
        Assert.Equal("4 × hidden_size = 4 × 1073741824 = 4294967296 " + OutOfRange, error.Message);
    }

    [Fact]
    public void The_issue_example_hidden_size_1073741825_gives_no_ffn_hidden_size_of_4()
    {
        var errors = Errors(string.Empty, "model.base_model.transformer.hidden_size=1073741825", "model.base_model.transformer.kv_channels=8");

        var error = Assert.Single(errors);
        Assert.Equal(("model.base_model.transformer.ffn_hidden_size", "cli arg #1"), (error.Path, error.Origin?.ToString()));
    }

    [Fact]
    public void Kv_channels_that_cannot_be_derived_is_one_error_at_kv_channels_without_its_rule_after_it()
    {
        var error = Assert.Single(Errors("model:\n  base_model:\n    transformer:\n      hidden_size: 100\n      num_attention_heads: 3\n"));

        Assert.Equal(("model.base_model.transformer.kv_channels", "train.yaml:4:20"), (error.Path, error.Origin?.ToString()));
        Assert.Equal("hidden_size (100) is not a multiple of num_attention_heads (3); set kv_channels explicitly", error.Message);
    }

    [Fact]
    public void A_projection_size_past_the_int_range_is_invalid_instead_of_wrapping()
    {
        // 65537 × 65537 wraps to 131073 in int arithmetic.
        var error = Assert.Single(Errors(string.Empty, "model.base_model.transformer.num_attention_heads=65537", "model.base_model.transformer.kv_channels=65537"));

        Assert.Equal((DiagnosticCodes.ConfigRule, "model.base_model.transformer.num_attention_heads", "cli arg #1"), (error.Code, error.Path, error.Origin?.ToString()));
        Assert.Equal("num_attention_heads × kv_channels (projection_size) must be <= 2147483647, got 65537 × 65537 = 4295098369", error.Message);
    }

    [Fact]
    public void Shared_and_per_token_experts_are_added_without_wrapping()
    {
        // 2147483647 + 1 wraps to a negative number, which is <= any num_experts.
        var errors = Errors("model:\n  base_model:\n    transformer:\n      num_experts: 2147483647\n      num_shared_experts: 2147483647\n      num_experts_per_token: 1\n");

        var error = Assert.Single(errors);
        Assert.Equal("model.base_model.transformer.num_experts_per_token", error.Path);
    }

    [Fact]
    public void The_issue_example_micro_batches_of_65537_gives_no_batch_size_of_131073()
    {
        var error = Assert.Single(Errors(string.Empty, "batch.micro_batch_size=65537", "batch.depth_first_micro_batches=65537"));

        Assert.Equal((DiagnosticCodes.DerivationFailed, "batch.batch_size", "cli arg #1"), (error.Code, error.Path, error.Origin?.ToString()));
        Assert.Equal("micro_batch_size × sequential_micro_batches × batch_data_parallel = 65537 × 65537 × 1 = 4295098369 " + OutOfRange, error.Message);
    }

    [Fact]
    public void Sequential_micro_batches_past_the_int_range_are_one_error_at_sequential_micro_batches()
    {
        var error = Assert.Single(Errors("batch:\n  depth_first_micro_batches: 65536\n  breadth_first_micro_batches: 65536\n"));

        Assert.Equal(("batch.sequential_micro_batches", "train.yaml:2:30"), (error.Path, error.Origin?.ToString()));
        Assert.Equal("depth_first_micro_batches × breadth_first_micro_batches = 65536 × 65536 = 4294967296 " + OutOfRange, error.Message);
    }

    [Fact]
    public void The_issue_example_world_size_65536_with_micro_batches_of_65536_is_no_longer_valid()
    {
        // 65536 × 65536 wraps to 0, which used to end the derivation silently and skip every batch rule.
        var error = Assert.Single(Errors(string.Empty, "model.distributed.world_size=65536", "batch.micro_batch_size=65536", "batch.batch_size=8"));

        Assert.Equal(("batch.sequential_micro_batches", "cli arg #3"), (error.Path, error.Origin?.ToString()));
        Assert.Equal("batch_size (8) must be a multiple of micro_batch_size × batch_data_parallel (65536 × 65536 = 4294967296)", error.Message);
    }

    [Fact]
    public void The_largest_world_size_makes_the_from_scratch_example_invalid_instead_of_wrapping()
    {
        // 2 × 2147483647 wraps to -2: the derivation used to stop without an error and the config validated.
        var yaml = File.ReadAllText(Path.Combine(Checkpoints.Checkpoint.RepositoryRoot, "examples", "from-scratch.yaml"));

        var error = Assert.Single(Resolve.TrainerErrors(yaml, Resolve.Environment(("WORLD_SIZE", "2147483647"))));

        Assert.Equal("batch.sequential_micro_batches", error.Path);
        Assert.Equal("batch_size (64) must be a multiple of micro_batch_size × batch_data_parallel (2 × 2147483647 = 4294967294)", error.Message);
    }

    [Fact]
    public void The_largest_world_size_with_one_sample_per_rank_is_valid_and_exact()
    {
        var batch = Resolve.Trainer(string.Empty, Resolve.Environment(("WORLD_SIZE", "2147483647"))).Config.Batch;

        Assert.Equal(int.MaxValue, batch.BatchSize);
    }

    [Fact]
    public void The_number_of_inputs_past_the_int_range_is_invalid()
    {
        var error = Assert.Single(Errors("batch:\n  sequence_length: 2147483647\n  micro_sequence_length: 1\n  depth_first_micro_batches: 2\n"));

        Assert.Equal("batch.micro_sequence_length", error.Path);
        Assert.Equal("sequential_micro_batches × sequence_length / micro_sequence_length (num_inputs) must be <= 2147483647, got 2 × 2147483647 = 4294967294", error.Message);
    }

    [Fact]
    public void Tensor_times_pipeline_parallel_past_the_int_range_makes_the_world_size_invalid_instead_of_dividing_by_zero()
    {
        // 65536 × 65536 wraps to 0: the rule divided by it and the validation hook failed with a division by zero.
        var errors = Errors(
            string.Empty,
            "model.distributed.tensor_parallel=65536",
            "model.distributed.pipeline_parallel=65536",
            "model.distributed.world_size=65536",
            "model.distributed.local_world_size=65536");

        var error = Assert.Single(errors);
        Assert.Equal((DiagnosticCodes.ConfigRule, "model.distributed.world_size", "cli arg #3"), (error.Code, error.Path, error.Origin?.ToString()));
        Assert.Equal("must be a multiple of tensor_parallel × pipeline_parallel (65536 × 65536 = 4294967296), got 65536", error.Message);
    }

    [Fact]
    public void Tensor_times_pipeline_parallel_that_wraps_to_a_divisor_of_the_world_size_is_not_one()
    {
        // 65537 × 65537 wraps to 131073, which divides a world size of 131073.
        var errors = Errors(
            string.Empty,
            "model.distributed.tensor_parallel=65537",
            "model.distributed.pipeline_parallel=65537",
            "model.distributed.world_size=131073",
            "model.distributed.local_world_size=131073");

        Assert.Contains(errors, static e => e.Path == "model.distributed.world_size" && e.Message.EndsWith("(65537 × 65537 = 4295098369), got 131073", StringComparison.Ordinal));
    }

    [Fact]
    public void Blended_weights_whose_sum_is_not_a_finite_float_are_invalid()
    {
        var error = Assert.Single(Errors("data:\n  datasets:\n    training: {type: blended, datasets: [{type: random}, {type: random}], weights: [1.0e308, 1.0e308]}\n"));

        Assert.Equal(("data.datasets.training.weights", "must have a sum that is a finite float (at most 1.8e308)"), (error.Path, error.Message));
    }

    private static IReadOnlyList<Diagnostic> Errors(string yaml, params string[] overrides) => Resolve.TrainerErrors(yaml, overrides);
}
