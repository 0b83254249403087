using Strata.Sources;
using Strata.Tree;

namespace Strata.Tests.Model;

/// <summary>A layer that may start from a preset: the engine's base layers (rule R9) outside the GPT configs.</summary>
[Config]
public sealed partial class PresetConfig
{
    /// <summary>The hidden size of the preset; none for no preset.</summary>
    [Field(FieldHint.Core)]
    public partial int? Preset { get; set; }

    /// <summary>The layer; its explicit values update the preset.</summary>
    [Field(FieldHint.Core)]
    public partial LayerConfig Layer { get; set; } = new();

    partial void ProvideBaseLayers(BaseLayerContext context)
    {
        context.Bind(nameof(Preset));
        if (Preset is { } size)
        {
            var preset = YamlDocumentReader.Parse("hidden_size: " + size.ToString(System.Globalization.CultureInfo.InvariantCulture) + "\nheads: 2\n", "preset.yaml", checkpoint: true);
            context.AddBeneath(nameof(Layer), (ConfigMap)preset.Root!, "the preset");
        }
    }
}
