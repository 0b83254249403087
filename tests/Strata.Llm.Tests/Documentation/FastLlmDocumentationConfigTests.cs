using Strata.Llm.Tests.Checkpoints;

namespace Strata.Llm.Tests.Documentation;

/// <summary>
/// Every training config of Fast-LLM's own documentation at the seed commit (TestData/FastLlmDocs, each naming its
/// source) resolves as <c>gpt-trainer</c> to the effective values Fast-LLM 0.2 gives it: the values the block sets, the
/// values it loads from its pretrained checkpoint, and the derived ones. A block with a <c>pretrained:</c> section
/// resolves with a published <c>config.json</c> placed at the path the block names (relative paths are taken from a
/// temporary directory, as from the working directory of the run). Dataset files are not read by a resolution (they
/// are read when the data is built), so none is needed.
/// </summary>
/// <remarks>
/// Blocks left out because Fast-LLM 0.2 refuses them too: quick-start blocks 1-5 and 8 and data-preparation's (not
/// training configs), continue-training block 2 (<c>training.validation.Validation</c>: the renamed
/// <c>validation</c> becomes <c>evaluations.validation</c>, which has no key <c>Validation</c>),
/// data-configuration block 5 (<c>seed:1234</c> is a string where a map is expected) and block 7 (three weights for
/// two datasets, and a blend without weights).
/// </remarks>
public sealed class FastLlmDocumentationConfigTests
{
    // The architecture a Llama 3.1 8B checkpoint gives (Fast-LLM's llama converter, its architecture fields).
    private static readonly string[] s_llama31 =
    [
        "model.base_model.transformer.num_layers=32", "model.base_model.transformer.hidden_size=4096",
        "model.base_model.transformer.num_attention_heads=32", "model.base_model.transformer.head_groups=8",
        "model.base_model.transformer.ffn_hidden_size=14336", "model.base_model.transformer.kv_channels=128",
        "model.base_model.transformer.gated=true", "model.base_model.transformer.activation_type=silu",
        "model.base_model.transformer.add_linear_biases=false", "model.base_model.transformer.normalization.type=rms_norm",
        "model.base_model.transformer.normalization.epsilon=1.0e-05", "model.base_model.transformer.rotary.type=llama3",
        "model.base_model.transformer.rotary.theta=500000.0", "model.base_model.transformer.rotary.scale_factor=8.0",
        "model.base_model.transformer.rotary.low_frequency_factor=1.0", "model.base_model.transformer.rotary.high_frequency_factor=4.0",
        "model.base_model.transformer.rotary.original_context_length=8192", "model.base_model.vocab_size=128256",
        "model.base_model.tie_word_embeddings=false", "model.base_model.use_position_embeddings=false",
        "model.base_model.transformer.num_experts=1",
    ];

    // The architecture a Qwen2 7B checkpoint gives (Fast-LLM's qwen2 converter).
    private static readonly string[] s_qwen2 =
    [
        "model.base_model.transformer.num_layers=28", "model.base_model.transformer.hidden_size=3584",
        "model.base_model.transformer.num_attention_heads=28", "model.base_model.transformer.head_groups=4",
        "model.base_model.transformer.ffn_hidden_size=18944", "model.base_model.transformer.kv_channels=128",
        "model.base_model.transformer.gated=true", "model.base_model.transformer.activation_type=silu",
        "model.base_model.transformer.add_linear_biases=only_attn_qkv", "model.base_model.transformer.normalization.type=rms_norm",
        "model.base_model.transformer.normalization.epsilon=1.0e-06", "model.base_model.transformer.rotary.type=default",
        "model.base_model.transformer.rotary.theta=1000000.0", "model.base_model.vocab_size=152064",
        "model.base_model.tie_word_embeddings=false", "model.base_model.use_position_embeddings=false",
    ];

