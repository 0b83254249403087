namespace Strata.Llm.Engine;

/// <summary>How the work of one step is scheduled: overlap of communication and computation, CPU throttling, debugging.</summary>
[Config]
public sealed partial class ScheduleConfig
{
    /// <summary>Whether pipeline communication overlaps with computation.</summary>
    [Field(FieldHint.Testing)]
    public partial bool PipelineOverlap { get; set; } = true;

    /// <summary>Whether data-parallel communication overlaps with computation.</summary>
    [Field(FieldHint.Testing)]
    public partial bool DataOverlap { get; set; } = true;

    /// <summary>A warning is logged when loading a batch takes longer than this, in milliseconds.</summary>
    [Field(FieldHint.Optional), GreaterThan(0), Finite]
    public partial double DataBatchWarnTimeMs { get; set; } = 1000.0;

    /// <summary>Whether the CPU is made to wait for the GPU now and then, so that it does not queue too much work.</summary>
    [Field(FieldHint.Expert)]
    public partial bool ThrottleCpu { get; set; } = true;

    /// <summary>How often the CPU waits for the GPU, in steps of the schedule.</summary>
    [Field(FieldHint.Expert), GreaterThan(0)]
    public partial int ThrottleCpuRate { get; set; } = 1;

    /// <summary>How far behind the CPU the GPU may be before the CPU waits, in steps of the schedule.</summary>
    [Field(FieldHint.Expert), Min(0)]
    public partial int ThrottleCpuDelay { get; set; } = 1;

    /// <summary>Whether the schedule is logged.</summary>
    [Field(FieldHint.Logging)]
    public partial bool DebugSchedule { get; set; }

    /// <summary>Whether pipeline sends and receives are logged.</summary>
    [Field(FieldHint.Logging)]
    public partial bool DebugSendRecv { get; set; }

    /// <summary>Whether the schedule is profiled.</summary>
    [Field(FieldHint.Logging)]
    public partial bool ProfileSchedule { get; set; }

    /// <summary>Whether the critical batch size is estimated; no longer supported, must be false.</summary>
    [Field(FieldHint.Deprecated)]
    public partial bool EstimateCriticalBatch { get; set; }

    /// <summary>Whether the optimizer step is skipped (for tests).</summary>
    [Field(FieldHint.Testing)]
    public partial bool SkipStep { get; set; }

    partial void Validate(ValidationScope scope)
    {
        scope.Require(!EstimateCriticalBatch, nameof(EstimateCriticalBatch), "is no longer supported and must be false");
    }
}
