using BenchmarkDotNet.Attributes;
using Strata.Llm;
using Strata.Resolution;
using Strata.Serialization;
using Strata.Sources;
using Strata.Tree;

namespace Strata.Benchmarks;

/// <summary>
/// The stages of one resolve of the workload, each alone: read and parse the YAML, parse the overrides, merge the
/// layers, bind, write the explicit config as a tree and emit it as YAML. (Prepare, derive, validate and freeze change
/// the objects they run on: <see cref="PipelineStageBenchmarks"/> times them on fresh objects.)
/// </summary>
[MemoryDiagnoser]
public class StageBenchmarks
{
    private string _text = string.Empty;
    private ConfigMap _parsed = null!;
    private ConfigMap _merged = null!;
    private ConfigMap _written = null!;
    private Resolved<GPTTrainerConfig> _resolved = null!;

    /// <summary>Parses, merges and resolves the workload once, so that each stage starts from the previous one's result.</summary>
    [GlobalSetup]
    public void Setup()
    {
        _text = Workload.TrainerText;
        _parsed = ParseYaml();
        _merged = Merge() ?? throw new InvalidOperationException("The workload does not merge.");
        _resolved = new ConfigResolver<GPTTrainerConfig>(Workload.Options).AddFile(Workload.TrainerPath).AddOverrides(Workload.Overrides).Resolve();
        _written = WriteTree();
    }

    /// <summary>Reads trainer.yaml from the disk and parses it (strict UTF-8, positions, limits).</summary>
    [Benchmark]
    public SourceDocument ReadAndParseYaml() => DocumentReader.Load(Workload.TrainerPath);

    /// <summary>
    /// YamlDotNet's parser alone on the text of trainer.yaml: every event read and dropped. The floor of any YAML
    /// parse built on it, for comparison with <see cref="ParseYaml"/>.
    /// </summary>
    [Benchmark]
    public int YamlDotNetEventsOnly()
    {
        var parser = new YamlDotNet.Core.Parser(new StringReader(_text));
        var events = 0;
        while (parser.MoveNext())
        {
            events++;
        }

        return events;
    }

    /// <summary>Parses the text of trainer.yaml into a positioned tree (the fast reader of the common YAML subset).</summary>
    [Benchmark]
    public ConfigMap ParseYaml() => (ConfigMap)YamlDocumentReader.Parse(_text, "trainer.yaml").Root!;

    /// <summary>
    /// The same parse through YamlDotNet's events, the path taken by documents outside the fast reader's subset (and
    /// the only one before it): the gain of the fast reader, side by side.
    /// </summary>
    [Benchmark]
    public ConfigMap ParseYamlWithYamlDotNet() => (ConfigMap)YamlDocumentReader.ParseWithYamlDotNet(_text, "trainer.yaml").Root!;

    /// <summary>Parses the 10 overrides (paths and YAML flow values), as the resolver does: one after another.</summary>
    [Benchmark]
    public int ParseOverrides() => OverrideParseBenchmarks.Parse(Workload.Overrides);

    /// <summary>Normalizes (renamed keys) and merges the parsed file, then parses and applies the 10 overrides.</summary>
    [Benchmark]
    public ConfigMap? Merge() =>
        new ConfigResolver<GPTTrainerConfig>(Workload.Options)
            .AddTree(_parsed)
            .AddOverrides(Workload.Overrides)
            .MergeLayers(new ResolutionState(Workload.Options));

    /// <summary>Binds the merged tree to a new graph of config objects (schema-directed typing, polymorphic dispatch).</summary>
    [Benchmark]
    public ConfigObject? Bind()
    {
        var state = new ResolutionState(Workload.Options);
        return state.Binder.Bind(GPTTrainerConfig.TypeInfo, _merged, state.ReadContext);
    }

    /// <summary>Writes the explicit values of the resolved config as a tree.</summary>
    [Benchmark]
    public ConfigMap WriteTree() => ConfigSerializer.ToTree(_resolved.Config);

    /// <summary>Emits that tree as YAML text.</summary>
    [Benchmark]
    public string EmitYaml() => YamlEmitter.Emit(_written);

    /// <summary>Both: the explicit config as YAML (what <c>Resolved.ToYaml()</c> does).</summary>
    [Benchmark]
    public string Serialize() => _resolved.ToYaml();
}
