namespace Strata.Llm.Engine;

/// <summary>The logging of tensor statistics for debugging.</summary>
[Config]
public sealed partial class TensorLogsConfig
{
    /// <summary>Whether tensor logs are saved to the experiment directory (which must then be set).</summary>
    [Field(FieldHint.Logging)]
    public partial bool Save { get; set; }

    /// <summary>Whether tensor logs are printed.</summary>
    [Field(FieldHint.Logging)]
    public partial bool Show { get; set; } = true;

    /// <summary>The number of elements shown for each tensor.</summary>
    [Field(FieldHint.Logging), GreaterThan(0)]
    public partial int MaxElements { get; set; } = 8;
}
