using System.Buffers.Binary;
using System.Text.Json;
using Strata.Llm.Engine;
using Strata.Llm.Models;

namespace Strata.Llm.Tests.Checkpoints;

/// <summary>
/// The checkpoint examples resolve as the command line resolves them from the repository root (their relative paths are
/// taken from the repository root through the reader's base directory, without changing the working directory).
/// </summary>
public sealed class ExampleTests
{
    private static readonly IReadOnlyDictionary<string, string?> s_machine = Resolve.Environment(("WORLD_SIZE", "1"));

    [Fact]
    public void The_hugging_face_fine_tune_example_starts_from_the_tiny_llama()
    {
        var r = Example("finetune-hf.yaml");
        Assert.DoesNotContain(r.Diagnostics, static d => d.Severity != DiagnosticSeverity.Info);
        var t = r.Config.Model.BaseModel.Transformer;
        Assert.Equal((2, 16, 2, 1, 8, 32), (t.NumLayers, t.HiddenSize, t.NumAttentionHeads, t.HeadGroups, t.KvChannels, t.FfnHiddenSize));
        Assert.Equal(0.1, t.AttentionDropout);
        Assert.Equal(64, r.Config.Model.BaseModel.VocabSize);
        var history = Assert.Single(r.Explain("model.base_model.transformer.attention_dropout")).History;
        Assert.Equal(["checkpoint examples/checkpoints/tiny-llama/config.json:6:24", "finetune-hf.yaml:39:26"], history.Select(Relative));
        Assert.Equal("checkpoint examples/checkpoints/tiny-llama/config.json:11:18", Relative(t.GetOrigin(nameof(TransformerConfig.HiddenSize))));
    }

