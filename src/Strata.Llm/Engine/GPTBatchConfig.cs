using Strata.Llm.Models;

namespace Strata.Llm.Engine;

/// <summary>
/// The batch of one training step and how it is split into micro-batches. The sizes that are not set are derived from the
/// ones that are and from the data parallelism of the model's distributed config (given by the trainer).
/// </summary>
[Config]
public sealed partial class GPTBatchConfig
{
    private DistributedConfig? _distributed;
    private GPTBaseModelConfig? _baseModel;
    private bool _derivationFailed;

    /// <summary>The number of samples in a micro-batch.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("1, or batch_size / (sequential_micro_batches × batch_data_parallel)")]
    public partial int MicroBatchSize { get; set; }

    /// <summary>The number of micro-batches that go through the whole pipeline one after the other.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("1, or from sequential_micro_batches")]
    public partial int DepthFirstMicroBatches { get; set; }

    /// <summary>The number of micro-batches that are interleaved in the pipeline.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("1, or from sequential_micro_batches")]
    public partial int BreadthFirstMicroBatches { get; set; }

    /// <summary>The number of micro-batches each data-parallel rank processes in a step: <c>depth_first × breadth_first</c>.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("depth_first × breadth_first, or batch_size / (micro_batch_size × batch_data_parallel)")]
    public partial int SequentialMicroBatches { get; set; }

    /// <summary>The number of samples in a step, over all data-parallel ranks.</summary>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("micro_batch_size × sequential_micro_batches × batch_data_parallel")]
    public partial int BatchSize { get; set; }

    /// <summary>The number of tokens in a sample.</summary>
    /// <remarks>
    /// An explicit null takes <c>model.base_model.max_position_embeddings</c> (of the model as merged with its pretrained
    /// checkpoint), as Fast-LLM does; it is saved as null.
    /// </remarks>
    [Field(FieldHint.Core), GreaterThan(0), DerivedDefault("2048; an explicit null takes model.base_model.max_position_embeddings (as merged with the pretrained checkpoint) and is saved as null")]
    public partial int SequenceLength { get; set; } = 2048;

    /// <summary>The number of tokens processed at once; divides <c>sequence_length</c>.</summary>
    [Field(FieldHint.Performance), GreaterThan(0), DerivedDefault("sequence_length")]
    public partial int MicroSequenceLength { get; set; }

    /// <summary>Whether tokens attend to the other documents packed in the same sample.</summary>
    [Field(FieldHint.Feature)]
    public partial bool CrossDocumentAttention { get; set; } = true;

    /// <summary>Whether loss-masking spans are read from the dataset.</summary>
    [Field(FieldHint.Feature)]
    public partial bool UseLossMaskingSpans { get; set; }

    /// <summary>The number of micro-sequences in a sample: <c>sequence_length / micro_sequence_length</c>.</summary>
    public int MicroBatchSplits => MicroSequenceLength > 0 ? SequenceLength / MicroSequenceLength : 0;

    /// <summary>The number of model inputs each data-parallel rank processes in a step: <c>sequential_micro_batches × micro_batch_splits</c>.</summary>
    /// <remarks>A config whose product does not fit an int is invalid; reading it there throws <see cref="OverflowException"/>, never a wrapped value.</remarks>
    public int NumInputs => SequentialMicroBatches * MicroBatchSplits;

    /// <summary>The distributed config the sizes are derived from (the model's, given by the trainer), or <see langword="null"/>.</summary>
    internal DistributedConfig? Distributed => _distributed;

    /// <summary>Gives this config the distributed config of the model it batches for.</summary>
    /// <param name="distributed">The model's distributed config.</param>
    internal void SetDistributed(DistributedConfig distributed) => _distributed = distributed;

    /// <summary>Gives this config the base model it batches for (after its pretrained merge): an explicit null <c>sequence_length</c> takes its <c>max_position_embeddings</c>.</summary>
    /// <param name="baseModel">The model's base model config.</param>
    internal void SetBaseModel(GPTBaseModelConfig baseModel) => _baseModel = baseModel;

