using System.Runtime.CompilerServices;
using Strata.Llm.Checkpoints;

namespace Strata.Llm.Tests.Checkpoints;

/// <summary>Checkpoint fixtures and resolutions that read them with the built-in reader.</summary>
internal static class Checkpoint
{
    /// <summary>The folder of the checkpoint fixtures (copied next to the test assembly).</summary>
    public static string Fixtures { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "Checkpoints");

    /// <summary>The repository root (examples are resolved from there, as the command line does).</summary>
    public static string RepositoryRoot { get; } = FindRoot();

    /// <summary>A fixture checkpoint directory.</summary>
    public static string Fixture(string name) => Path.Combine(Fixtures, name);

    /// <summary>Options whose checkpoint paths are relative to <paramref name="baseDirectory"/> (the fixtures by default).</summary>
    public static ResolveOptions Options(string? baseDirectory = null, IReadOnlyDictionary<string, string?>? environment = null, bool warningsAsErrors = false) => new()
    {
        Environment = environment ?? Resolve.NoEnvironment,
        Services = new Reader(new CheckpointConfigReader { BaseDirectory = baseDirectory ?? Fixtures }),
        WarningsAsErrors = warningsAsErrors,
    };

    public static Resolved<PretrainedGPTModelConfig> Model(string yaml, IReadOnlyDictionary<string, string?>? environment = null) =>
        new ConfigResolver<PretrainedGPTModelConfig>(Options(environment: environment)).AddYaml(yaml, "model.yaml").Resolve();

    public static IReadOnlyList<Diagnostic> ModelDiagnostics(string yaml, bool expectSuccess = false, bool warningsAsErrors = false)
    {
        var ok = new ConfigResolver<PretrainedGPTModelConfig>(Options(warningsAsErrors: warningsAsErrors))
            .AddYaml(yaml, "model.yaml")
            .TryResolve(out _, out var diagnostics);
        Assert.Equal(expectSuccess, ok);
        return diagnostics;
    }

    public static Resolved<GPTTrainerConfig> Trainer(string yaml, IReadOnlyDictionary<string, string?>? environment = null) =>
        new ConfigResolver<GPTTrainerConfig>(Options(environment: environment)).AddYaml(yaml, "train.yaml").Resolve();

    /// <summary>Reads a checkpoint's model config outside a resolution.</summary>
    public static (Tree.ConfigMap? Config, List<Diagnostic> Diagnostics) Read(string path, string format)
    {
        var diagnostics = new List<Diagnostic>();
        var config = new CheckpointConfigReader().ReadModelConfig(path, format, diagnostics);
        return (config, diagnostics);
    }

    /// <summary>
    /// The <c>transformers_version</c> the built-in reader hands on with the config of a checkpoint (a fixture name, or a
    /// full path), read once with it in a resolution.
    /// </summary>
    public static string? TransformersVersion(string path, string format = "auto")
    {
        var reader = new VersionReader(new CheckpointConfigReader { BaseDirectory = Fixtures });
        _ = new ConfigResolver<PretrainedGPTModelConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment, Services = reader })
            .AddYaml("pretrained:\n  format: " + format + "\n  path: '" + path + "'\n", "model.yaml")
            .TryResolve(out _, out _);
        return reader.Version;
    }

    private static string FindRoot([CallerFilePath] string path = "") =>
        Path.GetFullPath(Path.Combine(Path.GetDirectoryName(path) ?? ".", "..", "..", ".."));

    private sealed class VersionReader(CheckpointConfigReader reader) : ICheckpointConfigReader, IServiceProvider
    {
        public string? Version { get; private set; }

        public Tree.ConfigMap? ReadModelConfig(CheckpointLoadConfig pretrained, BaseLayerContext context)
        {
            var config = reader.ReadModelConfig(pretrained, context, out var version);
            Version = version;
            return config;
        }

        public object? GetService(Type serviceType) => serviceType == typeof(ICheckpointConfigReader) ? this : null;
    }

    private sealed class Reader(ICheckpointConfigReader reader) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ICheckpointConfigReader) ? reader : null;
    }
}
