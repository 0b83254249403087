namespace Strata;

/// <summary>The kind of layer a value came from, in the order of precedence of rule R1.</summary>
public enum OriginKind
{
    /// <summary>The class default: no layer set the value.</summary>
    Default = 0,

    /// <summary>A pretrained checkpoint's saved configuration.</summary>
    Checkpoint = 1,

    /// <summary>A configuration file given by the user (YAML or JSON).</summary>
    File = 2,

    /// <summary>A <c>key.path=value</c> override from the command line.</summary>
    CommandLine = 3,

    /// <summary>Program code that set the value outside derivation.</summary>
    Code = 4,

    /// <summary>A declared environment variable (implicit).</summary>
    Environment = 5,

    /// <summary>A derived default computed during resolution (implicit).</summary>
    Derived = 6,

    /// <summary>A layer supplied by a host, such as an <c>IConfiguration</c> provider.</summary>
    Provider = 7,

    /// <summary>A named preset a kind ships (<c>include: [preset:NAME]</c>, <c>a.b=@preset:NAME</c>).</summary>
    Preset = 8,

    /// <summary>An interpolation (<c>${path}</c>) a layer wrote: the value of another field, taken where it was written.</summary>
    Interpolation = 9,
}
