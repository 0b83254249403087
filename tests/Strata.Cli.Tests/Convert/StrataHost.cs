using Strata.Cli.Tests.Hosting;
using Strata.Cli.Tests.Process;
using Strata.Llm.Checkpoints;

namespace Strata.Cli.Tests.Convert;

/// <summary>The real <c>strata</c> host (its kinds and its own verbs), run in process with captured streams and a fixed environment.</summary>
internal static class StrataHost
{
    public static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    /// <summary>The repository root: relative paths in the tests are relative to it, as for the process tests.</summary>
    public static string Root => StrataProcess.RepositoryRoot;

    /// <summary>The published config fixtures of the checkpoint tests.</summary>
    public static string Fixture(string name) => Path.Combine(Root, "tests", "Strata.Llm.Tests", "TestData", "Checkpoints", name);

    /// <summary>The tiny Llama of the examples (config.json and a real model.safetensors).</summary>
    public static string TinyLlama => Path.Combine(Root, "examples", "checkpoints", "tiny-llama");

    /// <summary>Runs the tool; checkpoint paths in configs are relative to <paramref name="baseDirectory"/>.</summary>
    public static Task<HostResult> RunIn(string baseDirectory, params string[] args)
    {
        var reader = new CheckpointConfigReader { BaseDirectory = baseDirectory };
        return TestHost.Run(Program.CreateHost(NoEnvironment, new ReaderServices(reader)), args);
    }

    public static Task<HostResult> Run(params string[] args) => RunIn(Root, args);

    private sealed class ReaderServices(ICheckpointConfigReader reader) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ICheckpointConfigReader) ? reader : null;
    }
}
