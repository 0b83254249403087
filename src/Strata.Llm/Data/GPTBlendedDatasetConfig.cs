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

    /// <summary>
    /// The proportion of each dataset, in the order of <c>datasets</c>; they need not sum to 1. Kept as written, effective
    /// and saved (Fast-LLM 0.2 replaces them with their normalized values; <c>probabilities</c> holds those here).
    /// </summary>
    [Field(FieldHint.Core), Min(0), Finite]
    public partial IList<double> Weights { get; set; } = [];

    /// <summary>Whether the legacy blending algorithm is used.</summary>
    [Field(FieldHint.Deprecated)]
    public partial bool Legacy { get; set; }

    /// <summary>
    /// The probability of drawing each dataset: the weights divided by their sum, as Fast-LLM's
    /// <c>normalize_probabilities</c> computes them and as its blended dataset samples with them.
    /// </summary>
    [Derived]
    public IReadOnlyList<double> Probabilities
    {
        get
        {
            var sum = 0.0;
            foreach (var weight in Weights)
            {
                sum += weight;
            }

            var probabilities = new double[Weights.Count];
            for (var i = 0; i < probabilities.Length; i++)
            {
                // A config whose weights do not have a positive finite sum is invalid (reported); its weights are shown as they are.
                probabilities[i] = sum > 0 && double.IsFinite(sum) ? Weights[i] / sum : Weights[i];
            }

            return probabilities;
        }
    }

    partial void Validate(ValidationScope scope)
    {
        if (Weights.Count != Datasets.Count)
        {
            scope.Error(nameof(Weights), string.Create(CultureInfo.InvariantCulture, $"must have one weight per dataset ({Datasets.Count}), got {Weights.Count}"));
        }

        // A weight that breaks its own rules (>= 0, finite) is reported at its place; the sum is judged only when each is
        // fine, so that one bad weight is one error. Each weight is then finite, but their sum may not be (1e308 + 1e308):
        // divided by an infinite sum, every probability would silently become 0.
        var sum = 0.0;
        foreach (var weight in Weights)
        {
            if (!(weight >= 0) || !double.IsFinite(weight))
            {
                return;
            }

            sum += weight;
        }

        scope.Require(Weights.Count == 0 || sum > 0, nameof(Weights), "must have a positive sum");
        scope.Require(double.IsFinite(sum), nameof(Weights), "must have a sum that is a finite float (at most 1.8e308)");
    }
}
