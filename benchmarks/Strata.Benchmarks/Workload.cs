using Strata.Llm.Checkpoints;
using Strata.Tree;

namespace Strata.Benchmarks;

/// <summary>
/// The shared benchmark workload (<c>../shared/bench</c>, copied next to the benchmark binary at build): the GPT trainer
/// config of a Llama-3-8B-shaped fine-tune and its 10 command-line overrides.
/// </summary>
public static class Workload
{
    /// <summary>An empty environment: resolution reads no process variable, so figures do not depend on the shell.</summary>
    private static readonly IReadOnlyDictionary<string, string?> s_noEnvironment = new Dictionary<string, string?>();

    /// <summary>The folder holding the workload files.</summary>
    public static string Folder { get; } = Path.Combine(AppContext.BaseDirectory, "bench");

    /// <summary>The trainer config file.</summary>
    public static string TrainerPath { get; } = Path.Combine(Folder, "trainer.yaml");

    /// <summary>The fine-tune from a Hugging Face checkpoint (relative paths are taken from <see cref="Folder"/>).</summary>
    public static string FinetuneHfPath { get; } = Path.Combine(Folder, "finetune-hf.yaml");

    /// <summary>The overrides, one per line of <c>overrides.txt</c>, in order.</summary>
    public static IReadOnlyList<string> Overrides { get; } = ReadOverrides(Path.Combine(Folder, "overrides.txt"));

    /// <summary>The options of every benchmarked resolution.</summary>
    public static ResolveOptions Options { get; } = new() { Environment = s_noEnvironment };

    /// <summary>
    /// The options of the fine-tune: the built-in checkpoint reader, reading relative checkpoint paths from
    /// <see cref="Folder"/> (as the command line does from the working directory).
    /// </summary>
    public static ResolveOptions FinetuneOptions { get; } = new()
    {
        Environment = s_noEnvironment,
        Services = new CheckpointServices(new CheckpointConfigReader { BaseDirectory = Folder }),
    };

    /// <summary>The text of the trainer config.</summary>
    public static string TrainerText => File.ReadAllText(TrainerPath);

    /// <summary>The number of scalars (leaf values) in a tree: what a user wrote, and what resolution tracks one by one.</summary>
    /// <param name="node">The tree.</param>
    public static int CountLeaves(ConfigNode node) => node switch
    {
        ConfigMap map => map.Entries.Sum(static e => CountLeaves(e.Value)),
        ConfigSequence sequence => sequence.Items.Sum(CountLeaves),
        _ => 1,
    };

    private sealed class CheckpointServices(ICheckpointConfigReader reader) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ICheckpointConfigReader) ? reader : null;
    }

    private static string[] ReadOverrides(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException("The benchmark workload is missing next to the benchmark binary; rebuild the benchmark project.", path);
        }

        return [.. File.ReadAllLines(path).Select(static l => l.Trim()).Where(static l => l.Length > 0 && !l.StartsWith('#'))];
    }
}
