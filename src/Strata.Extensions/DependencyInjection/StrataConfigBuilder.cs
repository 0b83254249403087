using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace Strata.Extensions;

/// <summary>
/// The layers of a config registered with
/// <see cref="StrataServiceCollectionExtensions.AddStrataConfig{T}(IServiceCollection, Action{StrataConfigBuilder{T}})"/>:
/// files, YAML or JSON text, configurations and overrides, applied in the order added (overrides after every other
/// layer, as on the command line). Nothing is read until the config is first needed.
/// </summary>
/// <typeparam name="T">The root config class.</typeparam>
public sealed class StrataConfigBuilder<T>
    where T : ConfigObject, IConfig<T>
{
    private readonly List<Action<ConfigResolver<T>, IServiceProvider>> _steps = [];
    private ResolveOptions? _options;

    internal StrataConfigBuilder()
    {
    }

    /// <summary>Adds a YAML or JSON file (by extension) as the next layer.</summary>
    /// <param name="path">The path, relative to the working directory.</param>
    /// <returns>This builder.</returns>
    public StrataConfigBuilder<T> AddFile(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        return Configure((resolver, _) => resolver.AddFile(path));
    }

    /// <summary>Adds YAML text as the next layer.</summary>
    /// <param name="yaml">The YAML text.</param>
    /// <param name="sourceName">The name shown in origins.</param>
    /// <returns>This builder.</returns>
    public StrataConfigBuilder<T> AddYaml(string yaml, string sourceName = "<yaml>")
    {
        ArgumentNullException.ThrowIfNull(yaml);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Configure((resolver, _) => resolver.AddYaml(yaml, sourceName));
    }

    /// <summary>Adds JSON text as the next layer.</summary>
    /// <param name="json">The JSON text.</param>
    /// <param name="sourceName">The name shown in origins.</param>
    /// <returns>This builder.</returns>
    public StrataConfigBuilder<T> AddJson(string json, string sourceName = "<json>")
    {
        ArgumentNullException.ThrowIfNull(json);
        ArgumentNullException.ThrowIfNull(sourceName);
        return Configure((resolver, _) => resolver.AddJson(json, sourceName));
    }

    /// <summary>Adds a configuration, or one of its sections, as the next layer (see <see cref="ConfigurationResolverExtensions.AddConfiguration{T}"/>).</summary>
    /// <param name="configuration">The configuration.</param>
    /// <param name="sectionPath">The section that holds the config, or <see langword="null"/> for all of it.</param>
    /// <returns>This builder.</returns>
    public StrataConfigBuilder<T> AddConfiguration(IConfiguration configuration, string? sectionPath = null)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        return Configure((resolver, _) => resolver.AddConfiguration(configuration, sectionPath));
    }

    /// <summary>
    /// Adds the application's own configuration (the <see cref="IConfiguration"/> registered in the services, such as a
    /// host's appsettings.json, environment variables and command line), or one of its sections, as the next layer.
    /// </summary>
    /// <param name="sectionPath">The section that holds the config, such as <c>Trainer</c>.</param>
    /// <returns>This builder.</returns>
    public StrataConfigBuilder<T> AddHostConfiguration(string? sectionPath = null) =>
        Configure((resolver, services) => resolver.AddConfiguration(services.GetRequiredService<IConfiguration>(), sectionPath));

    /// <summary>Adds a <c>key.path=value</c> override; overrides apply after every other layer, in the order added.</summary>
    /// <param name="argument">The override.</param>
    /// <returns>This builder.</returns>
    public StrataConfigBuilder<T> AddOverride(string argument)
    {
        ArgumentNullException.ThrowIfNull(argument);
        return Configure((resolver, _) => resolver.AddOverride(argument));
    }

    /// <summary>Adds several overrides, in order (the sequence is read now).</summary>
    /// <param name="arguments">The overrides.</param>
    /// <returns>This builder.</returns>
    public StrataConfigBuilder<T> AddOverrides(IEnumerable<string> arguments)
    {
        ArgumentNullException.ThrowIfNull(arguments);
        string[] copy = [.. arguments];
        return Configure((resolver, _) => resolver.AddOverrides(copy));
    }

    /// <summary>
    /// Sets how the config is resolved (strictness, warnings as errors, environment, limits). When the options carry no
    /// <see cref="ResolveOptions.Services"/>, preparation hooks get the application's service provider.
    /// </summary>
    /// <param name="options">The options.</param>
    /// <returns>This builder.</returns>
    public StrataConfigBuilder<T> UseOptions(ResolveOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        _options = options;
        return this;
    }

    /// <summary>Adds any other step on the resolver, run in order with the layers when the config is resolved.</summary>
    /// <param name="configure">Called with the resolver and the application's service provider.</param>
    /// <returns>This builder.</returns>
    public StrataConfigBuilder<T> Configure(Action<ConfigResolver<T>, IServiceProvider> configure)
    {
        ArgumentNullException.ThrowIfNull(configure);
        _steps.Add(configure);
        return this;
    }

    /// <summary>Resolves the config with every layer.</summary>
    /// <param name="services">The application's service provider.</param>
    /// <exception cref="ConfigException">The config is invalid; the exception carries every diagnostic.</exception>
    internal Resolved<T> Resolve(IServiceProvider services)
    {
        var resolver = new ConfigResolver<T>(WithServices(_options ?? ResolveOptions.Default, services));
        foreach (var step in _steps)
        {
            step(resolver, services);
        }

        return resolver.Resolve();
    }

    /// <summary>The options with <paramref name="services"/> for preparation hooks, unless they name their own.</summary>
    internal static ResolveOptions WithServices(ResolveOptions options, IServiceProvider services) =>
        options.Services is not null
            ? options
            : new ResolveOptions
            {
                LenientUnknownKeys = options.LenientUnknownKeys,
                WarningsAsErrors = options.WarningsAsErrors,
                Environment = options.Environment,
                Limits = options.Limits,
                Services = services,
            };
}