    partial void Derive(DeriveContext context)
    {
        if (IsExplicit(nameof(SequenceLength)) && !IsSet(nameof(SequenceLength)))
        {
            // An explicit null asks for the derivation (R3): Fast-LLM's GPTTrainerConfig._validate sets it to the model's
            // max_position_embeddings. A batch config resolved without a model has nothing to take it from.
            // The failure is the only error about the field; the derivations below go on with the class default.
            if (_baseModel is null)
            {
                context.Fail(nameof(SequenceLength), "null takes model.base_model.max_position_embeddings, and this batch config has no model: set a number");
            }
            else
            {
                SequenceLength = _baseModel.MaxPositionEmbeddings;
            }
        }

        if (!IsSet(nameof(MicroSequenceLength)))
        {
            MicroSequenceLength = SequenceLength;
        }

        DeriveSizes(context);
        if (_derivationFailed)
        {
            // The failure is reported; the sizes it left at zero get 1 so that it is the only error.
            MicroBatchSize = Math.Max(MicroBatchSize, 1);
            DepthFirstMicroBatches = Math.Max(DepthFirstMicroBatches, 1);
            BreadthFirstMicroBatches = Math.Max(BreadthFirstMicroBatches, 1);
            SequentialMicroBatches = Math.Max(SequentialMicroBatches, 1);
            BatchSize = Math.Max(BatchSize, 1);
        }
    }

    /// <summary>
    /// Each size is derived from values read where they are used (not kept in locals across an
    /// assignment): each assignment's inputs are the values read since the previous one (explain's derived from).
    /// </summary>
    private void DeriveSizes(DeriveContext context)
    {
        var batchSet = IsSet(nameof(BatchSize));
        var microSet = IsSet(nameof(MicroBatchSize));
        if (batchSet && microSet)
        {
            if (!IsSet(nameof(SequentialMicroBatches)))
            {
                if (!HasValidDataParallel()
                    || Divide(context, nameof(SequentialMicroBatches), BatchSize, [MicroBatchSize, BatchDataParallel], "batch_size", "micro_batch_size × batch_data_parallel", nameof(BatchSize), nameof(MicroBatchSize)) is not { } sequential)
                {
                    return;
                }

                SequentialMicroBatches = sequential;
            }

            SplitSequential(context);
            return;
        }

        if (IsSet(nameof(SequentialMicroBatches)))
        {
            SplitSequential(context);
        }
        else
        {
            if (!IsSet(nameof(DepthFirstMicroBatches)))
            {
                DepthFirstMicroBatches = 1;
            }

            if (!IsSet(nameof(BreadthFirstMicroBatches)))
            {
                BreadthFirstMicroBatches = 1;
            }

            if (context.Product(
                nameof(SequentialMicroBatches),
                "depth_first_micro_batches × breadth_first_micro_batches",
                [DepthFirstMicroBatches, BreadthFirstMicroBatches],
                nameof(DepthFirstMicroBatches),
                nameof(BreadthFirstMicroBatches)) is not { } sequential)
            {
                _derivationFailed = true;
                return;
            }

            SequentialMicroBatches = sequential;
        }

        if (!batchSet && !microSet)
        {
            MicroBatchSize = 1;
        }

        if (!HasValidDataParallel())
        {
            return;
        }

        if (!batchSet)
        {
            if (context.Product(
                nameof(BatchSize),
                "micro_batch_size × sequential_micro_batches × batch_data_parallel",
                [MicroBatchSize, SequentialMicroBatches, BatchDataParallel],
                nameof(MicroBatchSize),
                nameof(SequentialMicroBatches),
                nameof(DepthFirstMicroBatches),
                nameof(BreadthFirstMicroBatches)) is { } batchSize)
            {
                BatchSize = batchSize;
            }
            else
            {
                _derivationFailed = true;
            }
        }
        else if (Divide(context, nameof(MicroBatchSize), BatchSize, [SequentialMicroBatches, BatchDataParallel], "batch_size", "sequential_micro_batches × batch_data_parallel", nameof(BatchSize), nameof(SequentialMicroBatches), nameof(DepthFirstMicroBatches), nameof(BreadthFirstMicroBatches)) is { } micro)
        {
            MicroBatchSize = micro;
        }
    }

