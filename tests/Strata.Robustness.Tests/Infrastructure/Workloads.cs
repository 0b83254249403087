using Strata.Llm;

namespace Strata.Robustness.Tests.Infrastructure;

/// <summary>A GPT trainer config to resolve: files and overrides, as the command line would take them.</summary>
public sealed record Workload(string Name, IReadOnlyList<string> Files, IReadOnlyList<string> Overrides)
{
    public override string ToString() => Name;

    /// <summary>The command-line arguments after <c>resolve gpt-trainer</c>.</summary>
    public string[] Arguments => [.. Files.SelectMany(static f => new[] { "-c", f }), .. Overrides];

    /// <summary>The example, the benchmark workload (when ../shared/bench is there) and the fuzz seeds.</summary>
    public static IReadOnlyList<Workload> All { get; } = Load();

    public Resolved<GPTTrainerConfig> Resolve()
    {
        var resolver = new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = new Dictionary<string, string?>() });
        foreach (var file in Files)
        {
            resolver.AddFile(file);
        }

        return resolver.AddOverrides(Overrides).Resolve();
    }

    private static List<Workload> Load()
    {
        var root = StrataProcess.RepositoryRoot;
        var examples = Path.Combine(root, "examples");
        var seeds = Path.Combine(root, "fuzz", "seeds", "yaml");
        var all = new List<Workload>
        {
            new("example", [Path.Combine(examples, "from-scratch.yaml")], []),
            new("example+overrides", [Path.Combine(examples, "from-scratch.yaml")], ReadOverrides(Path.Combine(examples, "overrides.txt"))),
            new("seed-small", [Path.Combine(seeds, "small.yaml")], ["optimizer.learning_rate.base=3e-4", "model.base_model.transformer.init_method_std=0.02"]),
            new("seed-anchors", [Path.Combine(seeds, "anchors.yaml")], []),
        };
        var bench = Path.GetFullPath(Path.Combine(root, "..", "shared", "bench"));
        if (File.Exists(Path.Combine(bench, "trainer.yaml")))
        {
            all.Add(new("bench", [Path.Combine(bench, "trainer.yaml")], ReadOverrides(Path.Combine(bench, "overrides.txt"))));
        }

        return all;
    }

    private static string[] ReadOverrides(string path) =>
        [.. File.ReadAllLines(path).Select(static l => l.Trim()).Where(static l => l.Length > 0 && !l.StartsWith('#'))];
}
