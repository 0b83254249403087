using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Strata.Extensions.Tests.Configs;

namespace Strata.Extensions.Tests;

/// <summary><c>AddStrataConfig</c> and <c>AddStrataSubConfig</c> in a plain service provider.</summary>
public sealed class ServiceCollectionTests
{
    [Fact]
    public void The_frozen_config_its_resolution_and_its_options_are_one_instance()
    {
        using var provider = new ServiceCollection()
            .AddStrataConfig<AppConfig>(c => c.AddYaml("num_layers: 5\n"))
            .BuildServiceProvider();

        var config = provider.GetRequiredService<AppConfig>();
        Assert.Equal(5, config.NumLayers);
        Assert.Same(config, provider.GetRequiredService<Resolved<AppConfig>>().Config);
        Assert.Same(config, provider.GetRequiredService<IOptions<AppConfig>>().Value);
        Assert.Same(config, provider.GetRequiredService<IOptionsMonitor<AppConfig>>().CurrentValue);
        using var scope = provider.CreateScope();
        Assert.Same(config, scope.ServiceProvider.GetRequiredService<IOptionsSnapshot<AppConfig>>().Value);
    }

    [Fact]
    public void The_registered_config_is_frozen()
    {
        using var provider = new ServiceCollection().AddStrataConfig<AppConfig>(c => c.AddYaml("num_layers: 5\n")).BuildServiceProvider();

        var config = provider.GetRequiredService<AppConfig>();

        Assert.Throws<InvalidOperationException>(() => config.NumLayers = 6);
        Assert.Throws<InvalidOperationException>(() => config.EvalSteps.Add(1));
    }

