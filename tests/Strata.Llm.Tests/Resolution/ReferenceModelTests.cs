namespace Strata.Llm.Tests.Resolution;

public sealed class ReferenceModelTests
{
    [Fact]
    public void Reference_models_run_on_the_processes_of_the_main_model()
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "4"), ("RANK", "3"), ("LOCAL_WORLD_SIZE", "4"));
        var r = Resolve.Trainer(
            "model:\n  distributed:\n    training_dtype: bf16\nreference_models:\n  teacher:\n    model:\n      base_model:\n        transformer:\n          num_layers: 2\n",
            environment);
        var main = r.Config.Model.Distributed;
        var teacher = r.Config.ReferenceModels["teacher"].Model.Distributed;
        Assert.Same(main, teacher.ReferenceConfig);
        Assert.Equal((4, 3, Engine.DataType.Bfloat16), (teacher.WorldSize, teacher.Rank, teacher.TrainingDtype));
        Assert.Equal(2, r.Config.ReferenceModels["teacher"].Model.BaseModel.Transformer.NumLayers);
        Assert.DoesNotContain("training_dtype", r.ToYaml().Split("reference_models")[1], StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_model_cannot_disagree_with_the_main_distributed_settings()
    {
        var errors = Resolve.TrainerErrors("reference_models:\n  teacher:\n    model:\n      distributed:\n        seed: 7\n");
        Assert.Contains(errors, e => e.Message.Contains("distributed.seed", StringComparison.Ordinal));
    }

    [Fact]
    public void Reference_models_need_a_main_model_without_model_parallelism()
    {
        var environment = Resolve.Environment(("WORLD_SIZE", "2"), ("LOCAL_WORLD_SIZE", "2"));
        var errors = Resolve.TrainerErrors("model:\n  distributed:\n    tensor_parallel: 2\nreference_models:\n  teacher: {}\n", environment);
        Assert.Contains(errors, e => e.Message.Contains("tensor_parallel must be 1", StringComparison.Ordinal));
    }

    [Fact]
    public void Reference_models_cannot_split_the_cross_entropy()
    {
        var errors = Resolve.TrainerErrors("reference_models:\n  teacher:\n    model:\n      base_model:\n        cross_entropy_splits: 2\n");
        Assert.Contains(errors, e => e.Message.Contains("cross_entropy_splits", StringComparison.Ordinal));
    }

    [Fact]
    public void Each_reference_model_loads_its_own_checkpoint()
    {
        var reader = new FakeCheckpointReader("config:\n  base_model:\n    transformer:\n      num_layers: 3\n");
        var r = Resolve.TrainerWith("reference_models:\n  teacher:\n    pretrained:\n      path: teacher\n", reader);
        Assert.Equal(3, r.Config.ReferenceModels["teacher"].Model.BaseModel.Transformer.NumLayers);
        Assert.Equal(12, r.Config.Model.BaseModel.Transformer.NumLayers);
    }
}
