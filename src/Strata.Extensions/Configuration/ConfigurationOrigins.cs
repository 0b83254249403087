using Microsoft.Extensions.Configuration;

namespace Strata.Extensions.Configuration;

/// <summary>
/// Finds which provider supplied a configuration key, as <c>IConfigurationRoot.GetDebugView</c> does: the last provider
/// that has the key wins. Without a root (a bare section) the provider is unknown and origins name the key only.
/// </summary>
internal sealed class ConfigurationOrigins
{
    private const string UnknownProvider = "IConfiguration";

    private readonly IConfigurationProvider[] _providers;

    public ConfigurationOrigins(IConfiguration configuration)
    {
        _providers = configuration is IConfigurationRoot root ? [.. root.Providers] : [];
    }

    /// <summary>The provider that supplies <paramref name="path"/> and its precedence (higher wins), or -1 when unknown.</summary>
    /// <param name="path">The full key path, such as <c>Trainer:Model:NumLayers</c>.</param>
    public int PrecedenceOf(string path)
    {
        for (var i = _providers.Length - 1; i >= 0; i--)
        {
            if (_providers[i].TryGet(path, out _))
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// The origin of a section that has keys under it but no value of its own: the last provider that holds a key under
    /// <paramref name="path"/>, with the section's path.
    /// </summary>
    /// <param name="path">The section's full key path.</param>
    public Origin SectionOrigin(string path)
    {
        for (var i = _providers.Length - 1; i >= 0; i--)
        {
            if (_providers[i].GetChildKeys([], path).Any())
            {
                return OriginOf(i, path);
            }
        }

        return OriginOf(-1, path);
    }

    /// <summary>The origin of the value at <paramref name="path"/>: <c>provider &lt;provider name&gt; &lt;key path&gt;</c>.</summary>
    /// <param name="path">The full key path.</param>
    public Origin OriginOf(string path) => OriginOf(PrecedenceOf(path), path);

    /// <summary>The origin of a key whose provider is already known.</summary>
    /// <param name="precedence">The provider's position, or -1 when unknown.</param>
    /// <param name="path">The full key path.</param>
    public Origin OriginOf(int precedence, string path)
    {
        // Providers describe themselves: "JsonConfigurationProvider for 'appsettings.json' (Optional)",
        // "EnvironmentVariablesConfigurationProvider Prefix: ''", "MemoryConfigurationProvider".
        var provider = precedence >= 0 ? _providers[precedence].ToString() ?? UnknownProvider : UnknownProvider;
        return Origin.FromProvider(provider + " " + path);
    }
}
