// A config class in the global namespace.
using Strata;

/// <summary>A config with no namespace.</summary>
[Config]
public sealed partial class GlobalConfig
{
    /// <summary>A value.</summary>
    public partial int Value { get; set; }
}
