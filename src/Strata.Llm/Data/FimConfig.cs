namespace Strata.Llm.Data;

/// <summary>Fill-in-the-middle: some documents are cut into prefix, middle and suffix and reordered around sentinel tokens.</summary>
[Config]
public sealed partial class FimConfig
{
    /// <summary>The fraction of documents transformed.</summary>
    [Field(FieldHint.Core), Range(0, 1)]
    public partial double Rate { get; set; }

    /// <summary>The longest middle part, in characters; unset for no limit.</summary>
    [Field(FieldHint.Feature), GreaterThan(0)]
    public partial int? MaxMiddleLen { get; set; }

    /// <summary>A token that splits documents into fragments transformed separately; unset to transform whole documents.</summary>
    [Field(FieldHint.Feature)]
    public partial string? SplitSample { get; set; }

    /// <summary>The fraction of fragments transformed, when documents are split.</summary>
    [Field(FieldHint.Feature), Range(0, 1)]
    public partial double FragmentRate { get; set; }

    /// <summary>A prefix that marks documents never transformed; unset to consider every document.</summary>
    [Field(FieldHint.Feature)]
    public partial string? IgnorePrefix { get; set; }

    /// <summary>The fraction of transformed documents in suffix-prefix-middle order (the others are prefix-suffix-middle).</summary>
    [Field(FieldHint.Feature), Range(0, 1)]
    public partial double SpmRate { get; set; } = 0.5;

    /// <summary>Whether transformed documents are truncated or padded to their original length.</summary>
    [Field(FieldHint.Feature)]
    public partial bool TruncateOrPad { get; set; }

    /// <summary>The sentinel token before the prefix.</summary>
    [Field(FieldHint.Feature)]
    public partial string PrefixToken { get; set; } = "<fim_prefix>";

    /// <summary>The sentinel token before the middle.</summary>
    [Field(FieldHint.Feature)]
    public partial string MiddleToken { get; set; } = "<fim_middle>";

    /// <summary>The padding token.</summary>
    [Field(FieldHint.Feature)]
    public partial string PadToken { get; set; } = "<fim_pad>";

    /// <summary>The sentinel token before the suffix.</summary>
    [Field(FieldHint.Feature)]
    public partial string SuffixToken { get; set; } = "<fim_suffix>";

    /// <summary>Copies every setting to another fill-in-the-middle config (used for the generated legacy datasets).</summary>
    /// <param name="target">The config to copy to.</param>
    internal void CopyTo(FimConfig target)
    {
        target.Rate = Rate;
        target.MaxMiddleLen = MaxMiddleLen;
        target.SplitSample = SplitSample;
        target.FragmentRate = FragmentRate;
        target.IgnorePrefix = IgnorePrefix;
        target.SpmRate = SpmRate;
        target.TruncateOrPad = TruncateOrPad;
        target.PrefixToken = PrefixToken;
        target.MiddleToken = MiddleToken;
        target.PadToken = PadToken;
        target.SuffixToken = SuffixToken;
    }
}
