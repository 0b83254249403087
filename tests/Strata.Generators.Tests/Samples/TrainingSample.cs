// A sample of config classes that uses every feature of the generator. The test compiles it with the generator's
// output and requires zero errors and zero warnings (documentation included), then inspects the schemas it builds.
using System.Collections.Generic;
using System.Numerics;
using Strata;
using Strata.Schema;
using Strata.Tree;

namespace Sample.Training;

/// <summary>The numeric precision of a run.</summary>
public enum DataType
{
    /// <summary>32-bit floats.</summary>
    [EnumValue("float32", "fp32")]
    Float32,

    /// <summary>Brain floats.</summary>
    [EnumValue("bfloat16", "bf16", "bfloat")]
    BFloat16,

    /// <summary>Half floats, with the default YAML name.</summary>
    Fp16,
}

/// <summary>Reads integers that must be even, as an example of a custom value type.</summary>
public sealed class EvenIntValueType : ConfigValueType<int>
{
    /// <inheritdoc />
    public override string DisplayName => "even int";

    /// <inheritdoc />
    public override ValueShape Shape => ValueShape.Integer;

    /// <inheritdoc />
    public override bool TryRead(ConfigNode node, ValueReadContext context, out int value) => ValueTypes.Int32.TryRead(node, context, out value);

    /// <inheritdoc />
    public override ConfigNode Write(int value, ValueWriteContext context) => ValueTypes.Int32.Write(value, context);
}

/// <summary>The optimizer: <see cref="DataType"/> does not matter here, <c>lr</c> does.</summary>
[Config]
public sealed partial class OptimizerConfig
{
    /// <summary>The learning rate.</summary>
    [Field(FieldHint.Core, Name = "lr"), GreaterThan(0)]
    public partial double LearningRate { get; set; } = 1e-4;

    /// <summary>The first Adam beta.</summary>
    [Field(FieldHint.Optional), Range(0, 1)]
    public partial double Beta1 { get; set; } = 0.9;

    /// <summary>The second Adam beta.</summary>
    [Field(FieldHint.Optional), Range(0, 1)]
    public partial float Beta2 { get; set; } = 0.999f;

    /// <summary>The epsilon.</summary>
    [Field(FieldHint.Stability), Min(1e-12), LessThan(0.5)]
    public partial double Epsilon { get; set; } = 1e-8;
}

/// <summary>
/// A dataset, chosen by its <c>type</c> key.
/// </summary>
[Config]
[RemovedKey("legacy_seed", Reason = "the seed moved to the trainer")]
public abstract partial class DatasetConfig
{
    /// <summary>The sampling weight.</summary>
    [Field(FieldHint.Feature), Min(0)]
    public partial double Weight { get; set; } = 1;
}

/// <summary>A memory-mapped dataset.</summary>
[Config(TypeName = "memmap")]
public partial class MemmapDatasetConfig : DatasetConfig
{
    /// <summary>The path prefix of the dataset files.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath Path { get; set; } = new(".");

    /// <summary>The number of tokens, when known.</summary>
    [Field(FieldHint.Optional), Min(0)]
    public partial long? NumTokens { get; set; }
}

/// <summary>A memory-mapped dataset whose documents are shuffled.</summary>
[Config(TypeName = "shuffled_memmap")]
public sealed partial class ShuffledMemmapDatasetConfig : MemmapDatasetConfig
{
    /// <summary>The shuffling seed.</summary>
    [Field(FieldHint.Optional), MultipleOf(7)]
    public partial BigInteger Seed { get; set; } = 1234;
}

/// <summary>A mixture of datasets.</summary>
[Config(TypeName = "blended")]
public sealed partial class BlendedDatasetConfig : DatasetConfig
{
    /// <summary>The blended datasets, by name.</summary>
    [Field(FieldHint.Core), MinCount(1)]
    public partial IReadOnlyDictionary<string, DatasetConfig> Datasets { get; set; } = new Dictionary<string, DatasetConfig>();
}

/// <summary>Settings grouped in a static class, to exercise nested configs.</summary>
public static partial class Logging
{
    /// <summary>Where and how often to log.</summary>
    [Config]
    public sealed partial class LoggingConfig
    {
        /// <summary>The log interval in steps.</summary>
        [Field(FieldHint.Logging), GreaterThan(0)]
        public partial int Interval { get; set; } = 100;

