using System.Globalization;
using System.Numerics;
using Strata.Llm.Models;

namespace Strata.Llm.Engine;

/// <summary>
/// The processes of a run and how the model and the data are split across them. The world size, rank and local world
/// size come from the launcher's environment (<c>WORLD_SIZE</c>, <c>RANK</c>, <c>LOCAL_WORLD_SIZE</c>) unless set; they
/// are implicit, so a saved config never carries them and a checkpoint never overrides the machine it is loaded on.
/// </summary>
[Config]
[RenamedFrom("distributed_timeout", "timeout")]
[RemovedKey("sequence_first", Reason = "the layout is chosen by the model")]
[RemovedKey("separate_init_generators", Reason = "initialisation always uses its own generators")]
public sealed partial class DistributedConfig
{
    // Parsed once: the defaults of the seed shifts need more than 64 bits.
    private static readonly BigInteger s_defaultDpSeedShift = BigInteger.Parse("317767863445754100075399033823", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultPpSeedShift = BigInteger.Parse("811026271858507938190098775099", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultPpGenSeedShift = BigInteger.Parse("500460795349110443334056239993", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultPpGenInitSeedShift = BigInteger.Parse("631112027069964424381239824623", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultTpSeedShift = BigInteger.Parse("705275193289568515128435800471", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultTpGenSeedShift = BigInteger.Parse("278779420836085904093221202933", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultTpGenInitSeedShift = BigInteger.Parse("894750739684993243926471979237", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultSampleSeedShift = BigInteger.Parse("751127116949963770353413160199", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultTrainSeedShift = BigInteger.Parse("938219878163699459065752841447", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultValidSeedShift = BigInteger.Parse("683552447587140661489672773353", CultureInfo.InvariantCulture);
    private static readonly BigInteger s_defaultTestSeedShift = BigInteger.Parse("220111337975202516901860145957", CultureInfo.InvariantCulture);

    private DistributedConfig? _reference;

    /// <summary>The number of tensor-parallel ranks.</summary>
    [Field(FieldHint.Performance), GreaterThan(0)]
    public partial int TensorParallel { get; set; } = 1;

    /// <summary>The number of pipeline-parallel ranks.</summary>
    [Field(FieldHint.Performance), GreaterThan(0)]
    public partial int PipelineParallel { get; set; } = 1;

    /// <summary>The number of data-parallel ranks: <c>world_size / model_parallel</c>.</summary>
    /// <remarks>0 when the parallelism is invalid (the config's rules say why); the division is done in 64 bits.</remarks>
    [Derived]
    public int DataParallel => ModelParallelProduct > 0 ? (int)(WorldSize / ModelParallelProduct) : 0;

    /// <summary>The number of ranks that hold one copy of the model: <c>tensor_parallel × pipeline_parallel</c>.</summary>
    /// <remarks>
    /// A config whose product does not fit an int is invalid (the product is larger than any world size); reading it
    /// there throws <see cref="OverflowException"/>, never a wrapped value.
    /// </remarks>
    [Derived]
    public int ModelParallel => TensorParallel * PipelineParallel;

    /// <summary>The number of nodes: <c>world_size / local_world_size</c>.</summary>
    [Derived]
    public int NumNodes => LocalWorldSize > 0 ? WorldSize / LocalWorldSize : 0;

    /// <summary>Whether the sequence is also split across the tensor-parallel ranks; always false without tensor parallelism.</summary>
    [Field(FieldHint.Performance)]
    public partial bool SequenceTensorParallel { get; set; }

    /// <summary>The number of data-parallel ranks that split one sequence; divides <c>data_parallel</c>.</summary>
    [Field(FieldHint.Performance), GreaterThan(0)]
    public partial int SequenceDataParallel { get; set; } = 1;

    /// <summary>The number of data-parallel ranks that process different samples: <c>data_parallel / sequence_data_parallel</c>.</summary>
    [Derived]
    public int BatchDataParallel => SequenceDataParallel > 0 ? DataParallel / SequenceDataParallel : 0;

    /// <summary>The number of processes; from <c>WORLD_SIZE</c>, else 1.</summary>
    [Field(FieldHint.Expert), GreaterThan(0), EnvironmentVariable("WORLD_SIZE")]
    public partial int WorldSize { get; set; } = 1;

    /// <summary>The rank of this process; from <c>RANK</c>, else 0.</summary>
    [Field(FieldHint.Expert, RankLocal = true), Min(0), EnvironmentVariable("RANK")]
    public partial int Rank { get; set; }

    /// <summary>The data-parallel rank of this process.</summary>
    [Derived]
    public int DataRank => DataParallel <= 0 || PipelineParallel <= 0 || TensorParallel <= 0
        ? 0
        : PipelineFirst ? Rank / TensorParallel / PipelineParallel : Rank / TensorParallel % DataParallel;

    /// <summary>The pipeline-parallel rank of this process.</summary>
    [Derived]
    public int PipelineRank => DataParallel <= 0 || PipelineParallel <= 0 || TensorParallel <= 0
        ? 0
        : PipelineFirst ? Rank / TensorParallel % PipelineParallel : Rank / TensorParallel / DataParallel;

    /// <summary>The tensor-parallel rank of this process.</summary>
    [Derived]
    public int TensorRank => TensorParallel > 0 ? Rank % TensorParallel : 0;

    /// <summary>The rank of this process among the ranks that split one sequence.</summary>
    [Derived]
    public int SequenceDataRank => SequenceDataParallel > 0 ? DataRank % SequenceDataParallel : 0;

    /// <summary>The rank of this process among the ranks that process different samples.</summary>
    [Derived]
    public int BatchDataRank => SequenceDataParallel > 0 ? DataRank / SequenceDataParallel : 0;

    /// <summary>The rank of this process on its node.</summary>
    [Derived]
    public int LocalRank => LocalWorldSize > 0 ? Rank % LocalWorldSize : 0;

    /// <summary>The number of processes per node; from <c>LOCAL_WORLD_SIZE</c>, else 1. A multiple of <c>tensor_parallel</c>.</summary>
    [Field(FieldHint.Expert), GreaterThan(0), EnvironmentVariable("LOCAL_WORLD_SIZE")]
    public partial int LocalWorldSize { get; set; } = 1;

    /// <summary>Whether consecutive ranks (after tensor parallelism) are pipeline stages rather than data-parallel copies.</summary>
    [Field(FieldHint.Expert)]
    public partial bool PipelineFirst { get; set; }

    /// <summary>The timeout of collective operations, in seconds.</summary>
    [Field(FieldHint.Optional), GreaterThan(0), Finite]
    public partial double Timeout { get; set; } = 60.0;

    /// <summary>The base random seed.</summary>
    [Field(FieldHint.Optional)]
    public partial long Seed { get; set; } = 1234;

    /// <summary>The data type of the weights and activations in the forward and backward passes.</summary>
    [Field(FieldHint.Core)]
    public partial DataType TrainingDtype { get; set; } = DataType.Float32;

    /// <summary>The data type of the optimizer state and the main copy of the weights.</summary>
    [Field(FieldHint.Expert)]
    public partial DataType OptimizationDtype { get; set; } = DataType.Float32;

    /// <summary>The seed shift between data-parallel ranks.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger DpSeedShift { get; set; } = s_defaultDpSeedShift;

    /// <summary>The seed shift between pipeline-parallel ranks.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger PpSeedShift { get; set; } = s_defaultPpSeedShift;

    /// <summary>The seed shift of the pipeline-parallel generators.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger PpGenSeedShift { get; set; } = s_defaultPpGenSeedShift;

    /// <summary>The seed shift of the pipeline-parallel initialisation generators.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger PpGenInitSeedShift { get; set; } = s_defaultPpGenInitSeedShift;

    /// <summary>The seed shift between tensor-parallel ranks.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger TpSeedShift { get; set; } = s_defaultTpSeedShift;

    /// <summary>The seed shift of the tensor-parallel generators.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger TpGenSeedShift { get; set; } = s_defaultTpGenSeedShift;

    /// <summary>The seed shift of the tensor-parallel initialisation generators.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger TpGenInitSeedShift { get; set; } = s_defaultTpGenInitSeedShift;

    /// <summary>The seed shift of data sampling.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger SampleSeedShift { get; set; } = s_defaultSampleSeedShift;

    /// <summary>The seed shift of the training phase.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger TrainSeedShift { get; set; } = s_defaultTrainSeedShift;

    /// <summary>The seed shift of the validation phase.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger ValidSeedShift { get; set; } = s_defaultValidSeedShift;

    /// <summary>The seed shift of the test phase.</summary>
    [Field(FieldHint.Optional)]
    public partial BigInteger TestSeedShift { get; set; } = s_defaultTestSeedShift;

    /// <summary>Whether weights are initialised the same way whatever the parallelism (slower).</summary>
    [Field(FieldHint.Testing)]
    public partial bool ReproducibleInit { get; set; }

    /// <summary>
    /// <c>tensor_parallel × pipeline_parallel</c> in 64 bits, which cannot overflow: the derived values and the rules
    /// read it, so that a product past the int range makes the config invalid instead of wrapping to a divisor of the
    /// world size.
    /// </summary>
    private long ModelParallelProduct => (long)TensorParallel * PipelineParallel;

    /// <summary>
    /// The distributed config of the main model when this one belongs to a reference model of a trainer (it then takes
    /// every setting of the main one); otherwise <see langword="null"/>. Not a field: it is never read from or written to a config.
    /// </summary>
    public DistributedConfig? ReferenceConfig => _reference;

    /// <summary>Makes this config follow the main model's distributed config (a reference model of a trainer).</summary>
    /// <param name="main">The main model's distributed config.</param>
    internal void ShareFrom(DistributedConfig main) => _reference = ReferenceEquals(main, this) ? null : main;

    /// <summary>
    /// Sets the seed shifts that reproduce Megatron-LM's initialisation, where no one set them, when the model uses it.
    /// The flag is read before each assignment, so that each value records it as its input (explain's derived from).
    /// </summary>
    /// <param name="model">The base model whose <c>use_megatron_initialization</c> decides.</param>
    internal void UseMegatronSeedShifts(GPTBaseModelConfig model)
    {
        void Megatron(string propertyName, Action assign)
        {
            if (model.UseMegatronInitialization)
            {
                SetIfUnset(propertyName, assign);
            }
        }

        Megatron(nameof(DpSeedShift), () => DpSeedShift = BigInteger.Zero);
        Megatron(nameof(PpSeedShift), () => PpSeedShift = new BigInteger(100));
        Megatron(nameof(PpGenInitSeedShift), () => PpGenInitSeedShift = BigInteger.Zero);
        Megatron(nameof(TpSeedShift), () => TpSeedShift = BigInteger.One);
        Megatron(nameof(TpGenInitSeedShift), () => TpGenInitSeedShift = new BigInteger(2718));
        Megatron(nameof(ReproducibleInit), () => ReproducibleInit = false);
    }

    partial void Derive(DeriveContext context)
    {
        if (_reference is not null)
        {
            CopyUnsetFrom(_reference);
        }

        if (TensorParallel == 1 && SequenceTensorParallel)
        {
            context.Override(this, nameof(SequenceTensorParallel), "sequence_tensor_parallel needs tensor_parallel > 1");
            SequenceTensorParallel = false;
        }

        // LOCAL_RANK is read as WORLD_SIZE and RANK are: a decimal integer, else one error at env LOCAL_RANK.
        if (context.GetEnvironmentInteger("LOCAL_RANK") is { } localRank && LocalWorldSize > 0 && localRank != LocalRank)
        {
            context.Fail(Invariant($"LOCAL_RANK ({localRank}) disagrees with rank % local_world_size ({Rank} % {LocalWorldSize} = {LocalRank})"));
        }
    }

    partial void Validate(ValidationScope scope)
    {
        if (TensorParallel > 0 && PipelineParallel > 0)
        {
            if (WorldSize % ModelParallelProduct != 0)
            {
                scope.Error(nameof(WorldSize), Invariant($"must be a multiple of tensor_parallel × pipeline_parallel ({TensorParallel} × {PipelineParallel} = {ModelParallelProduct}), got {WorldSize}"));
            }
        }

        if (LocalWorldSize > 0)
        {
            if (WorldSize % LocalWorldSize != 0)
            {
                scope.Error(nameof(WorldSize), Invariant($"must be a multiple of local_world_size ({LocalWorldSize}), got {WorldSize}"));
            }
        }

        if (TensorParallel > 0)
        {
            if (LocalWorldSize % TensorParallel != 0)
            {
                scope.Error(nameof(LocalWorldSize), Invariant($"must be a multiple of tensor_parallel ({TensorParallel}), got {LocalWorldSize}"));
            }
        }

        if (SequenceDataParallel > 0 && DataParallel > 0)
        {
            if (DataParallel % SequenceDataParallel != 0)
            {
                scope.Error(nameof(SequenceDataParallel), Invariant($"must divide data_parallel ({DataParallel}), got {SequenceDataParallel}"));
            }
        }

        if (Rank >= WorldSize)
        {
            scope.Error(nameof(Rank), Invariant($"must be < world_size ({WorldSize}), got {Rank}"));
        }

        if (_reference is not null)
        {
            foreach (var key in DifferencesFrom(_reference))
            {
                scope.Error(null, "a reference model runs on the processes of the main model: its distributed." + key + " must equal model.distributed." + key);
            }
        }
    }

    private void SetIfUnset(string propertyName, Action assign)
    {
        if (!IsSet(propertyName))
        {
            assign();
        }
    }

    private void CopyUnsetFrom(DistributedConfig main)
    {
        SetIfUnset(nameof(TensorParallel), () => TensorParallel = main.TensorParallel);
        SetIfUnset(nameof(PipelineParallel), () => PipelineParallel = main.PipelineParallel);
        SetIfUnset(nameof(SequenceTensorParallel), () => SequenceTensorParallel = main.SequenceTensorParallel);
        SetIfUnset(nameof(SequenceDataParallel), () => SequenceDataParallel = main.SequenceDataParallel);
        SetIfUnset(nameof(WorldSize), () => WorldSize = main.WorldSize);
        SetIfUnset(nameof(Rank), () => Rank = main.Rank);
        SetIfUnset(nameof(LocalWorldSize), () => LocalWorldSize = main.LocalWorldSize);
        SetIfUnset(nameof(PipelineFirst), () => PipelineFirst = main.PipelineFirst);
        SetIfUnset(nameof(Timeout), () => Timeout = main.Timeout);
        SetIfUnset(nameof(Seed), () => Seed = main.Seed);
        SetIfUnset(nameof(TrainingDtype), () => TrainingDtype = main.TrainingDtype);
        SetIfUnset(nameof(OptimizationDtype), () => OptimizationDtype = main.OptimizationDtype);
        SetIfUnset(nameof(DpSeedShift), () => DpSeedShift = main.DpSeedShift);
        SetIfUnset(nameof(PpSeedShift), () => PpSeedShift = main.PpSeedShift);
        SetIfUnset(nameof(PpGenSeedShift), () => PpGenSeedShift = main.PpGenSeedShift);
        SetIfUnset(nameof(PpGenInitSeedShift), () => PpGenInitSeedShift = main.PpGenInitSeedShift);
        SetIfUnset(nameof(TpSeedShift), () => TpSeedShift = main.TpSeedShift);
        SetIfUnset(nameof(TpGenSeedShift), () => TpGenSeedShift = main.TpGenSeedShift);
        SetIfUnset(nameof(TpGenInitSeedShift), () => TpGenInitSeedShift = main.TpGenInitSeedShift);
        SetIfUnset(nameof(SampleSeedShift), () => SampleSeedShift = main.SampleSeedShift);
        SetIfUnset(nameof(TrainSeedShift), () => TrainSeedShift = main.TrainSeedShift);
        SetIfUnset(nameof(ValidSeedShift), () => ValidSeedShift = main.ValidSeedShift);
        SetIfUnset(nameof(TestSeedShift), () => TestSeedShift = main.TestSeedShift);
        SetIfUnset(nameof(ReproducibleInit), () => ReproducibleInit = main.ReproducibleInit);
    }

    private List<string> DifferencesFrom(DistributedConfig main)
    {
        var keys = new List<string>();
        void Check(bool same, string key)
        {
            if (!same)
            {
                keys.Add(key);
            }
        }

        Check(TensorParallel == main.TensorParallel, "tensor_parallel");
        Check(PipelineParallel == main.PipelineParallel, "pipeline_parallel");
        Check(SequenceTensorParallel == main.SequenceTensorParallel, "sequence_tensor_parallel");
        Check(SequenceDataParallel == main.SequenceDataParallel, "sequence_data_parallel");
        Check(WorldSize == main.WorldSize, "world_size");
        Check(Rank == main.Rank, "rank");
        Check(LocalWorldSize == main.LocalWorldSize, "local_world_size");
        Check(PipelineFirst == main.PipelineFirst, "pipeline_first");
        Check(Timeout.Equals(main.Timeout), "timeout");
        Check(Seed == main.Seed, "seed");
        Check(TrainingDtype == main.TrainingDtype, "training_dtype");
        Check(OptimizationDtype == main.OptimizationDtype, "optimization_dtype");
        Check(DpSeedShift == main.DpSeedShift, "dp_seed_shift");
        Check(PpSeedShift == main.PpSeedShift, "pp_seed_shift");
        Check(PpGenSeedShift == main.PpGenSeedShift, "pp_gen_seed_shift");
        Check(PpGenInitSeedShift == main.PpGenInitSeedShift, "pp_gen_init_seed_shift");
        Check(TpSeedShift == main.TpSeedShift, "tp_seed_shift");
        Check(TpGenSeedShift == main.TpGenSeedShift, "tp_gen_seed_shift");
        Check(TpGenInitSeedShift == main.TpGenInitSeedShift, "tp_gen_init_seed_shift");
        Check(SampleSeedShift == main.SampleSeedShift, "sample_seed_shift");
        Check(TrainSeedShift == main.TrainSeedShift, "train_seed_shift");
        Check(ValidSeedShift == main.ValidSeedShift, "valid_seed_shift");
        Check(TestSeedShift == main.TestSeedShift, "test_seed_shift");
        Check(ReproducibleInit == main.ReproducibleInit, "reproducible_init");
        return keys;
    }

    private static string Invariant(FormattableString message) => FormattableString.Invariant(message);
}
