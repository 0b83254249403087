namespace Strata.Extensions.DependencyInjection;

/// <summary>An options type with nothing in it, whose validation on start resolves the config <typeparamref name="T"/>.</summary>
/// <typeparam name="T">The config class.</typeparam>
internal sealed class StartupCheck<T>
{
}
