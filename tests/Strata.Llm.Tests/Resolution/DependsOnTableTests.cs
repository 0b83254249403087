using System.Text.RegularExpressions;
using Strata.Llm.Tests.Checkpoints;
using Strata.Provenance;

namespace Strata.Llm.Tests.Resolution;

/// <summary>
/// Every value of the GPT family whose origin is <c>derived</c> names what it was derived from (<c>depends_on</c>), and
/// the names are those of the table below, written from the hooks (TransformerConfig, GPTBaseModelConfig,
/// TransformerPeftConfig, MultiStageConfig, DistributedConfig, GPTBatchConfig, TrainingExportConfig, WandbAlertConfig,
/// GPTTrainerConfig, GPTDataConfig): the table is the specification. An empty list is a constant (said so in the
/// table). A reference model's values are written with <c>{ref}.</c> for <c>reference_models.NAME.</c>; its
/// distributed settings come from the main model's (<c>model.distributed.*</c>).
/// </summary>
public sealed partial class DependsOnTableTests
{
    private const string T = "model.base_model.transformer.";
    private const string D = "model.distributed.";

    /// <summary>The derived values of the transformer, the base model and the engine, the same in every scenario.</summary>
    private static readonly Dictionary<string, string[]> s_model = new(StringComparer.Ordinal)
    {
        // TransformerConfig.Derive
        [T + "ffn_hidden_size"] = [T + "hidden_size"],
        [T + "kv_channels"] = [T + "num_attention_heads", T + "hidden_size"],
        [T + "activation_type"] = [T + "gated"],
        [T + "init_method_std"] = [T + "hidden_size"],
        [T + "init_method_std_qkv"] = [T + "init_method_std"],
        [T + "init_method_std_attn_proj"] = [T + "num_layers", T + "init_method_std"],
        [T + "init_method_std_mlp_1"] = [T + "init_method_std"],
        [T + "init_method_std_mlp_2"] = [T + "num_layers", T + "init_method_std"],
        [T + "init_method_max_qkv"] = [T + "init_method_max"],
        [T + "init_method_min_qkv"] = [T + "init_method_min"],
        [T + "init_method_max_attn_proj"] = [T + "init_method_max"],
        [T + "init_method_min_attn_proj"] = [T + "init_method_min"],
        [T + "init_method_max_mlp_1"] = [T + "init_method_max"],
        [T + "init_method_min_mlp_1"] = [T + "init_method_min"],
        [T + "init_method_max_mlp_2"] = [T + "init_method_max"],
        [T + "init_method_min_mlp_2"] = [T + "init_method_min"],

        // TransformerConfig's computed fields
        [T + "projection_size"] = [T + "num_attention_heads", T + "kv_channels"],
        [T + "num_unshared_experts"] = [T + "num_experts", T + "num_shared_experts"],

        // TransformerPeftConfig.Derive: the LoRA layers
        [T + "peft.layers"] = [T + "peft.type"],

        // GPTBaseModelConfig.Derive (rotary.enabled reads the rotary type)
        ["model.base_model.use_position_embeddings"] = [T + "rotary.type"],
        ["model.base_model.init_method_std_embed"] = [T + "init_method_std"],
        ["model.base_model.init_method_max_embed"] = [T + "init_method_max"],
        ["model.base_model.init_method_min_embed"] = [T + "init_method_min"],

        // MultiStageConfig.Derive
        ["model.multi_stage.num_grad_buffers"] = ["model.multi_stage.zero_stage"],
        ["model.multi_stage.num_weight_buffers"] = ["model.multi_stage.zero_stage"],

        // DistributedConfig.Derive: sequence_tensor_parallel forced off without tensor parallelism
        [D + "sequence_tensor_parallel"] = [D + "tensor_parallel"],

        // GPTTrainerConfig.Prepare: Megatron's seed shifts
        [D + "dp_seed_shift"] = ["model.base_model.use_megatron_initialization"],
        [D + "pp_seed_shift"] = ["model.base_model.use_megatron_initialization"],
        [D + "pp_gen_init_seed_shift"] = ["model.base_model.use_megatron_initialization"],
        [D + "tp_seed_shift"] = ["model.base_model.use_megatron_initialization"],
        [D + "tp_gen_init_seed_shift"] = ["model.base_model.use_megatron_initialization"],
        [D + "reproducible_init"] = ["model.base_model.use_megatron_initialization"],

        // DistributedConfig's computed fields: world_size, rank and local_world_size name WORLD_SIZE, RANK and
        // LOCAL_WORLD_SIZE in their own origin (explain --why shows it).
        [D + "data_parallel"] = [D + "tensor_parallel", D + "pipeline_parallel", D + "world_size"],
        [D + "model_parallel"] = [D + "tensor_parallel", D + "pipeline_parallel"],
        [D + "num_nodes"] = [D + "local_world_size", D + "world_size"],
        [D + "batch_data_parallel"] = [D + "sequence_data_parallel", D + "tensor_parallel", D + "pipeline_parallel", D + "world_size"],
        [D + "data_rank"] = [D + "tensor_parallel", D + "pipeline_parallel", D + "world_size", D + "pipeline_first", D + "rank"],
        [D + "pipeline_rank"] = [D + "tensor_parallel", D + "pipeline_parallel", D + "world_size", D + "pipeline_first", D + "rank"],
        [D + "tensor_rank"] = [D + "tensor_parallel", D + "rank"],
        [D + "sequence_data_rank"] = [D + "sequence_data_parallel", D + "tensor_parallel", D + "pipeline_parallel", D + "world_size", D + "pipeline_first", D + "rank"],
        [D + "batch_data_rank"] = [D + "sequence_data_parallel", D + "tensor_parallel", D + "pipeline_parallel", D + "world_size", D + "pipeline_first", D + "rank"],
        [D + "local_rank"] = [D + "local_world_size", D + "rank"],

        // TrainingExportConfig.Derive, WandbAlertConfig's computed field
        ["training.export.optimizer_state"] = ["training.export.format"],
        ["training.wandb.alert.post_alerts"] = ["training.wandb.alert.status_updates", "training.wandb.alert.interval"],

        // GPTBatchConfig.Derive, in every scenario
        ["batch.micro_sequence_length"] = ["batch.sequence_length"],
        ["batch.sequence_length"] = ["model.base_model.max_position_embeddings"],
    };

