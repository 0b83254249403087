using System.Diagnostics.CodeAnalysis;
using Microsoft.Extensions.Options;

namespace Strata.Extensions.DependencyInjection;

/// <summary>
/// Gives the options system an already resolved, frozen config instead of letting it create and configure a new
/// instance: <c>IOptions</c>, <c>IOptionsSnapshot</c> and <c>IOptionsMonitor</c> all return this one value.
/// </summary>
/// <typeparam name="TOptions">The config type.</typeparam>
internal sealed class FixedOptionsFactory<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicParameterlessConstructor)] TOptions> : IOptionsFactory<TOptions>
    where TOptions : class
{
    private readonly TOptions _value;

    public FixedOptionsFactory(TOptions value)
    {
        _value = value;
    }

    public TOptions Create(string name) =>
        name == Options.DefaultName
            ? _value
            : throw new InvalidOperationException("A Strata config has no named options: '" + name + "' of " + typeof(TOptions).Name + " does not exist.");
}
