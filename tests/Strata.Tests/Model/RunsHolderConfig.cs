namespace Strata.Tests.Model;

/// <summary>Runs by name: configs with sections under a dictionary, whose paths hold the input's keys.</summary>
[Config]
public sealed partial class RunsHolderConfig
{
    /// <summary>The runs, by name.</summary>
    [Field(FieldHint.Core)]
    public partial IDictionary<string, RunConfig> Runs { get; set; } = new Dictionary<string, RunConfig>();
}
