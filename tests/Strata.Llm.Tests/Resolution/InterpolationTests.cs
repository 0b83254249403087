using Strata.Llm.Models;

namespace Strata.Llm.Tests.Resolution;

/// <summary>Interpolation in the GPT family: typed references, their provenance, checkpoints and base layers.</summary>
public sealed class InterpolationTests
{
    private const string Metadata = """
        config:
          base_model:
            transformer:
              ffn_hidden_size: 4096
              hidden_size: 1024
              num_layers: 12
        format: fast_llm
        model: gpt
        """;

    [Fact]
    public void The_ffn_hidden_size_takes_the_hidden_size_and_the_derived_values_see_it()
    {
        var r = Resolve.Trainer("model:\n  base_model:\n    transformer:\n      hidden_size: 2048\n      num_attention_heads: 16\n      ffn_hidden_size: ${model.base_model.transformer.hidden_size}\n");

        var transformer = r.Config.Model.BaseModel.Transformer;
        Assert.Equal(2048, transformer.FfnHiddenSize);
        Assert.Equal(128, transformer.KvChannels);
        var origin = transformer.GetOrigin(nameof(TransformerConfig.FfnHiddenSize));
        Assert.Equal("interpolation of model.base_model.transformer.hidden_size (train.yaml:6:24)", origin.ToString());
        Assert.Contains("ffn_hidden_size: ${model.base_model.transformer.hidden_size}", r.ToYaml(), StringComparison.Ordinal);
    }

    [Fact]
    public void A_reference_takes_the_value_a_pretrained_checkpoint_set_with_the_checkpoints_origin_in_its_history()
    {
        var r = Resolve.Model(
            "pretrained:\n  path: ckpt\nmodel:\n  base_model:\n    transformer:\n      ffn_hidden_size: ${model.base_model.transformer.hidden_size}\n",
            new FakeCheckpointReader(Metadata));

        var transformer = r.Config.Model.BaseModel.Transformer;
        Assert.Equal(1024, transformer.FfnHiddenSize);
        var entry = r.Explain().Single(static e => e.Path == "model.base_model.transformer.ffn_hidden_size");
        Assert.Equal(["model.base_model.transformer.hidden_size"], entry.References);
        Assert.Equal(OriginKind.Checkpoint, transformer.GetOrigin(nameof(TransformerConfig.HiddenSize)).Kind);
        Assert.Equal(
            ["checkpoint ckpt/metadata.yaml:4:24", "interpolation of model.base_model.transformer.hidden_size (model.yaml:6:24)"],
            entry.History.Select(static o => o.ToString()));
    }

    [Fact]
    public void The_checkpoint_path_cannot_be_an_interpolation_it_is_read_to_find_the_checkpoint()
    {
        var error = Assert.Single(Resolve.TrainerErrors("run:\n  experiment_dir: runs/a\npretrained:\n  path: ${run.experiment_dir}/ckpt\n"));

        Assert.Equal((DiagnosticCodes.Interpolation, "pretrained.path", "train.yaml:4:9"), (error.Code, error.Path, error.Origin?.ToString()));
    }

    [Fact]
    public void A_field_of_a_polymorphic_type_holds_and_gives_interpolations()
    {
        var r = Resolve.Trainer(
            "optimizer:\n  learning_rate:\n    base: 1.0e-05\nmodel:\n  base_model:\n    transformer:\n      normalization:\n        type: rms_norm\n        epsilon: ${optimizer.learning_rate.base}\n"
            + "run:\n  experiment_dir: runs/${model.base_model.transformer.normalization.type}\n");

        Assert.Equal(1e-5, r.Config.Model.BaseModel.Transformer.Normalization.Epsilon);
        Assert.Equal("runs/rms_norm", r.Config.Run.ExperimentDir?.Value);
    }

    [Fact]
    public void An_integer_field_bound_to_the_world_size_variable_gives_the_launchers_value()
    {
        var r = Resolve.Trainer("training:\n  num_workers: ${model.distributed.world_size}\n", Resolve.Environment(("WORLD_SIZE", "4")));

        Assert.Equal(4, r.Config.Training.NumWorkers);
        Assert.Equal(4, r.Config.Model.Distributed.WorldSize);
    }
}