    partial void Validate(ValidationScope scope)
    {
        if (_derivationFailed)
        {
            return;
        }

        var batchDataParallel = _distributed?.BatchDataParallel ?? 1;
        var pipelineParallel = _distributed?.PipelineParallel ?? 1;
        // The products are compared in 64 and 128 bits: a size that only equals the wrapped remainder of one is wrong.
        if (SequentialMicroBatches != (long)DepthFirstMicroBatches * BreadthFirstMicroBatches)
        {
            scope.Error(nameof(SequentialMicroBatches), Invariant($"must equal depth_first_micro_batches × breadth_first_micro_batches ({DepthFirstMicroBatches} × {BreadthFirstMicroBatches}), got {SequentialMicroBatches}"));
        }

        if (BatchSize != (Int128)MicroBatchSize * SequentialMicroBatches * batchDataParallel)
        {
            scope.Error(nameof(BatchSize), Invariant($"must equal micro_batch_size × sequential_micro_batches × batch_data_parallel ({MicroBatchSize} × {SequentialMicroBatches} × {batchDataParallel}), got {BatchSize}"));
        }

        if (pipelineParallel > 1)
        {
            if (DepthFirstMicroBatches != 1)
            {
                scope.Error(nameof(DepthFirstMicroBatches), Invariant($"must be 1 with pipeline parallelism (pipeline_parallel = {pipelineParallel}), got {DepthFirstMicroBatches}"));
            }
        }
        else if (DepthFirstMicroBatches > 1 && BreadthFirstMicroBatches > 1)
        {
            scope.Warning(
                nameof(BreadthFirstMicroBatches),
                "both depth-first and breadth-first micro-batches are greater than 1; breadth-first micro-batches are only useful with pipeline parallelism");
        }

        if (MicroSequenceLength > 0)
        {
            if (SequenceLength % MicroSequenceLength != 0)
            {
                scope.Error(nameof(MicroSequenceLength), Invariant($"must divide sequence_length ({SequenceLength}), got {MicroSequenceLength}"));
            }
            else if ((long)SequentialMicroBatches * MicroBatchSplits is > int.MaxValue and var inputs)
            {
                scope.Error(
                    nameof(MicroSequenceLength),
                    Invariant($"sequential_micro_batches × sequence_length / micro_sequence_length (num_inputs) must be <= {int.MaxValue}, got {SequentialMicroBatches} × {MicroBatchSplits} = {inputs}"));
            }
        }
    }

    /// <summary>Derives the depth-first and breadth-first counts that are not set from the sequential count.</summary>
    private void SplitSequential(DeriveContext context)
    {
        var depthSet = IsSet(nameof(DepthFirstMicroBatches));
        var breadthSet = IsSet(nameof(BreadthFirstMicroBatches));
        if (!depthSet && !breadthSet)
        {
            // With pipeline parallelism, micro-batches are interleaved in the pipeline; otherwise they run one after the other.
            DepthFirstMicroBatches = PipelineParallel > 1 ? 1 : SequentialMicroBatches;
            BreadthFirstMicroBatches = PipelineParallel > 1 ? SequentialMicroBatches : 1;
        }
        else if (!depthSet)
        {
            if (Divide(context, nameof(DepthFirstMicroBatches), SequentialMicroBatches, [BreadthFirstMicroBatches], "sequential_micro_batches", "breadth_first_micro_batches", nameof(SequentialMicroBatches), nameof(BreadthFirstMicroBatches)) is { } depth)
            {
                DepthFirstMicroBatches = depth;
            }
        }
        else if (!breadthSet
            && Divide(context, nameof(BreadthFirstMicroBatches), SequentialMicroBatches, [DepthFirstMicroBatches], "sequential_micro_batches", "depth_first_micro_batches", nameof(SequentialMicroBatches), nameof(DepthFirstMicroBatches)) is { } breadth)
        {
            BreadthFirstMicroBatches = breadth;
        }
    }

    /// <summary>The data parallelism of the model's distributed config; 1 without one (a batch config resolved on its own: one process).</summary>
    private int BatchDataParallel => _distributed?.BatchDataParallel ?? 1;

    /// <summary>The pipeline parallelism of the model's distributed config; 1 without one.</summary>
    private int PipelineParallel => _distributed?.PipelineParallel ?? 1;

    /// <summary>Whether the data parallelism can divide a batch; when not, the distributed config is invalid and reports it.</summary>
    private bool HasValidDataParallel()
    {
        if (BatchDataParallel > 0)
        {
            return true;
        }

        _derivationFailed = true;
        return false;
    }

    /// <summary>
    /// An exact division that derives <paramref name="propertyName"/>, or a failure at that field (placed at the first of
    /// <paramref name="inputs"/> a layer set) naming both sides. The
    /// divisor is the product of one or two ints, computed in 64 bits: one past the int range is larger than any
    /// dividend, not wrapped to a divisor of it.
    /// </summary>
    private int? Divide(DeriveContext context, string propertyName, int dividend, ReadOnlySpan<int> divisorFactors, string dividendName, string divisorName, params ReadOnlySpan<string> inputs)
    {
        var divisor = 1L;
        foreach (var factor in divisorFactors)
        {
            divisor *= factor;
        }

        if (divisor > 0 && dividend % divisor == 0)
        {
            return (int)(dividend / divisor);
        }

        _derivationFailed = true;

        // A divisor that is not positive comes from an input that breaks its own rule (> 0), reported as such.
        if (divisor > 0)
        {
            context.Fail(
                propertyName,
                Invariant($"{dividendName} ({dividend}) must be a multiple of {divisorName} ({(divisorFactors.Length == 2 ? Invariant($"{divisorFactors[0]} × {divisorFactors[1]} = ") : string.Empty)}{divisor})"),
                inputs);
        }

        return null;
    }

    private static string Invariant(FormattableString message) => FormattableString.Invariant(message);
}