    /// <summary>GPTBatchConfig.DeriveSizes when batch_size and micro_batch_size are set (every example).</summary>
    private static readonly Dictionary<string, string[]> s_batchFromSizes = new(StringComparer.Ordinal)
    {
        ["batch.sequential_micro_batches"] = [D + "sequence_data_parallel", D + "tensor_parallel", D + "pipeline_parallel", D + "world_size", "batch.batch_size", "batch.micro_batch_size"],
        ["batch.depth_first_micro_batches"] = [D + "pipeline_parallel", "batch.sequential_micro_batches"],
        ["batch.breadth_first_micro_batches"] = [D + "pipeline_parallel"],
    };

    /// <summary>GPTBatchConfig.DeriveSizes when no size is set: the micro-batch counts and size are constants (1).</summary>
    private static readonly Dictionary<string, string[]> s_batchFromNothing = new(StringComparer.Ordinal)
    {
        ["batch.depth_first_micro_batches"] = [],
        ["batch.breadth_first_micro_batches"] = [],
        ["batch.micro_batch_size"] = [],
        ["batch.sequential_micro_batches"] = ["batch.depth_first_micro_batches", "batch.breadth_first_micro_batches"],
        ["batch.batch_size"] = ["batch.micro_batch_size", "batch.sequential_micro_batches", D + "sequence_data_parallel", D + "tensor_parallel", D + "pipeline_parallel", D + "world_size"],
    };

    /// <summary>
    /// GPTDataConfig.Prepare's legacy datasets: every value of each is made from the legacy keys it reads, <c>data.fim</c>'s
    /// fields included (a child made by <c>= new()</c> that no layer mentions is linked when the hook first reads it).
    /// </summary>
    private static readonly string[] s_legacy =
    [
        "data.split", "data.format", "data.path",
        "data.fim.rate", "data.fim.max_middle_len", "data.fim.split_sample", "data.fim.fragment_rate", "data.fim.ignore_prefix",
        "data.fim.spm_rate", "data.fim.truncate_or_pad", "data.fim.prefix_token", "data.fim.middle_token", "data.fim.pad_token",
        "data.fim.suffix_token",
    ];

