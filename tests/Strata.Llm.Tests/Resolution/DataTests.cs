using Strata.Llm.Data;

namespace Strata.Llm.Tests.Resolution;

public sealed class DataTests
{
    [Fact]
    public void Datasets_are_selected_by_their_type()
    {
        const string yaml = """
            data:
              datasets:
                training:
                  type: blended
                  datasets:
                    - {type: memmap, path: data/a}
                    - {type: slice, dataset: {type: concatenated, datasets: [{type: memmap, path: data/b}]}, end: 0.5}
                  weights: [3, 1]
                validation:
                  type: fim
                  rate: 0.5
                  dataset: {type: file, path: data/c.yaml}
            """;
        var datasets = Resolve.Trainer(yaml).Config.Data.Datasets;
        var blended = Assert.IsType<GPTBlendedDatasetConfig>(datasets["training"]);
        Assert.Equal([3.0, 1.0], blended.Weights);
        Assert.Equal([0.75, 0.25], blended.Probabilities);
        Assert.Equal("data/a", Assert.IsType<GPTMemmapDatasetConfig>(blended.Datasets[0]).Path.Value);
        var slice = Assert.IsType<GPTDatasetSliceConfig>(blended.Datasets[1]);
        Assert.IsType<GPTConcatenatedDatasetConfig>(slice.Dataset);
        var fim = Assert.IsType<GPTFimSampledDatasetConfig>(datasets["validation"]);
        Assert.IsType<GPTDatasetFromFileConfig>(fim.Dataset);
    }

    [Fact]
    public void Indexed_slots_accept_only_indexed_dataset_types()
    {
        var errors = Resolve.TrainerErrors("data:\n  datasets:\n    training:\n      type: concatenated\n      datasets: [{type: random}]\n");
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.UnknownType);
    }

    [Fact]
    public void A_dataset_without_a_type_is_an_error()
    {
        Assert.NotEmpty(Resolve.TrainerErrors("data:\n  datasets:\n    training:\n      path: data/a\n"));
    }

    [Fact]
    public void A_dataset_given_as_a_name_is_one_error_and_the_datasets_are_not_checked_again()
    {
        var error = Assert.Single(Resolve.TrainerErrors(string.Empty, "data.datasets.0=books"));
        Assert.Equal(("data.datasets.0", DiagnosticCodes.TypeMismatch), (error.Path, error.Code));
    }

    [Fact]
    public void Required_dataset_parts_are_checked()
    {
        Assert.Contains(Resolve.TrainerErrors("data:\n  datasets:\n    training: {type: memmap}\n"), e => e.Path == "data.datasets.training.path");
        Assert.Contains(Resolve.TrainerErrors("data:\n  datasets:\n    training: {type: sampled}\n"), e => e.Path == "data.datasets.training.dataset");
        Assert.Contains(
            Resolve.TrainerErrors("data:\n  datasets:\n    training: {type: blended, datasets: [{type: random}, {type: random}], weights: [1]}\n"),
            e => e.Path == "data.datasets.training.weights");
    }

    [Fact]
    public void Capitalised_phase_names_are_written_in_lower_case()
    {
        var r = Resolve.Trainer("data:\n  datasets:\n    Training: {type: random}\n");
        Assert.IsType<GPTRandomDatasetConfig>(r.Config.Data.Datasets["training"]);
        Assert.False(r.Config.Data.Datasets.ContainsKey("Training"));
    }

    [Fact]
    public void Both_spellings_of_a_phase_name_are_an_error()
    {
        Assert.Contains(
            Resolve.TrainerErrors("data:\n  datasets:\n    Training: {type: random}\n    training: {type: random}\n"),
            e => e.Code == DiagnosticCodes.RenameConflict);
    }

    [Fact]
    public void A_legacy_path_may_be_a_single_string()
    {
        Assert.Equal(["data/prefix"], Resolve.Trainer("data:\n  path: data/prefix\n").Config.Data.Path);
    }

    [Fact]
    public void Fill_in_the_middle_rates_are_fractions()
    {
        Assert.Contains(Resolve.TrainerErrors("data:\n  fim:\n    rate: 1.5\n"), e => e.Path == "data.fim.rate");
    }

    [Fact]
    public void The_tokenizer_format_is_fixed()
    {
        Assert.Contains(Resolve.TrainerErrors("data:\n  tokenizer:\n    format: sentencepiece\n"), e => e.Path == "data.tokenizer.format");
    }

    [Fact]
    public void Concatenated_memmap_datasets_are_deprecated()
    {
        var r = Resolve.Trainer("data:\n  datasets:\n    training: {type: concatenated_memmap, path: data}\n");
        Assert.Contains(r.Diagnostics, d => d.Severity == DiagnosticSeverity.Warning && d.Message.Contains("deprecated", StringComparison.Ordinal));
    }

    private const string Blend = "data:\n  datasets:\n    training: {type: blended, datasets: [{type: random}, {type: random}, {type: random}], weights: [2, 1, 1]}\n";

    [Fact]
    public void Blend_weights_keep_what_the_user_wrote_effective_and_saved()
    {
        var r = Resolve.Trainer(Blend);

        var blended = Assert.IsType<GPTBlendedDatasetConfig>(r.Config.Data.Datasets["training"]);
        Assert.Equal([2.0, 1.0, 1.0], blended.Weights);
        Assert.Contains("weights:\n      - 2.0\n      - 1.0\n      - 1.0\n", r.ToYaml(), StringComparison.Ordinal);
        Assert.Equal("[2.0, 1.0, 1.0]", Assert.Single(r.Explain("data.datasets.training.weights")).Value);
    }

    [Fact]
    public void The_normalized_probabilities_of_a_blend_are_a_derived_field_shown_by_explain_and_never_saved()
    {
        var r = Resolve.Trainer(Blend);

        var probabilities = Assert.Single(r.Explain("data.datasets.training.probabilities"));
        Assert.True(probabilities.IsDerivedField);
        Assert.Equal("[0.5, 0.25, 0.25]", probabilities.Value);
        Assert.DoesNotContain("probabilities", r.ToYaml(Verbosity.All), StringComparison.Ordinal);
    }

    [Fact]
    public void An_input_that_sets_the_probabilities_of_a_blend_is_an_error()
    {
        var error = Assert.Single(Resolve.TrainerErrors(Blend, "data.datasets.training.probabilities=[0.5, 0.5]"));

        Assert.Equal(DiagnosticCodes.DerivedFieldSet, error.Code);
    }

    [Theory]
    [InlineData(".inf")]
    [InlineData(".nan")]
    public void A_weight_that_is_not_a_finite_number_is_an_error_at_the_weight_and_not_a_sum_error(string weight)
    {
        var errors = Resolve.TrainerErrors(Blend, "data.datasets.training.weights=[1, " + weight + ", 1]");

        Assert.Contains(errors, e => e.Message == "element [1] must be a finite number, got " + weight);
        Assert.All(errors, static e => Assert.Equal("data.datasets.training.weights", e.Path));
        Assert.DoesNotContain(errors, static e => e.Message.Contains("sum", StringComparison.Ordinal));
    }
}
