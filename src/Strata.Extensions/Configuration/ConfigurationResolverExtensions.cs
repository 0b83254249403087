using Microsoft.Extensions.Configuration;
using Strata.Extensions.Configuration;

namespace Strata;

/// <summary>Adds an <see cref="IConfiguration"/> (appsettings.json, environment variables, any provider) as a Strata layer.</summary>
public static class ConfigurationResolverExtensions
{
    /// <summary>
    /// Adds the configuration, or one of its sections, as the next file layer. Keys match the config class's YAML keys
    /// or its C# property names, case-insensitively (<c>NumLayers</c>, <c>num_layers</c> and <c>NUM_LAYERS</c> are one
    /// field); numbered children of a list field (<c>Layers:0:Name</c>) make a list; every value is typed by its field,
    /// so a bad one is an ordinary diagnostic. Each value's origin names the provider that supplied it and its key, as
    /// <c>GetDebugView</c> does: <c>provider JsonConfigurationProvider for 'appsettings.json' (Optional) Trainer:NumLayers</c>.
    /// </summary>
    /// <typeparam name="T">The root config class.</typeparam>
    /// <param name="resolver">The resolver.</param>
    /// <param name="configuration">
    /// The configuration; pass the root (an <see cref="IConfigurationRoot"/>, such as a host's configuration) with a
    /// <paramref name="sectionPath"/> so that origins can name providers.
    /// </param>
    /// <param name="sectionPath">
    /// The section that holds the config, such as <c>Trainer</c>; <see langword="null"/> for the whole configuration
    /// (whose root holds every environment variable when a host built it, each an unknown key to Strata).
    /// </param>
    /// <returns>The resolver.</returns>
    /// <remarks>
    /// The configuration is read now: later changes to it do not reach this layer. Keys nesting deeper than the
    /// resolver's <see cref="Sources.SourceLimits.MaxDepth"/> are not read past the limit, and the layer is then a
    /// <see cref="DiagnosticCodes.NestingLimit"/> error, as a file nesting that deep is.
    /// </remarks>
    public static ConfigResolver<T> AddConfiguration<T>(this ConfigResolver<T> resolver, IConfiguration configuration, string? sectionPath = null)
        where T : ConfigObject, IConfig<T>
    {
        ArgumentNullException.ThrowIfNull(resolver);
        ArgumentNullException.ThrowIfNull(configuration);
        return resolver.AddTree(ConfigurationTreeBuilder.Build(configuration, T.TypeInfo, sectionPath, resolver.Options.Limits.MaxDepth));
    }
}
