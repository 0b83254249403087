using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

internal static class Resolve
{
    public static readonly IReadOnlyDictionary<string, string?> NoEnvironment = new Dictionary<string, string?>();

    public static Resolved<RunConfig> Yaml(string yaml, params string[] overrides) =>
        new ConfigResolver<RunConfig>(new ResolveOptions { Environment = NoEnvironment })
            .AddYaml(yaml, "run.yaml")
            .AddOverrides(overrides)
            .Resolve();

    public static IReadOnlyList<Diagnostic> Errors(string yaml, params string[] overrides)
    {
        var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = NoEnvironment })
            .AddYaml(yaml, "run.yaml")
            .AddOverrides(overrides)
            .TryResolve(out _, out var diagnostics);
        Assert.False(ok, "expected the resolution to fail");
        return diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error).ToList();
    }
}
