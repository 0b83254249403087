using System.Numerics;
using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

public sealed class TypingTests
{
    [Fact]
    public void Scalars_are_typed_by_the_schema()
    {
        var r = Resolve.Yaml("learning_rate: 1e-5\nname: 1234\nflag: true\nseed_shift: 811026271858507938190098775099\nscale: 2\nprecision: torch.bfloat16\n");
        Assert.Equal(1e-5, r.Config.LearningRate);
        Assert.Equal("1234", r.Config.Name);
        Assert.True(r.Config.Flag);
        Assert.Equal(BigInteger.Parse("811026271858507938190098775099"), r.Config.SeedShift);
        Assert.Equal(2f, r.Config.Scale);
        Assert.Equal(Precision.BFloat16, r.Config.Precision);
        Assert.Contains("precision: bfloat16", r.ToYaml());
        Assert.Contains("learning_rate: 1.0e-05", r.ToYaml());
    }

    [Theory]
    [InlineData("iterations: 4.0", DiagnosticCodes.TypeMismatch)]
    [InlineData("iterations: '4'", DiagnosticCodes.TypeMismatch)]
    [InlineData("flag: 'off'", DiagnosticCodes.TypeMismatch)]
    [InlineData("flag: 1", DiagnosticCodes.TypeMismatch)]
    [InlineData("learning_rate: '1e-5'", DiagnosticCodes.TypeMismatch)]
    [InlineData("batch_size: 99999999999", DiagnosticCodes.NumberOutOfRange)]
    [InlineData("precision: fp8", DiagnosticCodes.UnknownEnumValue)]
    [InlineData("iterations: null", DiagnosticCodes.NullNotAllowed)]
    [InlineData("layers: 3", DiagnosticCodes.TypeMismatch)]
    [InlineData("split: [1, 2, 3, 4]", DiagnosticCodes.FieldRule)]
    [InlineData("shape: [1]", DiagnosticCodes.CollectionShape)]
    [InlineData("schedule: exp", DiagnosticCodes.FieldRule)]
    [InlineData("batch_size: 12", DiagnosticCodes.FieldRule)]
    [InlineData("layers: {dropout: 1.5}", DiagnosticCodes.FieldRule)]
    [InlineData("layer_scales: {x: 1.0}", DiagnosticCodes.TypeMismatch)]
    public void Wrongly_typed_or_invalid_values_are_errors_with_a_code(string yaml, string code)
    {
        var errors = Resolve.Errors(yaml + "\n");
        Assert.Contains(errors, e => e.Code == code);
        Assert.All(errors, e => Assert.Equal(OriginKind.File, e.Origin?.Kind));
    }

