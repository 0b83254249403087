namespace Strata.Llm.Engine;

/// <summary>Optional profiling of CPU and CUDA operations with the PyTorch profiler.</summary>
[Config]
public sealed partial class ProfilingConfig
{
    /// <summary>Whether CPU operations are profiled.</summary>
    [Field(FieldHint.Feature)]
    public partial bool Cpu { get; set; }

    /// <summary>Whether CUDA operations are profiled.</summary>
    [Field(FieldHint.Core)]
    public partial bool Cuda { get; set; }

    /// <summary>The number of steps skipped before profiling starts.</summary>
    [Field(FieldHint.Optional), Min(0)]
    public partial int Skip { get; set; } = 1;

    /// <summary>The number of idle steps at the start of each profiling cycle.</summary>
    [Field(FieldHint.Optional), Min(0)]
    public partial int Wait { get; set; }

    /// <summary>The number of warm-up steps of each profiling cycle.</summary>
    [Field(FieldHint.Optional), Min(0)]
    public partial int Warmup { get; set; } = 1;

    /// <summary>The number of profiling cycles.</summary>
    [Field(FieldHint.Optional), GreaterThan(0)]
    public partial int Cycles { get; set; } = 1;

    /// <summary>Whether averages per operation are logged.</summary>
    [Field(FieldHint.Logging)]
    public partial bool Averages { get; set; }

    /// <summary>Whether a full trace is logged.</summary>
    [Field(FieldHint.Logging)]
    public partial bool Trace { get; set; }

    /// <summary>The width of the logged tables, in characters.</summary>
    [Field(FieldHint.Logging), Min(40)]
    public partial int TableWidth { get; set; } = 80;

    /// <summary>The ranks that are profiled; empty for all of them.</summary>
    [Field(FieldHint.Feature)]
    public partial ISet<int> Ranks { get; set; } = new HashSet<int>();

    /// <summary>Whether the profile tables are logged.</summary>
    [Field(FieldHint.Logging)]
    public partial bool Log { get; set; }

    /// <summary>Whether the traces are exported to the experiment directory.</summary>
    [Field(FieldHint.Logging)]
    public partial bool Export { get; set; }
}
