using System.Globalization;

namespace Strata.Llm.Data;

/// <summary>Datasets mixed in given proportions (type <c>blended</c>).</summary>
[Config(TypeName = "blended")]
public sealed partial class GPTBlendedDatasetConfig : GPTSampledDatasetConfig
{
    /// <summary>The name of the dataset, used in logs and cache files.</summary>
    [Field(FieldHint.Core)]
    public partial string Name { get; set; } = "blended";

    /// <summary>The datasets to mix (at least two); any type.</summary>
    [Field(FieldHint.Core), MinCount(2)]
    public partial IList<GPTSampledDatasetConfig> Datasets { get; set; } = [];

    /// <summary>The proportion of each dataset, in the order of <c>datasets</c>; they need not sum to 1.</summary>
    [Field(FieldHint.Core), Min(0)]
    public partial IList<double> Weights { get; set; } = [];

    /// <summary>Whether the legacy blending algorithm is used.</summary>
    [Field(FieldHint.Deprecated)]
    public partial bool Legacy { get; set; }

    /// <summary>The weights divided by their sum (Fast-LLM normalises the field itself; Strata keeps the weights as written).</summary>
    public IReadOnlyList<double> NormalizedWeights
    {
        get
        {
            var sum = Weights.Sum();
            return sum > 0 ? [.. Weights.Select(weight => weight / sum)] : [.. Weights];
        }
    }

    partial void Validate(ValidationScope scope)
    {
        if (Weights.Count != Datasets.Count)
        {
            scope.Error(nameof(Weights), string.Create(CultureInfo.InvariantCulture, $"must have one weight per dataset ({Datasets.Count}), got {Weights.Count}"));
        }

        // Each weight is finite, but their sum may not be (1e308 + 1e308): normalized by an infinite sum, every weight
        // would silently become 0.
        var sum = Weights.Sum();
        scope.Require(Weights.Count == 0 || sum > 0, nameof(Weights), "must have a positive sum");
        scope.Require(double.IsFinite(sum), nameof(Weights), "must have a sum that is a finite float (at most 1.8e308)");
    }
}