    [Fact]
    public void Layers_apply_in_the_order_added_and_overrides_after_all_of_them()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["App:NumLayers"] = "7", ["App:HiddenSize"] = "32" })
            .Build();
        using var provider = new ServiceCollection()
            .AddStrataConfig<AppConfig>(c => c
                .AddOverride("name=from-override")
                .AddYaml("num_layers: 1\nhidden_size: 16\nname: from-yaml\n")
                .AddConfiguration(configuration, "App")
                .AddJson("""{ "hidden_size": 48 }"""))
            .BuildServiceProvider();

        var config = provider.GetRequiredService<AppConfig>();

        Assert.Equal(("from-override", 7, 48), (config.Name, config.NumLayers, config.HiddenSize));
    }

    [Fact]
    public void The_host_configuration_is_the_IConfiguration_in_the_services()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?> { ["Trainer:NumLayers"] = "11" }).Build();
        using var provider = new ServiceCollection()
            .AddSingleton<IConfiguration>(configuration)
            .AddStrataConfig<AppConfig>(c => c.AddHostConfiguration("Trainer"))
            .BuildServiceProvider();

        Assert.Equal(11, provider.GetRequiredService<AppConfig>().NumLayers);
    }

    [Fact]
    public void An_invalid_config_throws_every_diagnostic_when_first_requested()
    {
        var services = new ServiceCollection().AddStrataConfig<AppConfig>(c => c.AddYaml("num_layers: -1\nhidden_size: wide\nnum_layer: 3\n", "bad.yaml"));
        using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<ConfigException>(provider.GetRequiredService<AppConfig>);

        Assert.Equal(3, exception.Diagnostics.Count(d => d.Severity == DiagnosticSeverity.Error));
        Assert.Contains("bad.yaml:1:13: error STR0103: num_layers:", exception.Message, StringComparison.Ordinal);
        Assert.Throws<ConfigException>(() => provider.GetRequiredService<IOptions<AppConfig>>().Value);
    }

    [Fact]
    public void Options_are_used_as_given()
    {
        using var provider = new ServiceCollection()
            .AddStrataConfig<AppConfig>(c => c.AddYaml("num_layer: 3\n").UseOptions(new ResolveOptions { LenientUnknownKeys = true }))
            .BuildServiceProvider();

        var resolved = provider.GetRequiredService<Resolved<AppConfig>>();

        Assert.Contains(resolved.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey && d.Severity == DiagnosticSeverity.Warning);
    }

    [Fact]
    public void Preparation_hooks_get_the_application_services()
    {
        using var provider = new ServiceCollection()
            .AddSingleton(new GreetingSource("hello from DI"))
            .AddStrataConfig<ServiceAwareConfig>(_ => { })
            .BuildServiceProvider();

        Assert.Equal("hello from DI", provider.GetRequiredService<ServiceAwareConfig>().Greeting);
    }

    [Fact]
    public void Options_that_name_their_own_services_keep_them()
    {
        var own = new ServiceCollection().AddSingleton(new GreetingSource("own")).BuildServiceProvider();
        using var provider = new ServiceCollection()
            .AddSingleton(new GreetingSource("application"))
            .AddStrataConfig<ServiceAwareConfig>(c => c.UseOptions(new ResolveOptions { Services = own }))
            .BuildServiceProvider();

        Assert.Equal("own", provider.GetRequiredService<ServiceAwareConfig>().Greeting);
    }

    [Fact]
    public void Adding_the_services_to_options_keeps_every_other_option()
    {
        // Guards WithServices against options added to ResolveOptions later.
        var options = new ResolveOptions
        {
            LenientUnknownKeys = true,
            WarningsAsErrors = true,
            Environment = new Dictionary<string, string?> { ["RANK"] = "1" },
            Limits = new Sources.SourceLimits { MaxDepth = 7 },
        };
        using var services = new ServiceCollection().BuildServiceProvider();

        var copy = StrataConfigBuilder<AppConfig>.WithServices(options, services);

        Assert.Same(services, copy.Services);
        foreach (var property in typeof(ResolveOptions).GetProperties().Where(p => p.Name != nameof(ResolveOptions.Services) && p.GetMethod!.IsStatic == false))
        {
            Assert.Equal(property.GetValue(options), property.GetValue(copy));
        }
    }

    [Fact]
    public void A_sub_config_is_a_service_and_an_option_of_its_own()
    {
        using var provider = new ServiceCollection()
            .AddStrataConfig<AppConfig>(c => c.AddYaml("optimizer:\n  lr: 0.25\n"))
            .AddStrataSubConfig<AppConfig, OptimizerSettings>(c => c.Optimizer)
            .BuildServiceProvider();

        var optimizer = provider.GetRequiredService<OptimizerSettings>();

        Assert.Equal(0.25, optimizer.LearningRate);
        Assert.Same(provider.GetRequiredService<AppConfig>().Optimizer, optimizer);
        Assert.Same(optimizer, provider.GetRequiredService<IOptions<OptimizerSettings>>().Value);
    }

    [Fact]
    public void A_sub_config_that_is_absent_says_so()
    {
        using var provider = new ServiceCollection()
            .AddStrataConfig<AppConfig>(_ => { })
            .AddStrataSubConfig<AppConfig, DatasetConfig>(c => c.Dataset!)
            .BuildServiceProvider();

        var exception = Assert.Throws<InvalidOperationException>(provider.GetRequiredService<DatasetConfig>);
        Assert.Contains("DatasetConfig", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_config_cannot_be_registered_twice()
    {
        var services = new ServiceCollection().AddStrataConfig<AppConfig>(_ => { });

        Assert.Throws<InvalidOperationException>(() => services.AddStrataConfig<AppConfig>(_ => { }));
    }

    [Fact]
    public void Named_options_do_not_exist()
    {
        using var provider = new ServiceCollection().AddStrataConfig<AppConfig>(_ => { }).BuildServiceProvider();

        Assert.Throws<InvalidOperationException>(() => provider.GetRequiredService<IOptionsMonitor<AppConfig>>().Get("other"));
    }
}