    /// <summary>A config that reaches the derivations the examples do not: Megatron's seeds, ZeRO-3, LoRA, no batch sizes, a null sequence length, a forced value, legacy datasets.</summary>
    private const string Coverage = """
        model:
          base_model:
            use_megatron_initialization: true
            max_position_embeddings: 512
            transformer: {num_layers: 2, hidden_size: 64, num_attention_heads: 4, peft: {type: lora}}
          multi_stage: {zero_stage: 3}
          distributed: {sequence_tensor_parallel: true}
        batch: {sequence_length: null}
        data: {path: [/data/a]}
        """;

    public static TheoryData<string> Examples() => ["from-scratch.yaml", "finetune-hf.yaml", "from-fast-llm.yaml", "distillation.yaml"];

    [Theory]
    [MemberData(nameof(Examples))]
    public void Every_derived_value_of_an_example_depends_on_the_inputs_the_table_names(string name)
    {
        var resolved = new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options(Checkpoint.RepositoryRoot, Resolve.Environment(("WORLD_SIZE", "1"))))
            .AddFile(Path.Combine(Checkpoint.RepositoryRoot, "examples", name))
            .Resolve();

        var seen = Check(resolved, s_batchFromSizes);

        Assert.Contains("batch.sequential_micro_batches", seen);
        Assert.Contains(T + "init_method_std_attn_proj", seen);
    }

    [Fact]
    public void Every_derived_value_of_the_other_derivations_depends_on_the_inputs_the_table_names()
    {
        var resolved = new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml(Coverage, "coverage.yaml")
            .Resolve();

        var seen = Check(resolved, s_batchFromNothing);

        // Each derivation of the table is met: the table holds nothing the hooks do not do.
        foreach (var path in s_model.Keys.Concat(s_batchFromNothing.Keys))
        {
            Assert.True(seen.Contains(path), path + " is never derived in the coverage config");
        }

        Assert.Contains("data.datasets.training.fim.rate", seen);
        Assert.Contains(D + "dp_seed_shift", seen);
    }

    [Fact]
    public void A_value_derived_from_an_environment_bound_field_leads_to_the_variable()
    {
        var resolved = new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = Resolve.Environment(("WORLD_SIZE", "8"), ("LOCAL_WORLD_SIZE", "8")) })
            .AddYaml("model: {distributed: {tensor_parallel: 2}}\n", "train.yaml")
            .Resolve();

        var dataParallel = resolved.Explain().Single(static p => p.Path == D + "data_parallel");
        Assert.Contains(D + "world_size", dataParallel.DependsOn);
        var worldSize = resolved.Explain().Single(static p => p.Path == D + "world_size");
        Assert.Equal("env WORLD_SIZE", worldSize.Origin.ToString());
    }

    /// <summary>Checks every derived value against the table; returns their paths (a reference model's with <c>{ref}.</c>).</summary>
    private static HashSet<string> Check(Resolved resolved, Dictionary<string, string[]> batch)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var entry in resolved.Explain())
        {
            if (entry.Origin.Kind != OriginKind.Derived)
            {
                continue;
            }

            var path = ReferencePrefix().Replace(entry.Path, "{ref}.");
            var dependsOn = entry.DependsOn.Select(static d => ReferencePrefix().Replace(d, "{ref}.")).ToList();
            seen.Add(path);
            var expected = Expected(path, entry.IsDerivedField, batch);
            Assert.True(expected is not null, path + " is derived but not in the table");
            Assert.Equal(expected.Order(StringComparer.Ordinal), dependsOn.Order(StringComparer.Ordinal));
        }

        return seen;
    }

    private static string[]? Expected(string path, bool computed, Dictionary<string, string[]> batch)
    {
        if (path.StartsWith("data.datasets.", StringComparison.Ordinal))
        {
            return s_legacy;
        }

        if (path.StartsWith("{ref}.", StringComparison.Ordinal))
        {
            var inner = path["{ref}.".Length..];

            // DistributedConfig.Derive of a reference model: each setting not set is the main model's; its computed
            // fields and its model's derivations read its own values.
            return !computed && inner.StartsWith(D, StringComparison.Ordinal) ? [inner]
                : s_model.TryGetValue(inner, out var own) ? [.. own.Select(static i => "{ref}." + i)]
                : null;
        }

        return batch.TryGetValue(path, out var sizes) ? sizes : s_model.GetValueOrDefault(path);
    }

    [GeneratedRegex(@"^reference_models\.[^.]+\.")]
    private static partial Regex ReferencePrefix();
}
