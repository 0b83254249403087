using System.Globalization;
using System.Numerics;
using Strata.Llm.Engine;

namespace Strata.Llm.Tests.Resolution;

public sealed class DistributedTests
{
    [Fact]
    public void World_size_and_ranks_come_from_the_environment_and_are_never_saved()
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "8"), ("RANK", "5"), ("LOCAL_WORLD_SIZE", "4"));
        var r = Resolve.Trainer("model:\n  distributed:\n    tensor_parallel: 2\n", environment);
        var d = r.Config.Model.Distributed;
        Assert.Equal((8, 5, 4), (d.WorldSize, d.Rank, d.LocalWorldSize));
        Assert.Equal((2, 4, 4, 2), (d.ModelParallel, d.DataParallel, d.BatchDataParallel, d.NumNodes));
        Assert.Equal((1, 2, 0, 1), (d.TensorRank, d.DataRank, d.PipelineRank, d.LocalRank));
        Assert.Equal(OriginKind.Environment, d.GetOrigin(nameof(DistributedConfig.WorldSize)).Kind);
        Assert.False(d.IsExplicit(nameof(DistributedConfig.WorldSize)));
        Assert.Equal("model:\n  distributed:\n    tensor_parallel: 2\n", r.ToYaml());
    }

    [Theory]
    [InlineData(false, 0, 1)]
    [InlineData(true, 1, 0)]
    public void Pipeline_first_changes_the_rank_layout(bool pipelineFirst, int dataRank, int pipelineRank)
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "8"), ("RANK", "5"), ("LOCAL_WORLD_SIZE", "8"));
        var yaml = "model:\n  distributed:\n    tensor_parallel: 2\n    pipeline_parallel: 2\n    pipeline_first: " + (pipelineFirst ? "true" : "false") + "\n";
        var d = Resolve.Trainer(yaml, environment).Config.Model.Distributed;
        Assert.Equal(2, d.DataParallel);
        Assert.Equal((dataRank, pipelineRank), (d.DataRank, d.PipelineRank));
    }

    [Fact]
    public void Sequence_tensor_parallelism_is_forced_off_without_tensor_parallelism_with_a_warning()
    {
        var r = Resolve.Trainer("model:\n  distributed:\n    sequence_tensor_parallel: true\n");
        Assert.False(r.Config.Model.Distributed.SequenceTensorParallel);
        var warning = Assert.Single(r.Diagnostics, d => d.Code == DiagnosticCodes.ValueForced);
        Assert.Equal("model.distributed.sequence_tensor_parallel", warning.Path);
    }

    [Fact]
    public void Sequence_tensor_parallelism_is_kept_with_tensor_parallelism()
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "2"), ("LOCAL_WORLD_SIZE", "2"));
        var r = Resolve.Trainer("model:\n  distributed:\n    tensor_parallel: 2\n    sequence_tensor_parallel: true\n", environment);
        Assert.True(r.Config.Model.Distributed.SequenceTensorParallel);
    }

    [Fact]
    public void The_world_size_must_be_a_multiple_of_the_model_parallel_size()
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "3"), ("LOCAL_WORLD_SIZE", "3"));
        var errors = Resolve.TrainerErrors("model:\n  distributed:\n    pipeline_parallel: 2\n", environment);
        Assert.Contains(errors, e => e.Path == "model.distributed.world_size" && e.Message.Contains("tensor_parallel × pipeline_parallel", StringComparison.Ordinal));
    }

    [Fact]
    public void The_local_world_size_must_be_a_multiple_of_the_tensor_parallel_size()
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "4"), ("LOCAL_WORLD_SIZE", "1"));
        var errors = Resolve.TrainerErrors("model:\n  distributed:\n    tensor_parallel: 2\n", environment);
        Assert.Contains(errors, e => e.Path == "model.distributed.local_world_size");
    }

    [Fact]
    public void The_rank_must_be_smaller_than_the_world_size()
    {
        var errors = Resolve.TrainerErrors("model:\n  distributed:\n    rank: 2\n");
        Assert.Contains(errors, e => e.Path == "model.distributed.rank");
    }

    [Fact]
    public void LOCAL_RANK_must_agree_with_the_rank()
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "2"), ("RANK", "1"), ("LOCAL_WORLD_SIZE", "2"), ("LOCAL_RANK", "0"));
        var error = Assert.Single(Resolve.TrainerErrors("run:\n  structured_logs: true\n", environment));
        Assert.Contains("LOCAL_RANK", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("WORLD_SIZE", "0x8", "model.distributed.world_size")]
    [InlineData("WORLD_SIZE", "abc", "model.distributed.world_size")]
    [InlineData("RANK", "1_0", "model.distributed.rank")]
    [InlineData("LOCAL_WORLD_SIZE", "8.0", "model.distributed.local_world_size")]
    [InlineData("LOCAL_RANK", "0x1", "model.distributed")]
    public void A_launcher_variable_that_is_not_a_decimal_integer_is_one_error_at_env_NAME(string name, string value, string path)
    {
        var error = Assert.Single(Resolve.TrainerErrors(string.Empty, Resolve.Environment((name, value))));

        Assert.Equal((DiagnosticCodes.EnvironmentValue, path, "env " + name), (error.Code, error.Path, error.Origin?.ToString()));
        Assert.Equal("environment variable " + name + " must be a decimal integer (ASCII digits with an optional sign, as a launcher writes it), got '" + value + "'", error.Message);
    }

    [Fact]
    public void LOCAL_RANK_out_of_range_is_one_error_at_env_LOCAL_RANK()
    {
        var error = Assert.Single(Resolve.TrainerErrors(string.Empty, Resolve.Environment(("LOCAL_RANK", "4294967296"))));

        Assert.Equal((DiagnosticCodes.EnvironmentValue, "env LOCAL_RANK"), (error.Code, error.Origin?.ToString()));
        Assert.Equal("environment variable LOCAL_RANK=4294967296 is out of range for int (-2147483648..2147483647)", error.Message);
    }

    [Fact]
    public void Launcher_variables_with_leading_zeros_or_a_sign_are_read_as_torchrun_and_python_read_them()
    {
        var distributed = Resolve.Trainer(string.Empty, Resolve.Environment(("WORLD_SIZE", "+08"), ("RANK", "007"), ("LOCAL_WORLD_SIZE", "8"), ("LOCAL_RANK", "07"))).Config.Model.Distributed;

        Assert.Equal((8, 7, 7), (distributed.WorldSize, distributed.Rank, distributed.LocalRank));
    }

    [Fact]
    public void Seed_shifts_keep_their_exact_big_integer_defaults()
    {
        var d = Resolve.Trainer("run:\n  structured_logs: true\n").Config.Model.Distributed;
        Assert.Equal(BigInteger.Parse("317767863445754100075399033823", CultureInfo.InvariantCulture), d.DpSeedShift);
        Assert.Equal(BigInteger.Parse("220111337975202516901860145957", CultureInfo.InvariantCulture), d.TestSeedShift);
    }

    [Theory]
    [InlineData("bf16", DataType.Bfloat16)]
    [InlineData("bfloat16", DataType.Bfloat16)]
    [InlineData("torch.bfloat16", DataType.Bfloat16)]
    [InlineData("torch.bf16", DataType.Bfloat16)]
    [InlineData("np.float16", DataType.Float16)]
    [InlineData("triton.language.int8", DataType.Int8)]
    [InlineData("fp32", DataType.Float32)]
    public void Data_types_accept_short_and_prefixed_names_and_are_written_by_name(string written, DataType expected)
    {
        var r = Resolve.Trainer("model:\n  distributed:\n    training_dtype: " + written + "\n");
        Assert.Equal(expected, r.Config.Model.Distributed.TrainingDtype);
        Assert.Contains("training_dtype: " + expected.ToString().ToLowerInvariant(), r.ToYaml());
    }

    [Fact]
    public void An_unknown_data_type_is_an_error()
    {
        var error = Assert.Single(Resolve.TrainerErrors("model:\n  distributed:\n    training_dtype: float8\n"));
        Assert.Equal(DiagnosticCodes.UnknownEnumValue, error.Code);
    }

    [Fact]
    public void The_legacy_timeout_key_is_renamed()
    {
        var r = Resolve.Trainer("model:\n  distributed:\n    distributed_timeout: 30\n");
        Assert.Equal(30.0, r.Config.Model.Distributed.Timeout);
    }
}
