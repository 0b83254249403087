namespace Strata.Tests.Model;

/// <summary>A config a hook of <see cref="MadeHolderConfig"/> makes, with a child its initializer makes.</summary>
[Config]
public sealed partial class MadeOuterConfig
{
    /// <summary>The child, made by the initializer.</summary>
    [Field(FieldHint.Core)]
    public partial MadeInnerConfig Inner { get; set; } = new();
}
