using Strata.Llm.Checkpoints;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Llm.Tests.Resolution;

/// <summary>A checkpoint reader that returns the <c>config</c> of a metadata.yaml given as text, whatever the path.</summary>
internal sealed class FakeCheckpointReader(string metadataYaml) : ICheckpointConfigReader
{
    public int Reads { get; private set; }

    public ConfigMap? ReadModelConfig(CheckpointLoadConfig pretrained, BaseLayerContext context)
    {
        Reads++;
        var document = YamlDocumentReader.Parse(metadataYaml, pretrained.Path + "/metadata.yaml", checkpoint: true);
        var root = Assert.IsType<ConfigMap>(document.Root);
        Assert.True(root.TryGetValue("config", out var config));
        return Assert.IsType<ConfigMap>(config);
    }
}
