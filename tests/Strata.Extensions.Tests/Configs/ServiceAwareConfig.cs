namespace Strata.Extensions.Tests.Configs;

/// <summary>A config whose preparation reads a service, as checkpoint loading does.</summary>
[Config]
public sealed partial class ServiceAwareConfig
{
    /// <summary>The greeting, filled from a service unless set.</summary>
    [Field(FieldHint.Core)]
    public partial string? Greeting { get; set; }

    partial void Prepare(PrepareContext context)
    {
        if (!IsSet(nameof(Greeting)) && context.Services?.GetService(typeof(GreetingSource)) is GreetingSource source)
        {
            Greeting = source.Text;
        }
    }
}
