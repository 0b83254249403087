using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;
using Strata;
using Strata.Extensions;
using Strata.Extensions.DependencyInjection;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>Registers resolved, frozen Strata configs in a service collection.</summary>
public static class StrataServiceCollectionExtensions
{
    /// <summary>
    /// Registers the config <typeparamref name="T"/>, resolved once from the layers that <paramref name="configure"/>
    /// adds: the frozen <typeparamref name="T"/>, its <see cref="Resolved{T}"/> (diagnostics, provenance, fingerprint)
    /// and <see cref="IOptions{TOptions}"/> (also <see cref="IOptionsSnapshot{TOptions}"/> and
    /// <see cref="IOptionsMonitor{TOptions}"/>, which never change). An invalid config fails fast with one
    /// <see cref="ConfigException"/> carrying every diagnostic: when a host starts (the config is validated on start,
    /// like <c>ValidateOnStart</c>), or else when the config is first requested. The host logs that failure with the
    /// exception's text, which is the diagnostics without a stack trace (see <see cref="ConfigException.ToString"/>).
    /// </summary>
    /// <typeparam name="T">The root config class.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="configure">Adds the layers and options.</param>
    /// <returns>The services.</returns>
    /// <exception cref="InvalidOperationException"><typeparamref name="T"/> is already registered.</exception>
    public static IServiceCollection AddStrataConfig<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] T>(
        this IServiceCollection services,
        Action<StrataConfigBuilder<T>> configure)
        where T : ConfigObject, IConfig<T>
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(configure);
        if (services.Any(static d => d.ServiceType == typeof(Resolved<T>)))
        {
            throw new InvalidOperationException("The Strata config " + typeof(T).Name + " is already registered.");
        }

        var builder = new StrataConfigBuilder<T>();
        configure(builder);

        services.AddOptions();
        services.AddSingleton(builder.Resolve);
        services.AddSingleton(static sp => sp.GetRequiredService<Resolved<T>>().Config);
        services.AddSingleton<IOptionsFactory<T>>(static sp => new FixedOptionsFactory<T>(sp.GetRequiredService<T>()));

        // The host runs every ValidateOnStart check when it starts; this one resolves the config, so an invalid one stops
        // the host with its ConfigException before any hosted service runs.
        services.AddOptions<StartupCheck<T>>()
            .Validate<Resolved<T>>(static (_, resolved) => resolved is not null)
            .ValidateOnStart();
        return services;
    }

    /// <summary>
    /// Registers a part of a registered config as a service of its own (and as <see cref="IOptions{TOptions}"/>), so
    /// that a component can ask for just the config it uses, such as the optimizer section of a training run.
    /// </summary>
    /// <typeparam name="T">The root config class, registered with <see cref="AddStrataConfig{T}"/>.</typeparam>
    /// <typeparam name="TSub">The type of the part.</typeparam>
    /// <param name="services">The services.</param>
    /// <param name="select">Selects the part from the frozen root config.</param>
    /// <returns>The services.</returns>
    public static IServiceCollection AddStrataSubConfig<T, [DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TSub>(
        this IServiceCollection services,
        Func<T, TSub> select)
        where T : ConfigObject, IConfig<T>
        where TSub : class
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(select);
        services.AddOptions();
        services.AddSingleton(sp => select(sp.GetRequiredService<T>())
            ?? throw new InvalidOperationException("The selected part of " + typeof(T).Name + " is null: there is no " + typeof(TSub).Name + " to register."));
        services.AddSingleton<IOptionsFactory<TSub>>(static sp => new FixedOptionsFactory<TSub>(sp.GetRequiredService<TSub>()));
        return services;
    }
}
