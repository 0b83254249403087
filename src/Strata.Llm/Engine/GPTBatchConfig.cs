namespace Strata.Llm.Engine;

/// <summary>
/// The batch of one training step and how it is split into micro-batches. The sizes that are not set are derived from the
/// ones that are and from the data parallelism of the model's distributed config (given by the trainer).
/// </summary>
[Config]
public sealed partial class GPTBatchConfig
{
    private DistributedConfig? _distributed;
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
    [Field(FieldHint.Core), GreaterThan(0)]
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
    public int NumInputs => SequentialMicroBatches * MicroBatchSplits;

    /// <summary>The distributed config the sizes are derived from (the model's, given by the trainer), or <see langword="null"/>.</summary>
    internal DistributedConfig? Distributed => _distributed;

    /// <summary>Gives this config the distributed config of the model it batches for.</summary>
    /// <param name="distributed">The model's distributed config.</param>
    internal void SetDistributed(DistributedConfig distributed) => _distributed = distributed;

    partial void Derive(DeriveContext context)
    {
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

    private void DeriveSizes(DeriveContext context)
    {
        // Without a distributed config (a batch config resolved on its own) the run is a single process.
        var batchDataParallel = _distributed?.BatchDataParallel ?? 1;
        var pipelineParallel = _distributed?.PipelineParallel ?? 1;
        if (batchDataParallel <= 0)
        {
            // The distributed config is invalid and reports it.
            _derivationFailed = true;
            return;
        }

        var batchSet = IsSet(nameof(BatchSize));
        var microSet = IsSet(nameof(MicroBatchSize));
        if (batchSet && microSet)
        {
            if (!IsSet(nameof(SequentialMicroBatches)))
            {
                if (Divide(context, BatchSize, MicroBatchSize * batchDataParallel, "batch_size", "micro_batch_size × batch_data_parallel") is not { } sequential)
                {
                    return;
                }

                SequentialMicroBatches = sequential;
            }

            SplitSequential(context, pipelineParallel);
            return;
        }

        if (IsSet(nameof(SequentialMicroBatches)))
        {
            SplitSequential(context, pipelineParallel);
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

            SequentialMicroBatches = DepthFirstMicroBatches * BreadthFirstMicroBatches;
        }

        if (!batchSet)
        {
            if (!microSet)
            {
                MicroBatchSize = 1;
            }

            BatchSize = MicroBatchSize * SequentialMicroBatches * batchDataParallel;
        }
        else if (Divide(context, BatchSize, SequentialMicroBatches * batchDataParallel, "batch_size", "sequential_micro_batches × batch_data_parallel") is { } micro)
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
        if (SequentialMicroBatches != DepthFirstMicroBatches * BreadthFirstMicroBatches)
        {
            scope.Error(nameof(SequentialMicroBatches), Invariant($"must equal depth_first_micro_batches × breadth_first_micro_batches ({DepthFirstMicroBatches} × {BreadthFirstMicroBatches}), got {SequentialMicroBatches}"));
        }

        if (BatchSize != MicroBatchSize * SequentialMicroBatches * batchDataParallel)
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
        }
    }

    /// <summary>Derives the depth-first and breadth-first counts that are not set from the sequential count.</summary>
    private void SplitSequential(DeriveContext context, int pipelineParallel)
    {
        var depthSet = IsSet(nameof(DepthFirstMicroBatches));
        var breadthSet = IsSet(nameof(BreadthFirstMicroBatches));
        if (!depthSet && !breadthSet)
        {
            // With pipeline parallelism, micro-batches are interleaved in the pipeline; otherwise they run one after the other.
            DepthFirstMicroBatches = pipelineParallel > 1 ? 1 : SequentialMicroBatches;
            BreadthFirstMicroBatches = pipelineParallel > 1 ? SequentialMicroBatches : 1;
        }
        else if (!depthSet)
        {
            if (Divide(context, SequentialMicroBatches, BreadthFirstMicroBatches, "sequential_micro_batches", "breadth_first_micro_batches") is { } depth)
            {
                DepthFirstMicroBatches = depth;
            }
        }
        else if (!breadthSet
            && Divide(context, SequentialMicroBatches, DepthFirstMicroBatches, "sequential_micro_batches", "depth_first_micro_batches") is { } breadth)
        {
            BreadthFirstMicroBatches = breadth;
        }
    }

    /// <summary>An exact division, or a failure naming both sides.</summary>
    private int? Divide(DeriveContext context, int dividend, int divisor, string dividendName, string divisorName)
    {
        if (divisor > 0 && dividend % divisor == 0)
        {
            return dividend / divisor;
        }

        _derivationFailed = true;
        if (divisor > 0)
        {
            context.Fail(Invariant($"{dividendName} ({dividend}) must be a multiple of {divisorName} ({divisor})"));
        }

        return null;
    }

    private static string Invariant(FormattableString message) => FormattableString.Invariant(message);
}
