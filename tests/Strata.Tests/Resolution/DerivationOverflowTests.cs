using Strata.Resolution;
using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>
/// A derived value past the range of its type is one error at the derived field, placed where its inputs were set,
/// never a wrapped value and never followed by the field's own rule ("must be > 0, got 0").
/// </summary>
public sealed class DerivationOverflowTests
{
    [Fact]
    public void A_product_that_fits_is_derived_as_an_implicit_value()
    {
        var r = Resolve("width: 65536\ncount: 32767\n");

        Assert.Equal(65536 * 32767, r.Config.Total);
        Assert.False(r.Config.IsExplicit(nameof(ProductConfig.Total)));
    }

    [Fact]
    public void A_product_past_the_int_range_is_one_error_at_the_derived_field_placed_at_the_first_input_set()
    {
        var error = Assert.Single(Errors("count: 2\nwidth: 1073741824\n"));

        Assert.Equal(DiagnosticCodes.DerivationFailed, error.Code);
        Assert.Equal("total", error.Path);
        Assert.Equal("product.yaml:2:8", error.Origin?.ToString());
        Assert.Equal("width × count = 1073741824 × 2 = 2147483648 is out of range for int (-2147483648..2147483647)", error.Message);
    }

    [Fact]
    public void A_product_below_the_int_range_is_reported_the_same_way()
    {
        // Width and count break their rules too; the product is still exact, not wrapped to a positive number.
        var errors = Errors("width: -65536\ncount: 65536\n");

        Assert.Contains(errors, e => e.Path == "total" && e.Message.Contains("= -4294967296 is out of range for int", StringComparison.Ordinal));
        Assert.DoesNotContain(errors, e => e.Path == "total" && e.Code == DiagnosticCodes.FieldRule);
    }

    [Fact]
    public void A_checked_expression_that_overflows_in_a_hook_is_one_error_and_the_fields_it_left_unset_are_not_checked()
    {
        var error = Assert.Single(Errors("checked_cube: true\nwidth: 2147483647\ncount: 2\n", "total=1"));

        Assert.Equal(DiagnosticCodes.DerivationFailed, error.Code);
        Assert.Equal("derivation of ProductConfig failed: a value is out of range of its type (arithmetic overflow)", error.Message);
    }

    [Fact]
    public void A_derived_product_is_never_a_wrapped_value()
    {
        // 65537 × 65537 wraps to 131073 in unchecked int arithmetic: a plausible size that would validate.
        var errors = Errors("width: 65537\ncount: 65537\n");

        Assert.Equal(["total"], errors.Select(static e => e.Path));
    }

    [Fact]
    public void A_derived_value_computed_from_a_value_in_error_is_not_checked_again()
    {
        // width = -1 breaks its rule; total = -4 and excess = -5 are derived from it and would only repeat it.
        var error = Assert.Single(Errors("width: -1\n"));

        Assert.Equal(("width", "product.yaml:1:8", "must be > 0, got -1"), (error.Path, error.Origin?.ToString(), error.Message));
    }

    [Fact]
    public void A_derived_value_that_breaks_its_rule_with_no_other_error_is_reported()
    {
        var error = Assert.Single(Errors("width: 4\ncount: 16\n"));

        Assert.Equal((DiagnosticCodes.FieldRule, "excess", "derived", "must be > 0, got -12"), (error.Code, error.Path, error.Origin?.ToString(), error.Message));
    }

    [Fact]
    public void A_derived_value_is_not_checked_again_when_a_value_of_its_config_failed_to_bind()
    {
        // The count that failed to bind keeps its default (4); excess = 2 − 4 breaks its rule only because of it.
        var error = Assert.Single(Errors("width: 2\ncount: many\n"));

        Assert.Equal(("count", DiagnosticCodes.TypeMismatch), (error.Path, error.Code));
    }

    [Theory]
    [InlineData(new long[] { 4, 536870911 }, 2147483644)]
    [InlineData(new long[] { int.MinValue }, int.MinValue)]
    [InlineData(new long[] { -1, 2147483647 }, -2147483647)]
    [InlineData(new long[] { long.MaxValue, long.MaxValue, 0 }, 0)]
    [InlineData(new long[] { }, 1)]
    [InlineData(new long[] { 65536, 65536 }, null)]
    [InlineData(new long[] { -1, int.MinValue }, null)]
    [InlineData(new long[] { long.MaxValue, 2, -1 }, null)]
    public void A_product_is_exact_over_the_whole_range_of_its_factors(long[] factors, int? expected)
    {
        var state = new ResolutionState(new ResolveOptions { Environment = Resolution.Resolve.NoEnvironment });
        var context = new DeriveContext(state) { Current = new ProductConfig() };

        var product = context.Product(nameof(ProductConfig.Total), "f", factors);

        Assert.Equal(expected, product);
        Assert.Equal(expected is null ? 1 : 0, state.Diagnostics.ErrorCount);
    }

    private static Resolved<ProductConfig> Resolve(string yaml) =>
        new ConfigResolver<ProductConfig>(new ResolveOptions { Environment = Resolution.Resolve.NoEnvironment }).AddYaml(yaml, "product.yaml").Resolve();

    private static List<Diagnostic> Errors(string yaml, params string[] overrides)
    {
        var ok = new ConfigResolver<ProductConfig>(new ResolveOptions { Environment = Resolution.Resolve.NoEnvironment })
            .AddYaml(yaml, "product.yaml")
            .AddOverrides(overrides)
            .TryResolve(out _, out var diagnostics);
        Assert.False(ok, "expected the resolution to fail");
        return [.. diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)];
    }
}