        /// <summary>The W&amp;B API key.</summary>
        [Field(FieldHint.Logging, Secret = true), EnvironmentVariable("WANDB_API_KEY")]
        public partial string? ApiKey { get; set; }
    }
}

/// <summary>The training run; every kind of field is here.</summary>
[Config]
[RenamedFrom("num_steps", "train_iters", Converter = nameof(ConvertSteps))]
[RenamedFrom("data.seed", "seed")]
public sealed partial class TrainerConfig
{
    /// <summary>Whether to train at all.</summary>
    [Field(FieldHint.Core)]
    public partial bool Enabled { get; set; } = true;

    /// <summary>The number of training iterations.</summary>
    [Field(FieldHint.Core), Min(0), MultipleOf(10)]
    public partial int TrainIters { get; set; } = 1000;

    /// <summary>The number of tokens.</summary>
    [Field(FieldHint.Core), Range(0, 1e15)]
    public partial long Tokens { get; set; }

    /// <summary>The seed, which may need more than 64 bits.</summary>
    [Field(FieldHint.Optional), Min(-5)]
    public partial BigInteger Seed { get; set; }

    /// <summary>The gradient clipping threshold.</summary>
    [Field(FieldHint.Optional), Max(100)]
    public partial double ClipGrad { get; set; } = 1;

    /// <summary>The loss scale.</summary>
    [Field(FieldHint.Optional), GreaterThan(0.5)]
    public partial float LossScale { get; set; } = 1;

    /// <summary>The run name.</summary>
    [Field(FieldHint.Core), OneOf("a", "b", "c\"quoted\"")]
    public partial string Name { get; set; } = "a";

    /// <summary>The experiment directory.</summary>
    [Field(FieldHint.Core)]
    public partial ConfigPath ExperimentDirectory { get; set; } = new("runs");

    /// <summary>The training precision.</summary>
    [Field(FieldHint.Core, Architecture = true)]
    public partial DataType TrainingDtype { get; set; } = DataType.BFloat16;

    /// <summary>The precision of the optimizer state, if it differs.</summary>
    [Field(FieldHint.Optional)]
    public partial DataType? OptimizerDtype { get; set; }

    /// <summary>The number of warm-up steps, if any.</summary>
    [Field(FieldHint.Optional), Min(0), DerivedDefault("train_iters / 100")]
    public partial int? WarmupSteps { get; set; }

    /// <summary>The decay ratio.</summary>
    [Field(FieldHint.Optional), Range(0, 1)]
    public partial double? DecayRatio { get; set; }

    /// <summary>A description of the run.</summary>
    [Field(FieldHint.Optional), OneOf("short", "long")]
    public partial string? Comment { get; set; }

    /// <summary>The rank of this process.</summary>
    [Field(FieldHint.Setup, RankLocal = true), EnvironmentVariable("RANK"), Min(0)]
    public partial int Rank { get; set; }

    /// <summary>The evaluation steps.</summary>
    [Field(FieldHint.Feature), Min(1), MaxCount(8)]
    public partial IList<int> EvalSteps { get; set; } = new List<int>();

    /// <summary>Optional per-stage limits.</summary>
    [Field(FieldHint.Expert), Min(0)]
    public partial IList<int?> StageLimits { get; set; } = new List<int?>();

    /// <summary>The phases to run.</summary>
    [Field(FieldHint.Feature), OneOf("train", "validation", "test"), MinCount(1)]
    public partial IReadOnlyList<string> Phases { get; set; } = new List<string> { "train" };

    /// <summary>Optional tags.</summary>
    [Field(FieldHint.Optional), OneOf("x", "y")]
    public partial IReadOnlyList<string?> Tags { get; set; } = new List<string?>();

    /// <summary>The ranks that profile.</summary>
    [Field(FieldHint.Logging), Min(0)]
    public partial ISet<int> ProfileRanks { get; set; } = new HashSet<int>();

    /// <summary>The names of frozen layers.</summary>
    [Field(FieldHint.Expert)]
    public partial IReadOnlySet<string>? FrozenLayers { get; set; }