    [Fact]
    public void A_repeated_element_of_a_set_is_kept_once_with_one_warning_at_each_repetition()
    {
        var r = Resolve.Yaml("ranks: [4, 5, 4, 5, 4]\n");

        Assert.Equal([4, 5], r.Config.Ranks.Order());
        Assert.Equal(
            [
                "run.yaml:1:15: warning STR0116: ranks[2]: duplicate element in a set, kept once",
                "run.yaml:1:18: warning STR0116: ranks[3]: duplicate element in a set, kept once",
                "run.yaml:1:21: warning STR0116: ranks[4]: duplicate element in a set, kept once",
            ],
            r.Diagnostics.Where(d => d.Code == DiagnosticCodes.DuplicateEntry).Select(d => d.ToString()));
        Assert.All(r.Diagnostics, d => Assert.Equal(DiagnosticSeverity.Warning, d.Severity));
        Assert.Contains("ranks:\n- 4\n- 5\n", r.ToYaml().ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public void A_repeated_element_of_a_set_given_on_the_command_line_is_kept_once_with_a_warning()
    {
        var r = Resolve.Yaml(string.Empty, "ranks=[1,1]");

        Assert.Equal([1], r.Config.Ranks);
        var warning = Assert.Single(r.Diagnostics);
        Assert.Equal((DiagnosticSeverity.Warning, DiagnosticCodes.DuplicateEntry, "ranks[1]"), (warning.Severity, warning.Code, warning.Path));
    }

    [Fact]
    public void A_rule_violation_names_the_path_the_place_and_the_value()
    {
        var error = Assert.Single(Resolve.Errors("layers:\n  num_layers: -1\n"));
        Assert.Equal("run.yaml:2:15: error STR0103: layers.num_layers: must be >= 0, got -1", error.ToString());
    }

    [Fact]
    public void Unknown_keys_are_errors_with_a_suggestion_or_warnings_when_lenient()
    {
        var error = Assert.Single(Resolve.Errors("layers:\n  num_layer: 3\n"));
        Assert.Equal(DiagnosticCodes.UnknownKey, error.Code);
        Assert.Contains("did you mean `num_layers`?", error.Message);

        var lenient = new ConfigResolver<RunConfig>(new ResolveOptions { LenientUnknownKeys = true, Environment = Resolve.NoEnvironment })
            .AddYaml("layers:\n  num_layer: 3\n", "run.yaml").Resolve();
        Assert.Contains(lenient.Diagnostics, d => d.Code == DiagnosticCodes.UnknownKey && d.Severity == DiagnosticSeverity.Warning);
    }

    [Theory]
    [InlineData("num_layers: 3\n", "unknown key `num_layers` in RunConfig (did you mean `layers.num_layers` or `teacher.num_layers`?)")]
    [InlineData("layers:\n  learning_rate: 0.1\n", "unknown key `learning_rate` in LayerConfig (did you mean the top-level `learning_rate`?)")]
    [InlineData("teacher:\n  batch_size: 4\n", "unknown key `batch_size` in LayerConfig (did you mean the top-level `batch_size`?)")]
    [InlineData("bogus_key: 1\n", "unknown key `bogus_key` in RunConfig")]
    public void An_unknown_key_that_the_schema_has_at_another_level_names_the_full_path_it_belongs_at(string yaml, string message)
    {
        var error = Assert.Single(Resolve.Errors(yaml));

        Assert.Equal(message, error.Message);
    }

    [Fact]
    public void A_suggested_path_through_a_long_dictionary_key_is_cut_as_every_quoted_input()
    {
        var key = new string('k', 400);
        var ok = new ConfigResolver<RunsHolderConfig>(new ResolveOptions { Environment = Resolve.NoEnvironment })
            .AddYaml("runs:\n  " + key + ":\n    num_layers: 3\n", "runs.yaml")
            .TryResolve(out _, out var diagnostics);

        Assert.False(ok);
        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.StartsWith("unknown key `num_layers` in RunConfig (did you mean `runs.kkk", error.Message, StringComparison.Ordinal);
        Assert.Contains("` (423 characters)", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain(key, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void A_key_written_as_the_csharp_property_name_suggests_the_key_of_that_field()
    {
        // Too far from ffn_hidden_size to be a typo of it, but the property's name in any case.
        var error = Assert.Single(Resolve.Errors("layers:\n  FfnHiddenSize: 4\n"));

        Assert.Equal("unknown key `FfnHiddenSize` in LayerConfig (did you mean `ffn_hidden_size`?)", error.Message);
    }

    [Fact]
    public void Every_problem_is_reported_not_only_the_first()
    {
        var errors = Resolve.Errors("iterations: -1\nlayers:\n  num_layers: -2\n  heads: x\nbogus: 1\n");
        Assert.Equal(4, errors.Count);
    }

    [Fact]
    public void Validation_hooks_report_cross_field_rules()
    {
        var errors = Resolve.Errors("rank: 3\n");
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.ConfigRule && e.Path == "rank");
    }

    [Fact]
    public void A_failing_derivation_becomes_a_diagnostic()
    {
        var errors = Resolve.Errors("layers:\n  hidden_size: 100\n  heads: 8\n");
        Assert.Contains(errors, e => e.Code == DiagnosticCodes.DerivationFailed && e.Message.Contains("100%8!=0", StringComparison.Ordinal));
    }
}
