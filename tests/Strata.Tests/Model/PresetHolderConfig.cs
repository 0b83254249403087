namespace Strata.Tests.Model;

/// <summary>Configs with base layers in a list and in a dictionary.</summary>
[Config]
public sealed partial class PresetHolderConfig
{
    /// <summary>A list of preset layers.</summary>
    [Field(FieldHint.Core)]
    public partial IList<PresetConfig> Items { get; set; } = [];

    /// <summary>Named preset layers.</summary>
    [Field(FieldHint.Core)]
    public partial IDictionary<string, PresetConfig> Named { get; set; } = new Dictionary<string, PresetConfig>();

    partial void Prepare(PrepareContext context)
    {
        // Like the generated legacy datasets (DESIGN §7.2): a config that a hook makes holds implicit values.
        if (Items.Count == 0 && Named.Count == 0)
        {
            Named = new Dictionary<string, PresetConfig> { ["generated"] = new() { Preset = 8 } };
        }
    }
}
