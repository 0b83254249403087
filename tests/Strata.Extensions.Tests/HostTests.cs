using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Strata.Extensions.Tests.Configs;

namespace Strata.Extensions.Tests;

/// <summary>
/// The registration in the generic host, as applications use it: appsettings.json, environment variables with
/// <c>__</c>, a YAML file and overrides; an invalid config stops the host at start with every diagnostic.
/// </summary>
public sealed class HostTests : IDisposable
{
    private readonly string _contentRoot = Directory.CreateTempSubdirectory("strata-host-").FullName;
    private readonly string _section = "Trainer" + Guid.NewGuid().ToString("N")[..8];
    private readonly List<string> _variables = [];

    public void Dispose()
    {
        foreach (var name in _variables)
        {
            Environment.SetEnvironmentVariable(name, null);
        }

        Directory.Delete(_contentRoot, recursive: true);
    }

    [Fact]
    public async Task The_host_resolves_appsettings_and_environment_variables_with_their_providers_as_origins()
    {
        WriteAppSettings("""{ "NumLayers": 4, "Optimizer": { "Lr": 0.01 }, "Layers": [ { "Name": "embedding" } ] }""");
        SetVariable("NumLayers", "8");
        SetVariable("Layers__0__Width", "32");
        File.WriteAllText(Path.Combine(_contentRoot, "base.yaml"), "name: from-yaml\nhidden_size: 16\n");

        var builder = CreateBuilder();
        builder.Services.AddStrataConfig<AppConfig>(c => c
            .AddFile(Path.Combine(_contentRoot, "base.yaml"))
            .AddHostConfiguration(_section)
            .AddOverride("hidden_size=96"));
        builder.Services.AddStrataSubConfig<AppConfig, OptimizerSettings>(c => c.Optimizer);
        using var host = builder.Build();
        await host.StartAsync(TestContext.Current.CancellationToken);

        var config = host.Services.GetRequiredService<AppConfig>();
        Assert.Equal(("from-yaml", 8, 96), (config.Name, config.NumLayers, config.HiddenSize));
        Assert.Equal(("embedding", 32), (config.Layers[0].Name, config.Layers[0].Width));
        Assert.Same(config, host.Services.GetRequiredService<IOptions<AppConfig>>().Value);
        Assert.Equal(0.01, host.Services.GetRequiredService<OptimizerSettings>().LearningRate);

        var explained = host.Services.GetRequiredService<Resolved<AppConfig>>().Explain().ToDictionary(p => p.Path, p => p.Origin.ToString());
        Assert.Equal("provider EnvironmentVariablesConfigurationProvider " + _section + ":NumLayers", explained["num_layers"]);
        Assert.Equal("provider JsonConfigurationProvider for 'appsettings.json' (Optional) " + _section + ":Optimizer:Lr", explained["optimizer.lr"]);
        Assert.Equal("cli arg #1", explained["hidden_size"]);
        Assert.EndsWith("base.yaml:1:7", explained["name"], StringComparison.Ordinal);
        await host.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task An_invalid_config_stops_the_host_at_start_with_every_diagnostic()
    {
        WriteAppSettings("""{ "HiddenSize": "wide", "NumLayer": 3 }""");
        SetVariable("NUM_LAYERS", "-1");

        var builder = CreateBuilder();
        var probe = new StartProbe();
        builder.Services.AddSingleton<IHostedService>(probe);
        builder.Services.AddStrataConfig<AppConfig>(c => c.AddHostConfiguration(_section));
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<ConfigException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        Assert.False(probe.Started);
        var errors = exception.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Select(d => d.ToString()).ToList();
        Assert.Equal(3, errors.Count);
        Assert.Contains("provider EnvironmentVariablesConfigurationProvider " + _section + ":NUM_LAYERS: error STR0103: num_layers: must be >= 0, got -1", errors);
        Assert.Contains(errors, e => e.StartsWith("provider JsonConfigurationProvider for 'appsettings.json' (Optional) " + _section + ":HiddenSize: error STR0102: hidden_size:", StringComparison.Ordinal));
        Assert.Contains(errors, e => e.Contains(_section + ":NumLayer: error STR0101:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task With_the_default_logging_a_config_that_fails_at_start_is_logged_as_its_diagnostics_without_a_stack_trace()
    {
        SetVariable("NUM_LAYERS", "-1");
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot, Args = [] });
        var logged = new CapturingLoggerProvider();
        builder.Logging.AddProvider(logged);
        builder.Services.AddStrataConfig<AppConfig>(c => c.AddHostConfiguration(_section));
        using var host = builder.Build();

        var exception = await Assert.ThrowsAsync<ConfigException>(() => host.StartAsync(TestContext.Current.CancellationToken));

        // The host logs the failure with the exception's text, as does the runtime for an unhandled exception: that
        // text is the diagnostics, not ~90 lines of service-provider frames before them.
        var entry = Assert.Single(logged.Entries, e => e.StartsWith("Error ", StringComparison.Ordinal));
        Assert.Equal(
            "Error Microsoft.Extensions.Hosting.Internal.Host[11]: Hosting failed to start\n"
            + "Strata.ConfigException: Configuration is invalid (1 error)\n"
            + "provider EnvironmentVariablesConfigurationProvider " + _section + ":NUM_LAYERS: error STR0103: num_layers: must be >= 0, got -1",
            entry.ReplaceLineEndings("\n"));
        Assert.DoesNotContain("   at ", exception.ToString(), StringComparison.Ordinal);
        Assert.NotNull(exception.StackTrace);
    }

    [Fact]
    public void Without_starting_the_host_an_invalid_config_fails_when_first_requested()
    {
        SetVariable("HiddenSize", "0");
        var builder = CreateBuilder();
        builder.Services.AddStrataConfig<AppConfig>(c => c.AddHostConfiguration(_section));
        using var host = builder.Build();

        var exception = Assert.Throws<ConfigException>(host.Services.GetRequiredService<AppConfig>);

        Assert.Equal(DiagnosticCodes.FieldRule, Assert.Single(exception.Diagnostics).Code);
    }

    private HostApplicationBuilder CreateBuilder()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = _contentRoot, Args = [] });
        builder.Logging.ClearProviders();
        return builder;
    }

    private void WriteAppSettings(string sectionJson) =>
        File.WriteAllText(Path.Combine(_contentRoot, "appsettings.json"), "{ \"Logging\": { \"LogLevel\": { \"Default\": \"Warning\" } }, \"" + _section + "\": " + sectionJson + " }");

    private void SetVariable(string key, string value)
    {
        var name = _section + "__" + key;
        _variables.Add(name);
        Environment.SetEnvironmentVariable(name, value);
    }

    private sealed class CapturingLoggerProvider : ILoggerProvider
    {
        public List<string> Entries { get; } = [];

        public ILogger CreateLogger(string categoryName) => new Logger(this, categoryName);

        public void Dispose()
        {
        }

        private sealed class Logger(CapturingLoggerProvider provider, string category) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state)
                where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => true;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                lock (provider.Entries)
                {
                    provider.Entries.Add(logLevel + " " + category + "[" + eventId.Id + "]: " + formatter(state, exception) + (exception is null ? string.Empty : "\n" + exception));
                }
            }
        }
    }

    private sealed class StartProbe : IHostedService
    {
        public bool Started { get; private set; }

        public Task StartAsync(CancellationToken cancellationToken)
        {
            Started = true;
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
