using Strata.Llm.Checkpoints;

namespace Strata.Llm.Tests;

/// <summary>Resolves the GPT configs from YAML text with a controlled environment.</summary>
internal static class Resolve
{
    public static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    public static Resolved<GPTTrainerConfig> Trainer(string yaml, params string[] overrides) =>
        Trainer(yaml, NoEnvironment, overrides);

    public static Resolved<GPTTrainerConfig> Trainer(string yaml, IReadOnlyDictionary<string, string?> environment, params string[] overrides) =>
        new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = environment })
            .AddYaml(yaml, "train.yaml")
            .AddOverrides(overrides)
            .Resolve();

    public static IReadOnlyList<Diagnostic> TrainerErrors(string yaml, params string[] overrides) =>
        TrainerErrors(yaml, NoEnvironment, overrides);

    public static IReadOnlyList<Diagnostic> TrainerErrors(string yaml, IReadOnlyDictionary<string, string?> environment, params string[] overrides)
    {
        var ok = new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = environment })
            .AddYaml(yaml, "train.yaml")
            .AddOverrides(overrides)
            .TryResolve(out _, out var diagnostics);
        Assert.False(ok, "expected the resolution to fail");
        return [.. diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)];
    }

    public static Resolved<PretrainedGPTModelConfig> Model(string yaml, ICheckpointConfigReader? reader = null, IReadOnlyDictionary<string, string?>? environment = null) =>
        new ConfigResolver<PretrainedGPTModelConfig>(new ResolveOptions { Environment = environment ?? NoEnvironment, Services = reader is null ? null : new Services(reader) })
            .AddYaml(yaml, "model.yaml")
            .Resolve();

    public static Resolved<GPTTrainerConfig> TrainerWith(string yaml, ICheckpointConfigReader reader, IReadOnlyDictionary<string, string?>? environment = null) =>
        new ConfigResolver<GPTTrainerConfig>(new ResolveOptions { Environment = environment ?? NoEnvironment, Services = new Services(reader) })
            .AddYaml(yaml, "train.yaml")
            .Resolve();

    public static IReadOnlyDictionary<string, string?> Environment(params (string Name, string Value)[] variables) =>
        variables.ToDictionary(static v => v.Name, static v => (string?)v.Value);

    private sealed class Services(ICheckpointConfigReader reader) : IServiceProvider
    {
        public object? GetService(Type serviceType) => serviceType == typeof(ICheckpointConfigReader) ? reader : null;
    }
}
