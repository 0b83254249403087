using Strata.Tests.Model;

namespace Strata.Tests.Resolution;

/// <summary>
/// An integer field bound to an environment variable reads it as launchers write it (torchrun's WORLD_SIZE): decimal
/// ASCII digits with an optional sign, leading zeros read as Python's int() reads them. Anything else is one error at
/// <c>env NAME</c>, with the value quoted in part when long.
/// </summary>
public sealed class EnvironmentIntegerTests
{
    [Theory]
    [InlineData("4", 4)]
    [InlineData("+4", 4)]
    [InlineData("0004", 4)]
    [InlineData("2147483647", 2147483647)]
    public void Decimal_digits_with_a_sign_or_leading_zeros_are_read_as_python_int_reads_them(string value, int expected)
    {
        var r = Resolved(value);

        Assert.Equal(expected, r.Config.WorldSize);
        Assert.Equal("env STRATA_TEST_WORLD_SIZE", r.Config.GetOrigin(nameof(RunConfig.WorldSize)).ToString());
    }

    [Theory]
    [InlineData("0x8")]
    [InlineData("0o10")]
    [InlineData("0b100")]
    [InlineData("1_000")]
    [InlineData(" 8")]
    [InlineData("8\n")]
    [InlineData("1e3")]
    [InlineData("8.0")]
    [InlineData("abc")]
    [InlineData("")]
    [InlineData("+")]
    [InlineData("٨")]
    public void Any_other_form_is_one_error_at_env_NAME(string value)
    {
        var error = Assert.Single(Errors(value));

        Assert.Equal(DiagnosticCodes.EnvironmentValue, error.Code);
        Assert.Equal("world_size", error.Path);
        Assert.Equal("env STRATA_TEST_WORLD_SIZE", error.Origin?.ToString());
        Assert.Equal(
            "environment variable STRATA_TEST_WORLD_SIZE must be a decimal integer (ASCII digits with an optional sign, as a launcher writes it), got '" + value + "'",
            error.Message);
    }

    [Fact]
    public void A_decimal_integer_out_of_range_is_one_error_at_env_NAME()
    {
        var error = Assert.Single(Errors("99999999999"));

        Assert.Equal((DiagnosticCodes.NumberOutOfRange, "env STRATA_TEST_WORLD_SIZE"), (error.Code, error.Origin?.ToString()));
    }

    [Fact]
    public void A_value_that_breaks_the_field_rule_is_one_error_of_that_rule()
    {
        var environment = new Dictionary<string, string?> { ["STRATA_TEST_RANK"] = "-1" };
        var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = environment }).AddYaml("name: x\n").TryResolve(out _, out var diagnostics);

        Assert.False(ok);
        var error = Assert.Single(diagnostics, static d => d.Severity == DiagnosticSeverity.Error);
        Assert.Equal((DiagnosticCodes.FieldRule, "env STRATA_TEST_RANK"), (error.Code, error.Origin?.ToString()));
    }

    [Fact]
    public void A_value_of_a_million_digits_is_refused_before_it_is_parsed_and_quoted_in_part()
    {
        var value = new string('9', 1_000_000);

        var error = Assert.Single(Errors(value));

        Assert.Equal(DiagnosticCodes.EnvironmentValue, error.Code);
        Assert.EndsWith("got '" + new string('9', MessageText.MaxShownLength) + "…' (1000000 characters)", error.Message, StringComparison.Ordinal);
    }

    private static Resolved<RunConfig> Resolved(string value) =>
        new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Environment(value) }).AddYaml("name: x\n").Resolve();

    private static List<Diagnostic> Errors(string value)
    {
        var ok = new ConfigResolver<RunConfig>(new ResolveOptions { Environment = Environment(value) }).AddYaml("name: x\n").TryResolve(out _, out var diagnostics);
        Assert.False(ok, "expected the resolution to fail");
        return [.. diagnostics.Where(static d => d.Severity == DiagnosticSeverity.Error)];
    }

    private static Dictionary<string, string?> Environment(string worldSize) => new() { ["STRATA_TEST_WORLD_SIZE"] = worldSize };
}
