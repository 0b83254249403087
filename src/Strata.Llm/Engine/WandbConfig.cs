namespace Strata.Llm.Engine;

/// <summary>Logging to Weights &amp; Biases.</summary>
[Config]
public sealed partial class WandbConfig
{
    /// <summary>Status posts (alerts).</summary>
    [Field(FieldHint.Core)]
    public partial WandbAlertConfig Alert { get; set; } = new();

    /// <summary>The group of the run.</summary>
    [Field(FieldHint.Feature)]
    public partial string GroupName { get; set; } = "default";

    /// <summary>The project of the run.</summary>
    [Field(FieldHint.Feature)]
    public partial string ProjectName { get; set; } = "fast_llm";

    /// <summary>The user or team that owns the run; unset for the default entity.</summary>
    [Field(FieldHint.Feature)]
    public partial string? EntityName { get; set; }
}
