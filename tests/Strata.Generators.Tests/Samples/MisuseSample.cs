using System.Collections.Generic;
using Strata;

namespace Sample.Misuse;

/// <summary>Fields the generator cannot implement: each is reported, none is silently left out of the schema.</summary>
[Config]
public partial class MisusedConfig
{
    /// <summary>A field.</summary>
    public partial int Size { get; set; }

    /// <summary>Not partial: an ordinary auto-property.</summary>
    [Field(Name = "hidden_size")]
    public int HiddenSize { get; set; }

    /// <summary>Not partial, marked only by a rule.</summary>
    [Min(1)]
    public int Heads { get; set; } = 1;

    /// <summary>Static.</summary>
    [EnvironmentVariable("WORLD_SIZE")]
    public static int WorldSize { get; set; }

    /// <summary>An ordinary property without a field attribute: allowed.</summary>
    public int Helper => Size * 2;
}