    [Fact]
    public void The_tiny_llama_weights_are_a_safetensors_file_whose_shapes_match_the_resolved_config()
    {
        var t = Example("finetune-hf.yaml").Config.Model.BaseModel;
        var h = t.Transformer.HiddenSize;
        var q = t.Transformer.NumAttentionHeads * t.Transformer.KvChannels;
        var kv = t.Transformer.HeadGroups * t.Transformer.KvChannels;
        var f = t.Transformer.FfnHiddenSize;
        var expected = new Dictionary<string, int[]>
        {
            ["model.embed_tokens.weight"] = [t.VocabSize, h],
            ["lm_head.weight"] = [t.VocabSize, h],
            ["model.norm.weight"] = [h],
        };
        for (var layer = 0; layer < t.Transformer.NumLayers; layer++)
        {
            var p = "model.layers." + layer + ".";
            expected[p + "self_attn.q_proj.weight"] = [q, h];
            expected[p + "self_attn.k_proj.weight"] = [kv, h];
            expected[p + "self_attn.v_proj.weight"] = [kv, h];
            expected[p + "self_attn.o_proj.weight"] = [h, q];
            expected[p + "mlp.gate_proj.weight"] = [f, h];
            expected[p + "mlp.up_proj.weight"] = [f, h];
            expected[p + "mlp.down_proj.weight"] = [h, f];
            expected[p + "input_layernorm.weight"] = [h];
            expected[p + "post_attention_layernorm.weight"] = [h];
        }

        var bytes = File.ReadAllBytes(Path.Combine(Checkpoint.RepositoryRoot, "examples", "checkpoints", "tiny-llama", "model.safetensors"));
        var headerLength = checked((int)BinaryPrimitives.ReadUInt64LittleEndian(bytes));
        using var header = JsonDocument.Parse(bytes.AsMemory(8, headerLength));
        var end = 0L;
        var tensors = header.RootElement.EnumerateObject().Where(static p => p.Name != "__metadata__").ToList();
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), tensors.Select(static p => p.Name).Order(StringComparer.Ordinal));
        foreach (var tensor in tensors)
        {
            var shape = tensor.Value.GetProperty("shape").EnumerateArray().Select(static d => d.GetInt32()).ToArray();
            Assert.Equal(expected[tensor.Name], shape);
            Assert.Equal("BF16", tensor.Value.GetProperty("dtype").GetString());
            var offsets = tensor.Value.GetProperty("data_offsets").EnumerateArray().Select(static d => d.GetInt64()).ToArray();
            Assert.Equal(2L * shape.Aggregate(1L, static (a, d) => a * d), offsets[1] - offsets[0]);
            end = Math.Max(end, offsets[1]);
        }

        Assert.Equal(bytes.Length - 8 - headerLength, end);
    }

    [Fact]
    public void The_fast_llm_example_continues_from_the_saved_settings_but_not_the_saved_machine()
    {
        var r = Example("from-fast-llm.yaml");
        var model = r.Config.Model;
        Assert.Null(model.BaseModel.Transformer.WindowSize);
        Assert.Equal(0.05, model.BaseModel.Transformer.HiddenDropout);
        Assert.Equal((1, DataType.Bfloat16), (model.MultiStage.ZeroStage, model.Distributed.TrainingDtype));
        Assert.Equal((1, 0, 1), (model.Distributed.WorldSize, model.Distributed.Rank, model.Distributed.LocalWorldSize));
        Assert.Equal(
            ["model.distributed.local_world_size", "model.distributed.rank", "model.distributed.world_size"],
            r.Diagnostics.Where(static d => d.Code == DiagnosticCodes.CheckpointValueIgnored).Select(static d => d.Path));
        Assert.DoesNotContain(r.Diagnostics, static d => d.Severity != DiagnosticSeverity.Info);
    }

    [Fact]
    public void The_distillation_example_loads_each_reference_model_from_its_own_checkpoint()
    {
        var r = Example("distillation.yaml");
        Assert.DoesNotContain(r.Diagnostics, static d => d.Severity != DiagnosticSeverity.Info);
        Assert.Equal(1, r.Config.Model.BaseModel.Transformer.NumLayers);
        var teacher = r.Config.ReferenceModels["teacher"].Model;
        Assert.Equal((2, 1, 64), (teacher.BaseModel.Transformer.NumLayers, teacher.BaseModel.Transformer.HeadGroups, teacher.BaseModel.VocabSize));
        Assert.Same(r.Config.Model.Distributed, teacher.Distributed.ReferenceConfig);
        var previous = r.Config.ReferenceModels["previous"].Model.BaseModel.Transformer;
        Assert.Equal(2, previous.NumLayers);
        Assert.Null(previous.WindowSize); // not an architecture value: left out by load_config: architecture
        Assert.EndsWith(
            "tiny-fast-llm/metadata.yaml:13:28",
            previous.GetOrigin(nameof(TransformerConfig.NumAttentionHeads)).ToString(),
            StringComparison.Ordinal);
    }

    [Fact]
    public void The_benchmark_fine_tune_resolves_from_its_folder()
    {
        var bench = Path.GetFullPath(Path.Combine(Checkpoint.RepositoryRoot, "..", "shared", "bench"));
        Assert.SkipUnless(File.Exists(Path.Combine(bench, "finetune-hf.yaml")), "the shared benchmark folder is not next to the repository");
        var r = new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options(bench, s_machine))
            .AddFile(Path.Combine(bench, "finetune-hf.yaml"))
            .Resolve();
        var t = r.Config.Model.BaseModel.Transformer;
        Assert.Equal((4096, 32, 8, 128, 4096), (t.HiddenSize, t.NumLayers, t.HeadGroups, t.KvChannels, t.WindowSize));
        Assert.Equal(128256, r.Config.Model.BaseModel.VocabSize);
        Assert.DoesNotContain(r.Diagnostics, static d => d.Severity != DiagnosticSeverity.Info);
    }

    private static Resolved<GPTTrainerConfig> Example(string name) =>
        new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options(Checkpoint.RepositoryRoot, s_machine))
            .AddFile(Path.Combine(Checkpoint.RepositoryRoot, "examples", name))
            .Resolve();

    /// <summary>An origin with paths relative to the repository root, as the command line run from there shows them.</summary>
    private static string Relative(Origin origin) =>
        origin.ToString().Replace(Checkpoint.RepositoryRoot + Path.DirectorySeparatorChar + "examples" + Path.DirectorySeparatorChar + "checkpoints", "examples/checkpoints", StringComparison.Ordinal)
            .Replace(Checkpoint.RepositoryRoot + Path.DirectorySeparatorChar + "examples" + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
}