    // The long pretraining run of the quick start and the recipes: what they share.
    private static readonly string[] s_longRun =
    [
        "training.train_iters=100000", "training.logs.interval=10", "training.evaluations.validation.iterations=25",
        "training.evaluations.validation.interval=1000", "training.checkpoint.interval=1000", "training.checkpoint.keep=5",
        "training.test_iters=0", "training.export.interval=20000", "optimizer.weight_decay=0.1", "optimizer.beta_1=0.9",
        "optimizer.beta_2=0.95", "optimizer.learning_rate.decay_style=cosine", "optimizer.learning_rate.decay_iterations=100000",
        "optimizer.learning_rate.warmup_iterations=2000", "model.base_model.cross_entropy_impl=fused",
        "model.multi_stage.zero_stage=2", "model.multi_stage.num_grad_buffers=2", "model.distributed.training_dtype=bfloat16",
       
    ];

    /// <summary>
    /// The blocks: file, the checkpoint fixture and the place the block's <c>pretrained.path</c> names (or none), the effective values, and
    /// DESIGN §7's differences that apply to it (the values they concern are left out of the table or named).
    /// </summary>
    public static TheoryData<string, string?, string[], string> Blocks() => new()
    {
        {
            "quick-start-6.yaml", "llama-3.1-8b:fast-llm-tutorial/pretrained-model",
            [
                .. s_llama31, "training.train_iters=100", "training.logs.interval=10", "training.evaluations.validation.iterations=25",
                "training.evaluations.validation.interval=100", "training.export.format=llama", "training.export.interval=100",
                "training.wandb.project_name=fast-llm-tutorial", "training.wandb.group_name=Small", "training.wandb.entity_name=null",
                "batch.micro_batch_size=60", "batch.sequence_length=1024", "batch.batch_size=480", "batch.sequential_micro_batches=8",
                "batch.depth_first_micro_batches=8", "batch.breadth_first_micro_batches=1",
                "data.datasets.training.path=fast-llm-tutorial/dataset/fast_llm_config_training.yaml",
                "data.datasets.validation.path=fast-llm-tutorial/dataset/fast_llm_config_validation.yaml",
                "optimizer.learning_rate.base=0.0006", "pretrained.format=llama", "pretrained.path=fast-llm-tutorial/pretrained-model",
                "pretrained.model_weights=false", "model.base_model.transformer.use_flash_attention=true",
                "model.distributed.training_dtype=bfloat16", "run.experiment_dir=fast-llm-tutorial/experiment",
            ],
            "§7.8 and §7.10: load_config defaults to model, so the checkpoint's non-architecture values (initializer_range, attention_dropout, max_position_embeddings) are loaded too"
        },
        {
            "quick-start-7.yaml", "llama-3.1-8b:fast-llm-tutorial/pretrained-model",
            [
                .. s_llama31, .. s_longRun, "training.export.format=llama", "training.wandb.group_name=Big", "batch.micro_batch_size=2",
                "batch.sequence_length=4096", "batch.batch_size=512", "batch.sequential_micro_batches=256", "batch.depth_first_micro_batches=256",
                "optimizer.learning_rate.base=0.0006", "optimizer.learning_rate.minimum=6.0e-05", "pretrained.model_weights=true",
                "model.base_model.transformer.use_flash_attention=true", "run.experiment_dir=fast-llm-tutorial/experiment",
            ],
            "§7.8 and §7.10 (as quick-start-6)"
        },
        {
            "continue-training-1.yaml", "llama-3.1-8b:fast-llm-tutorial/pretrained-model",
            [
                .. s_llama31, .. s_longRun, "training.export.format=llama", "batch.micro_batch_size=2", "batch.sequence_length=4096",
                "batch.batch_size=256", "batch.sequential_micro_batches=128", "optimizer.learning_rate.base=0.0001",
                "optimizer.learning_rate.minimum=1.0e-05", "pretrained.format=llama", "pretrained.model_weights=true",
                "run.experiment_dir=fast-llm-tutorial/Llama-3.1-8B-cpt",
            ],
            "§7.8 and §7.10 (as quick-start-6)"
        },
        {
            "data-configuration-1.yaml", null,
            [
                "data.datasets.training.path=fast-llm-tutorial/dataset/fast_llm_config_training.yaml",
                "data.datasets.validation.path=fast-llm-tutorial/dataset/fast_llm_config_validation.yaml",
            ],
            "none"
        },
        {
            "data-configuration-2.yaml", null,
            [
                "data.datasets.training.datasets[0].path=path/to/dataset_0.yaml",
                "data.datasets.training.datasets[1].path=path/to/dataset_1.yaml", "data.datasets.training.datasets[2].path=path/to/dataset_2.yaml",
                "data.datasets.training.weights=[0.7, 0.25, 0.05]",
            ],
            "§7.11: the weights stay as written (they already sum to 1, so 0.2's normalized ones are the same numbers)"
        },
        {
            "data-configuration-3.yaml", null,
            ["data.datasets.training.path=path/to/dataset.yaml", "data.sampling.shuffle=skip_first_epoch"],
            "none"
        },
        {
            "data-configuration-4.yaml", null,
            [
                "data.datasets.training.path=path/to/training_dataset.yaml",
                "data.datasets.validation.dataset.path=path/to/validation_dataset.yaml", "data.datasets.validation.sampling.shuffle=disabled",
            ],
            "none"
        },
        {
            "data-configuration-6.yaml", null,
            [
                "training.evaluations.the_stack.iterations=25", "training.evaluations.the_stack.interval=50",
                "training.evaluations.fineweb.iterations=25", "training.evaluations.fineweb.interval=100",
                "data.datasets.the_stack.path=path/to/validation_the_stack_dataset.yaml",
                "data.datasets.fineweb.path=path/to/validation_fineweb_dataset.yaml",
            ],
            "none"
        },
        {
            "data-configuration-8.yaml", null,
            [
                "data.datasets.training.path=path/to/training_dataset_config.yaml", "data.datasets.validation.path=path/to/validation_dataset_config.yaml",
                "data.sampling.shuffle=skip_first_epoch",
            ],
            "none"
        },
        {
            "instruction-finetuning-2.yaml", "llama-3.1-8b:sft-tutorial/Llama-3.1-8B",
            [
                .. s_llama31, "training.train_iters=5000", "training.logs.interval=1", "training.evaluations.validation.iterations=25",
                "training.evaluations.validation.interval=1000", "training.checkpoint.interval=1000", "training.checkpoint.keep=5",
                "training.test_iters=0", "training.export.format=llama", "training.export.interval=1000", "batch.micro_batch_size=1",
                "batch.sequence_length=4096", "batch.batch_size=32", "batch.sequential_micro_batches=32", "batch.cross_document_attention=false",
                "batch.use_loss_masking_spans=true", "data.truncate_documents=false",
                "data.datasets.training.path=sft-tutorial/tokenized/Llama-3.1-8B/fast_llm_config_training.yaml",
                "data.datasets.validation.path=sft-tutorial/tokenized/Llama-3.1-8B/fast_llm_config_validation.yaml",
                "optimizer.weight_decay=0.1", "optimizer.learning_rate.base=2.0e-05", "optimizer.learning_rate.minimum=0.0",
                "optimizer.learning_rate.decay_style=cosine", "optimizer.learning_rate.decay_iterations=4900",
                "optimizer.learning_rate.warmup_iterations=100", "pretrained.path=sft-tutorial/Llama-3.1-8B", "pretrained.model_weights=true",
                "model.base_model.transformer.use_flash_attention=true", "model.base_model.cross_entropy_impl=fused",
                "model.multi_stage.zero_stage=3", "model.distributed.timeout=3600.0", "model.distributed.training_dtype=bfloat16",
                "run.experiment_dir=sft-tutorial/llama-3.1-8b-instruct-magpie",
            ],
            "§7.6: data.sampling.use_loss_masking_spans is read as its new name batch.use_loss_masking_spans (a warning); §7.8 and §7.10 (as quick-start-6)"
        },
        {
            "train-1.yaml", null,
            [
                .. s_longRun, "training.export.format=llama", "batch.micro_batch_size=2", "batch.sequence_length=4096", "batch.batch_size=256",
                "batch.sequential_micro_batches=128", "optimizer.learning_rate.base=0.0006", "optimizer.learning_rate.minimum=6.0e-05",
                "model.base_model.transformer.ffn_hidden_size=4096", "model.base_model.transformer.kv_channels=128",
                "run.experiment_dir=fast-llm-tutorial/experiment",
            ],
            "none"
        },
        {
            "train-2.yaml", null,
            [
                .. s_longRun, "training.export.format=qwen2", "batch.micro_batch_size=1", "batch.sequence_length=8192", "batch.batch_size=256",
                "batch.sequential_micro_batches=256", "optimizer.learning_rate.base=0.0006", "optimizer.learning_rate.minimum=6.0e-05",
            ],
            "none"
        },
        {
            "train-3.yaml", "llama-3.1-8b:fast-llm-tutorial/pretrained_model",
            [.. s_llama31, "pretrained.format=llama", "pretrained.path=fast-llm-tutorial/pretrained_model", "pretrained.model_weights=false"],
            "§7.2: the legacy datasets generated for a config without data.datasets are implicit; §7.8 and §7.10 (as quick-start-6)"
        },
        {
            "train-4.yaml", "qwen2-7b:fast-llm-tutorial/pretrained_model",
            [.. s_qwen2, "pretrained.format=qwen2", "pretrained.path=fast-llm-tutorial/pretrained_model", "pretrained.model_weights=false"],
            "§7.2 (as train-3); §7.8 and §7.10 (as quick-start-6)"
        },
        {
            "train-5.yaml", null,
            [.. s_llama31],
            "§7.2 (as train-3)"
        },
        {
            "train-6.yaml", null,
            [.. s_qwen2],
            "§7.2 (as train-3)"
        },
        {
            "mistral.yaml", null,
            [
                "training.train_iters=100", "training.num_workers=8", "training.logs.interval=10", "training.evaluations.validation.iterations=null",
                "training.test_iters=0", "batch.sequence_length=4096", "batch.micro_batch_size=2", "batch.batch_size=64",
                "batch.sequential_micro_batches=32", "optimizer.learning_rate.base=1.0e-05",
                "optimizer.learning_rate.decay_style=constant", "optimizer.learning_rate.warmup_iterations=0", "optimizer.weight_decay=0.1",
                "model.base_model.transformer.normalization.type=rms_norm", "model.base_model.transformer.normalization.epsilon=1.0e-05",
                "model.base_model.transformer.rotary.type=default", "model.base_model.transformer.rotary.theta=10000.0",
                "model.base_model.transformer.num_layers=32", "model.base_model.transformer.hidden_size=4096",
                "model.base_model.transformer.ffn_hidden_size=14336", "model.base_model.transformer.num_attention_heads=32",
                "model.base_model.transformer.head_groups=8", "model.base_model.transformer.add_linear_biases=false",
                "model.base_model.transformer.gated=true", "model.base_model.transformer.activation_type=silu",
                "model.base_model.transformer.kv_channels=128", "model.base_model.transformer.window_size=4096",
                "model.base_model.transformer.init_method_std=0.009021", "model.base_model.transformer.attention_dropout=0.0",
                "model.base_model.transformer.hidden_dropout=0.0", "model.base_model.vocab_size=32000",
                "model.base_model.tie_word_embeddings=false", "model.multi_stage.zero_stage=2", "model.distributed.training_dtype=bfloat16",
                "model.distributed.seed=984059", "run.experiment_dir=mistral_example",
            ],
            "none"
        },
    };

    [Theory]
    [MemberData(nameof(Blocks))]
    public void A_training_config_of_fast_llms_documentation_resolves_to_the_values_fast_llm_gives(string file, string? checkpoint, string[] expected, string differences)
    {
        Assert.NotEmpty(differences);
        var yaml = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "FastLlmDocs", file));
        using var directory = new TemporaryDirectory();
        if (checkpoint?.Split(':') is [var fixture, var place])
        {
            directory.Write(place, "config.json", File.ReadAllText(Path.Combine(Checkpoint.Fixture(fixture), "config.json")));
        }

        var resolved = new ConfigResolver<GPTTrainerConfig>(Checkpoint.Options(directory.Path)).AddYaml(yaml, file).Resolve();
        Assert.DoesNotContain(resolved.Diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var entry in resolved.Explain())
        {
            values[entry.Path] = entry.Value;
        }

        foreach (var row in expected)
        {
            var equals = row.IndexOf('=', StringComparison.Ordinal);
            var path = row[..equals];
            Assert.True(values.TryGetValue(path, out var value), file + ": no value at " + path);
            Assert.Equal(file + ": " + row, file + ": " + path + "=" + value);
        }
    }
}