    /// <summary>Learning-rate multipliers by layer name.</summary>
    [Field(FieldHint.Expert), MaxCount(100)]
    public partial IDictionary<string, double> LrScales { get; set; } = new Dictionary<string, double>();

    /// <summary>Extra optimizers by name.</summary>
    [Field(FieldHint.Expert)]
    public partial IReadOnlyDictionary<string, OptimizerConfig>? ExtraOptimizers { get; set; }

    /// <summary>Stage names by index.</summary>
    [Field(FieldHint.Expert)]
    public partial IDictionary<int, string> StageNames { get; set; } = new Dictionary<int, string>();

    /// <summary>Token budgets by phase index.</summary>
    [Field(FieldHint.Expert)]
    public partial IReadOnlyDictionary<int, long?> Budgets { get; set; } = new Dictionary<int, long?>();

    /// <summary>A window of steps.</summary>
    [Field(FieldHint.Optional)]
    public partial (int Start, int End) Window { get; set; } = (0, 10);

    /// <summary>A labelled point.</summary>
    [Field(FieldHint.Testing)]
    public partial (string, double, bool)? Point { get; set; }

    /// <summary>The optimizer, created on first use.</summary>
    [Field(FieldHint.Core)]
    public partial OptimizerConfig Optimizer { get; set; }

    /// <summary>The logging settings.</summary>
    [Field(FieldHint.Logging)]
    public partial Logging.LoggingConfig Logging { get; set; } = new();

    /// <summary>A second optimizer, if any.</summary>
    [Field(FieldHint.Optional)]
    public partial OptimizerConfig? ShadowOptimizer { get; set; }

    /// <summary>The training dataset, chosen by <c>type</c>.</summary>
    [Field(FieldHint.Core)]
    public partial DatasetConfig? Dataset { get; set; }

    /// <summary>The evaluation datasets.</summary>
    [Field(FieldHint.Feature)]
    public partial IList<DatasetConfig> EvalDatasets { get; set; } = new List<DatasetConfig>();

    /// <summary>The micro-batch size, which must be even.</summary>
    [Field(FieldHint.Performance), ValueType(typeof(EvenIntValueType)), Min(2)]
    public partial int MicroBatchSize { get; set; } = 2;

    /// <summary>An internal knob with a private setter.</summary>
    [Field(FieldHint.Wip)]
    public partial int Internal { get; private set; }

    /// <summary>The number of tokens per step.</summary>
    [Derived]
    public long TokensPerStep => Tokens / (TrainIters == 0 ? 1 : TrainIters);

    /// <summary>The effective warm-up.</summary>
    [Derived(Name = "effective_warmup")]
    public int? EffectiveWarmup => WarmupSteps ?? TrainIters / 100;

    /// <summary>Not a field: computed without <c>[Derived]</c>.</summary>
    public bool HasDataset => Dataset is not null;

    private static ConfigNode? ConvertSteps(ConfigNode value) => value;

    partial void Prepare(PrepareContext context) => context.Info("preparing");

    partial void Derive()
    {
        if (!IsSet(nameof(WarmupSteps)))
        {
            WarmupSteps = TrainIters / 100;
        }
    }

    partial void Validate(ValidationScope scope) => scope.Require(TrainIters >= 0, nameof(TrainIters), "must not be negative");
}

/// <summary>A trainer with an extra field, derived from another config class.</summary>
[Config(TypeName = "extended")]
public sealed partial class ExtendedTrainerConfig : TrainerConfigBase
{
    /// <summary>The extra field.</summary>
    [Field(FieldHint.Feature)]
    public partial int Extra { get; set; } = 3;

    partial void Derive(DeriveContext context) => context.Info("deriving");
}

/// <summary>A base trainer, registered too.</summary>
[Config(TypeName = "base")]
public partial class TrainerConfigBase
{
    /// <summary>The base field.</summary>
    [Field(FieldHint.Core)]
    public partial int Steps { get; set; } = 1;

    private partial void Validate(ValidationScope scope);

    private partial void Validate(ValidationScope scope)
    {
        scope.Require(Steps > 0, nameof(Steps), "must be positive");
    }
}
